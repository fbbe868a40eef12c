import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eisoAdapter } from '../adapters/eiso.js';
import { portalAdapter } from '../adapters/portal.js';
import { catalogueAdapter } from '../adapters/catalogue.js';
import { diff } from '../diff/diff.js';
import { fixture } from '../match/fixtures.test-util.js';
import { plan } from '../reconcile/plan.js';
import { adapterFor, detectFormat, nativeCode } from './detect.js';
import { diffAll, planAll } from './run.js';
import type { BulkDocument, ProcedureOutcome } from './types.js';

// biome-ignore lint/suspicious/noExplicitAny: native fixtures are edited freely.
type Doc = Record<string, any>;

function opencps(): Doc {
  const url = new URL('../__fixtures__/opencps-birth-registration.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Doc;
}

/** The e-ISO fixture under another national code (a second procedure). */
function recoded(system: 'eiso' | 'portal', code: string): Doc {
  const d = fixture(system) as Doc;
  d.MaTTHC = `${code}.000.00.00.H12`;
  return d;
}

describe('detectFormat', () => {
  it('tells the four formats by shape', () => {
    expect(detectFormat(fixture('catalogue'))).toBe('catalogue');
    expect(detectFormat(fixture('eiso'))).toBe('eiso');
    expect(detectFormat(fixture('portal'))).toBe('portal');
    expect(detectFormat(opencps())).toBe('opencps');
    expect(detectFormat({ steps: [] })).toBeNull();
    expect(detectFormat([])).toBeNull();
  });
});

describe('nativeCode', () => {
  it('reads the national code each adapter would give, without parsing', () => {
    for (const raw of [fixture('catalogue'), fixture('eiso'), fixture('portal'), opencps()]) {
      const format = detectFormat(raw)!;
      const value = adapterFor(format).adapter.parse(raw).value!;
      const code = 'steps' in value ? value.procedureCode : value.code;
      expect(code.startsWith(nativeCode(format, raw)!)).toBe(true);
      expect(nativeCode(format, raw)).toMatch(/^[1-9]\.\d{6}$/);
    }
  });

  it('gives up on a code field that holds no national code (the adapter then reads the document)', () => {
    expect(nativeCode('eiso', { MaTTHC: ' 1.001193.000.00.00.H12\n' })).toBe('1.001193');
    expect(nativeCode('eiso', { MaTTHC: 1001193 })).toBeUndefined();
    expect(nativeCode('portal', { MaTTHC: '1.0011' })).toBeUndefined();
    expect(nativeCode('opencps', { serviceCode: '1.001193-H12' })).toBeUndefined();
    expect(nativeCode('catalogue', [])).toBeUndefined();
  });
});

describe('diffAll', () => {
  it('pairs by national code (suffix stripped) and gives the same changes as diff and crossCheck', () => {
    const result = diffAll({
      catalogue: [{ raw: fixture('catalogue'), source: 'c.json' }],
      eiso: [{ raw: fixture('eiso'), source: 'e.json' }],
      portal: [{ raw: fixture('portal'), source: 'p.json' }],
    });
    expect(result.bulkVersion).toBe(1);
    expect(result.unpaired).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.procedures).toHaveLength(1);
    const [one] = result.procedures;
    expect(one).toMatchObject({
      code: '1.001193',
      sources: { catalogue: 'c.json', eiso: 'e.json', portal: 'p.json' },
      formats: { catalogue: 'catalogue', eiso: 'eiso', portal: 'portal' },
      missing: [],
    });
    const iso = eisoAdapter.parse(fixture('eiso'));
    const portal = portalAdapter.parse(fixture('portal'));
    const expected = diff(
      { system: 'eiso', value: iso.value!, provenance: iso.provenance },
      { system: 'portal', value: portal.value!, provenance: portal.provenance },
    );
    expect(one!.drift).toEqual(expected);
    expect(one!.drift.length).toBeGreaterThan(0);
  });

  it('reports unpaired procedures and unreadable, misplaced or duplicate documents instead of dropping them', () => {
    const broken = fixture('portal') as Doc;
    delete broken.TruongHop;
    const result = diffAll({
      catalogue: [{ raw: fixture('catalogue') }],
      eiso: [
        { raw: fixture('eiso'), source: 'a.json' },
        { raw: recoded('eiso', '2.000815'), source: 'b.json' },
        { raw: fixture('eiso'), source: 'dup.json' },
      ],
      portal: [
        { raw: fixture('portal') },
        { raw: broken, source: 'broken.json' },
        { raw: fixture('eiso'), source: 'misplaced.json' },
        { raw: recoded('portal', '1.000656'), source: 'p2.json' },
      ],
    });
    expect(result.procedures.map((p) => p.code)).toEqual(['1.001193']);
    expect(result.unpaired).toEqual([
      { code: '1.000656', present: ['portal'], missing: ['eiso'], sources: { portal: 'p2.json' } },
      { code: '2.000815', present: ['eiso'], missing: ['portal'], sources: { eiso: 'b.json' } },
    ]);
    expect(result.problems.map((p) => [p.code, p.source])).toEqual([
      ['document.duplicate', 'dup.json'],
      ['document.invalid', 'broken.json'],
      ['document.wrongFormat', 'misplaced.json'],
    ]);
    expect(result.problems[1]!.message).toContain('TruongHop');
  });

  it('flags a procedure without a catalogue record when catalogues were given', () => {
    const result = diffAll({
      catalogue: [{ raw: fixture('catalogue') }],
      eiso: [{ raw: fixture('eiso') }, { raw: recoded('eiso', '2.000815') }],
      portal: [{ raw: fixture('portal') }, { raw: recoded('portal', '2.000815') }],
    });
    expect(result.procedures.map((p) => [p.code, p.missing])).toEqual([
      ['1.001193', []],
      ['2.000815', ['catalogue']],
    ]);
  });

  it('takes pre-grouped pairs and OpenCPS as the one-stop side', () => {
    const result = diffAll([{ eiso: { raw: fixture('eiso') }, portal: { raw: opencps() } }]);
    expect(result.procedures[0]).toMatchObject({ code: '1.001193', formats: { portal: 'opencps' } });
  });

  it('reports progress once per procedure, up to the total', () => {
    const calls: [number, number][] = [];
    const docs = (system: 'eiso' | 'portal') =>
      ['1.000001', '1.000002', '1.000003'].map((c): BulkDocument => ({ raw: recoded(system, c) }));
    diffAll({ eiso: docs('eiso'), portal: docs('portal') }, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('lists reading problems in input order though documents are parsed per procedure', () => {
    const broken = (code: string): Doc => {
      const d = recoded('eiso', code);
      delete d.NoiDung;
      return d;
    };
    const calls: [number, number][] = [];
    const result = diffAll(
      {
        eiso: [
          { raw: broken('1.000009'), source: 'e9' },
          { raw: recoded('eiso', '1.000002'), source: 'e2' },
          { raw: broken('1.000001'), source: 'e1' },
          { raw: recoded('eiso', '1.000002'), source: 'e2bis' },
        ],
        portal: [{ raw: recoded('portal', '1.000002'), source: 'p2' }],
      },
      { onProgress: (d, t) => calls.push([d, t]) },
    );
    expect(result.procedures.map((p) => p.code)).toEqual(['1.000002']);
    expect(result.unpaired).toEqual([]);
    expect(result.problems.map((p) => [p.code, p.source])).toEqual([
      ['document.invalid', 'e9'],
      ['document.invalid', 'e1'],
      ['document.duplicate', 'e2bis'],
    ]);
    // Codes are found before parsing: one whose documents are all unreadable still counts.
    expect(calls.at(-1)).toEqual([3, 3]);
  });

  it('diffs the last synced catalogue against the current one', () => {
    const current = fixture('catalogue') as Doc;
    current.CACHTHUCTHUCHIEN[0].THOIGIAN[0].THOIGIANGIAIQUYET = 3;
    const result = diffAll({
      catalogue: [{ raw: current }],
      eiso: [{ raw: fixture('eiso') }],
      portal: [{ raw: fixture('portal') }],
      base: { catalogue: [{ raw: fixture('catalogue') }] },
    });
    expect(result.procedures[0]!.announced.map((c) => c.code)).toContain('limit.changed');
  });
});

describe('planAll', () => {
  it('gives each procedure the plan that plan() makes', () => {
    const result = planAll([
      { catalogue: { raw: fixture('catalogue') }, eiso: { raw: fixture('eiso') }, portal: { raw: fixture('portal') } },
    ]);
    const direct = plan({
      catalogue: { raw: fixture('catalogue'), adapter: catalogueAdapter },
      eiso: { raw: fixture('eiso'), adapter: eisoAdapter },
      portal: { raw: fixture('portal'), adapter: portalAdapter },
    });
    expect(result.kind).toBe('plan');
    expect(result.procedures[0]!.plan).toEqual(direct);
    expect(result.procedures[0]!.drift).toEqual(direct.drift);
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it('a policy a procedure cannot follow fails that procedure only', () => {
    const result = planAll(
      { eiso: [{ raw: fixture('eiso') }], portal: [{ raw: fixture('portal') }] },
      { policy: { force: { '/steps/B9/name': 'portal' } } },
    );
    expect(result.procedures).toEqual([]);
    expect(result.problems).toMatchObject([{ code: 'plan.failed', procedure: '1.001193' }]);
    expect(result.problems[0]!.message).toContain('B9');
  });
});

describe('examples/commune', () => {
  const root = new URL('../../../../examples/commune/', import.meta.url);
  const list = (dir: string): BulkDocument[] =>
    readdirSync(new URL(`${dir}/`, root))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ raw: JSON.parse(readFileSync(new URL(`${dir}/${f}`, root), 'utf8')), source: `${dir}/${f}` }));
  const seeded = JSON.parse(readFileSync(new URL('seeded.json', root), 'utf8')) as {
    seeds: { code: string; stepKey?: string; expectedChange: string }[];
  };

  it('planAll over the three directories finds exactly the seeded disagreements', () => {
    const result = planAll({
      catalogue: list('catalogue'),
      eiso: list('eiso'),
      portal: list('portal'),
      base: { catalogue: list('base/catalogue') },
    });
    expect(result.procedures.length).toBeGreaterThanOrEqual(20);
    expect(result.unpaired).toEqual([]);
    expect(result.problems).toEqual([]);
    const label = (code: string, c: { code: string; stepKey?: string }) =>
      `${code} ${c.code}${c.stepKey ? `@${c.stepKey}` : ''}`;
    const found = result.procedures
      .flatMap((p) => [...p.drift, ...p.checks, ...p.announced].map((c) => label(p.code, c)))
      .sort();
    const expected = seeded.seeds.map((s) => label(s.code, { code: s.expectedChange, stepKey: s.stepKey })).sort();
    expect(found).toEqual(expected);
  });
});

describe('onProcedure (streaming)', () => {
  it('gives every outcome to the callback, in the order planAll returns them, and keeps none', () => {
    const codes = ['1.001193', '1.000894', '2.000635'];
    const eiso = codes.map((c) => ({ raw: recoded('eiso', c), source: `eiso/${c}.json` }));
    const portal = codes.map((c) => ({ raw: recoded('portal', c), source: `portal/${c}.json` }));
    const kept = planAll({ eiso, portal });
    const streamed: ProcedureOutcome[] = [];
    const result = planAll({ eiso, portal }, { onProcedure: (o) => streamed.push(o) });
    expect(result.procedures).toEqual([]);
    expect(streamed).toEqual(kept.procedures);
    expect(result.problems).toEqual(kept.problems);
  });
});
