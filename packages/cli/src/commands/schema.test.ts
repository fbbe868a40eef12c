import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { run } from '../run.js';
import { SCHEMA_NAMES } from './schema.js';

const schemas = join(dirname(fileURLToPath(import.meta.url)), '../../../../docs/schemas');

async function tthc(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('tthc schema', () => {
  it.each(SCHEMA_NAMES)('prints exactly the committed docs/schemas/%s.schema.json', async (name) => {
    const { code, out, err } = await tthc('schema', name);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(readFileSync(join(schemas, `${name}.schema.json`), 'utf8'));
    expect(await tthc('schema', name, '--json')).toEqual({ code: 0, out, err: '' });
  });

  it('describes the documents: a procedure needs code and channels, an event is one of the types', async () => {
    const procedure = JSON.parse((await tthc('schema', 'procedure')).out) as { $schema: string };
    expect(procedure.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(JSON.stringify(procedure)).toContain('"channels"');
    const event = (await tthc('schema', 'dossier-event')).out;
    for (const type of ['complete-step', 'request-supplement', 'supplement-received', 'return-result']) {
      expect(event).toContain(`"${type}"`);
    }
  });

  it('names a missing or unknown document in one line', async () => {
    expect(await tthc('schema')).toEqual({
      code: 1,
      out: '',
      err: 'tthc schema: missing <document>; expected one of procedure, process, dossier-event\n',
    });
    expect((await tthc('schema', 'dossier')).err).toBe(
      'tthc schema: unknown document "dossier"; expected one of procedure, process, dossier-event\n',
    );
    expect((await tthc('schema', 'process', 'procedure')).err).toMatch(/^tthc schema: unexpected argument "procedure"/);
  });
});
