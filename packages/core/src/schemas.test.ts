/**
 * The published JSON Schemas (docs/schemas/*.schema.json) are generated from the zod schemas, the one
 * source of truth (STYLE.md habit 6). This test fails when they are stale; `pnpm gen:schemas`
 * (UPDATE_SCHEMAS=1) rewrites them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ProcedureSchema } from './model/procedure.js';
import { ProcessSchema } from './model/process.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '../../../docs/schemas');
const update = process.env.UPDATE_SCHEMAS === '1';

/** The dossier event schema is written in parallel (runtime/events.ts); publish it once it exists. */
async function eventSchema(): Promise<z.ZodType | undefined> {
  if (!existsSync(join(here, 'runtime/events.ts'))) return undefined;
  const modulePath = './runtime/events.js';
  const mod = (await import(/* @vite-ignore */ modulePath)) as { DossierEventSchema?: z.ZodType };
  return mod.DossierEventSchema;
}

async function schemas(): Promise<[string, z.ZodType][]> {
  const list: [string, z.ZodType][] = [
    ['procedure', ProcedureSchema],
    ['process', ProcessSchema],
  ];
  const events = await eventSchema();
  if (events) list.push(['dossier-event', events]);
  return list;
}

// Input mode: a document may omit fields that have defaults (the parser fills them).
const render = (schema: z.ZodType) => `${JSON.stringify(z.toJSONSchema(schema, { io: 'input' }), null, 2)}\n`;

describe('published JSON Schemas', async () => {
  const list = await schemas();
  it.each(list)('docs/schemas/%s.schema.json is current', (name, schema) => {
    const file = join(outDir, `${name}.schema.json`);
    const expected = render(schema);
    if (update) {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(file, expected);
    }
    expect(existsSync(file), `${file} is missing: run \`pnpm gen:schemas\``).toBe(true);
    expect(readFileSync(file, 'utf8'), `${file} is stale: run \`pnpm gen:schemas\``).toBe(expected);
  });

  it('describe the model with its Vietnamese terms and the shared definitions', () => {
    const procedure = JSON.parse(render(ProcedureSchema)) as { $defs: Record<string, unknown> };
    expect(Object.keys(procedure.$defs)).toEqual(expect.arrayContaining(['Procedure', 'Duration', 'LegalReference']));
    expect(render(ProcessSchema)).toContain('quy trình nội bộ');
  });
});
