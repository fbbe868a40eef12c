import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { memoryIo, UsageError } from '../io.js';
import { diffCommand } from './diff.js';

const FIX = 'packages/sync/src/__fixtures__';
const COMMUNE = 'examples/commune';

async function diff(...args: string[]) {
  const io = memoryIo();
  const code = await diffCommand.run(args, createContext(io, undefined));
  return { code, out: io.out(), err: io.err() };
}

describe('tthc diff', () => {
  it('e-ISO against portal: typed changes, exit 2', async () => {
    const r = await diff(`${FIX}/birth-registration.eiso.json`, `${FIX}/birth-registration.portal.json`, '--json');
    expect(r.code).toBe(2);
    const parsed = JSON.parse(r.out);
    expect(parsed.a).toEqual({ file: `${FIX}/birth-registration.eiso.json`, format: 'eiso' });
    expect(parsed.b.format).toBe('portal');
    expect(parsed.changes.map((c: { code: string }) => c.code)).toContain('step.performer');
  });

  it('a document against itself: no differences, exit 0', async () => {
    const r = await diff(`${COMMUNE}/eiso/1.000656.json`, `${COMMUNE}/eiso/1.000656.json`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('No differences');
  });

  it('finds the seeded performer of examples/commune in text form', async () => {
    const r = await diff(`${COMMUNE}/eiso/1.000894.json`, `${COMMUNE}/portal/1.000894.json`);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^warning {2}step\.performer {2}B2$/m);
  });

  it('two catalogue records: legal changes; OpenCPS read by shape', async () => {
    const legal = await diff(`${COMMUNE}/base/catalogue/1.012812.json`, `${COMMUNE}/catalogue/1.012812.json`, '--json');
    expect(
      JSON.parse(legal.out)
        .changes.map((c: { code: string }) => c.code)
        .sort(),
    ).toEqual(['legalBasis.superseded', 'limit.changed']);
    const ocps = await diff(`${FIX}/birth-registration.eiso.json`, `${FIX}/opencps-birth-registration.json`, '--json');
    expect(JSON.parse(ocps.out).b.format).toBe('opencps');
  });

  it('bad input is a one-line UsageError naming the argument and value', async () => {
    await expect(diff(`${FIX}/birth-registration.eiso.json`)).rejects.toThrow(/expected two files/);
    await expect(
      diff(`${FIX}/birth-registration.eiso.json`, `${FIX}/birth-registration.portal.json`, '--format', 'eiso,xml'),
    ).rejects.toThrow(/--format "eiso,xml".*got "xml"/);
    await expect(diff('package.json', `${FIX}/birth-registration.portal.json`)).rejects.toThrow(
      /"package.json": cannot tell the format/,
    );
    const e = await diff(
      `${FIX}/birth-registration.eiso.json`,
      `${FIX}/birth-registration.eiso.json`,
      '--format',
      'eiso,portal',
    ).catch((x) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/is not a valid portal document: \/DonVi: /);
  });
});
