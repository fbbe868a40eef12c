/**
 * Acceptance test of the commune data set (examples/commune): every document is valid in its format,
 * and reconciling the three systems finds every seeded disagreement (seeded.json) and nothing else.
 * Found = plan drift (e-ISO → portal) + plan checks (merged process against the catalogue) + diff of
 * the last-synced catalogue against the current one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type Change, catalogueAdapter, diff, eisoAdapter, plan, portalAdapter } from '@tthc/sync';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../examples/commune/', import.meta.url);

interface Seed {
  readonly code: string;
  readonly kind: string;
  readonly system: string;
  readonly stepKey?: string;
  readonly expectedChange: string;
}

function read(dir: string, code: string): unknown {
  return JSON.parse(readFileSync(new URL(`${dir}/${code}.json`, ROOT), 'utf8'));
}

const seeded = JSON.parse(readFileSync(new URL('seeded.json', ROOT), 'utf8')) as {
  seeds: Seed[];
  agreeing: string[];
};
const codes = readdirSync(new URL('catalogue/', ROOT))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

/** A change as the seed list names it: code and step key. */
function label(c: { expectedChange?: string; code?: string; stepKey?: string }): string {
  return `${c.expectedChange ?? c.code}${c.stepKey ? `@${c.stepKey}` : ''}`;
}

function found(code: string): Change[] {
  const p = plan({
    catalogue: { raw: read('catalogue', code), adapter: catalogueAdapter },
    eiso: { raw: read('eiso', code), adapter: eisoAdapter },
    portal: { raw: read('portal', code), adapter: portalAdapter },
  });
  const base = catalogueAdapter.parse(read('base/catalogue', code));
  const current = catalogueAdapter.parse(read('catalogue', code));
  const announced = diff(
    { system: 'catalogue', value: base.value!, provenance: base.provenance },
    { system: 'catalogue', value: current.value!, provenance: current.provenance },
  );
  return [...p.drift, ...p.checks, ...announced];
}

describe('examples/commune', () => {
  it('has at least 20 procedures, each in the three systems, named by its national code', () => {
    expect(codes.length).toBeGreaterThanOrEqual(20);
    for (const dir of ['eiso', 'portal', 'base/catalogue']) {
      const names = readdirSync(new URL(`${dir}/`, ROOT)).sort();
      expect(names).toEqual(codes.map((c) => `${c}.json`));
    }
    for (const code of codes) expect(code).toMatch(/^[1-9]\.\d{6}$/);
  });

  it.each(codes)('%s: every document parses with no issue and names its procedure', (code) => {
    const results = [
      catalogueAdapter.parse(read('catalogue', code)),
      catalogueAdapter.parse(read('base/catalogue', code)),
      eisoAdapter.parse(read('eiso', code)),
      portalAdapter.parse(read('portal', code)),
    ];
    for (const r of results) {
      expect(r.issues).toEqual([]);
      expect(r.ok).toBe(true);
    }
    const [catalogue, , iso, portal] = results.map((r) => r.value as { code?: string; procedureCode?: string });
    expect(catalogue?.code).toBe(code);
    expect(iso?.procedureCode?.startsWith(`${code}.`)).toBe(true);
    expect(portal?.procedureCode?.startsWith(`${code}.`)).toBe(true);
  });

  it('lists seeds only for procedures of the set, and says which procedures agree', () => {
    const seededCodes = new Set(seeded.seeds.map((s) => s.code));
    for (const code of seededCodes) expect(codes).toContain(code);
    expect(seeded.agreeing.filter((c) => seededCodes.has(c))).toEqual([]);
    expect([...seededCodes, ...seeded.agreeing].sort()).toEqual(codes);
    expect(seeded.agreeing.length).toBeGreaterThanOrEqual(5);
  });

  it.each(codes)('%s: reconciling finds exactly the seeded disagreements', (code) => {
    const expected = seeded.seeds.filter((s) => s.code === code).map(label);
    expect(found(code).map(label).sort()).toEqual(expected.sort());
  });

  it('no seeded change is found only by wording: aliases and equal times are not disagreements', () => {
    // 1.001193 mixes "Bộ phận TN&TKQ" / "Bộ phận Một cửa", "UBND" / "Ủy ban nhân dân", "0,5 ngày" / 4 h.
    const iso = JSON.stringify(read('eiso', '1.001193'));
    const portal = JSON.stringify(read('portal', '1.001193'));
    expect(iso).toContain('Bộ phận TN&TKQ');
    expect(portal).toContain('Bộ phận Một cửa');
    expect(iso).toContain('0,5 ngày');
    expect(found('1.001193')).toEqual([]);
  });
});
