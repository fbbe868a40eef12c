import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendar, DEMO_ID, demoDossier, demoEvents, demoOwner, process, procedure } from './fixtures.test-util.js';
import { readDvcqgProgress, rebuildDossiers, toDvcqgDossier, toDvcqgProgress, writeDvcqgProgressCsv } from './index.js';

const dir = new URL('../../../../examples/dvcqg/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** What examples/dvcqg holds, computed from the demo dossier. */
function expected(): Record<string, string> {
  const d = demoDossier();
  const rows = toDvcqgProgress(d, { tag: true });
  return {
    'dossier.json': json({ id: DEMO_ID, receivedAt: d.receivedAt, channel: d.channel, events: demoEvents }),
    'dong-bo-ho-so.json': json(
      toDvcqgDossier(d, procedure, { owner: demoOwner, agencyCode: 'H56.14', fieldCode: 'G15-HKD' }),
    ),
    'tien-do.json': json(rows),
    'tien-do.csv': writeDvcqgProgressCsv(rows),
  };
}

describe('examples/dvcqg', () => {
  // Regenerate with TTHC_WRITE_EXAMPLES=1 after a deliberate change of the mapping.
  if (globalThis.process.env.TTHC_WRITE_EXAMPLES === '1') {
    for (const [name, text] of Object.entries(expected())) writeFileSync(new URL(name, dir), text);
  }

  it.each(Object.entries(expected()))('%s is what the library writes today', (name, text) => {
    expect(read(name)).toBe(text);
  });

  it('the example rows rebuild the example dossier', () => {
    const { rows, positions, problems } = readDvcqgProgress(read('tien-do.csv'));
    expect(problems).toEqual([]);
    const rebuilt = rebuildDossiers(rows, { procedure, process, calendar: calendar(), positions });
    expect(rebuilt.problems).toEqual([]);
    expect(rebuilt.dossiers[0]?.events).toEqual(JSON.parse(read('dossier.json')).events);
  });
});
