import { type Process, ProcessSchema } from '@tthc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import eisoRaw from '../__fixtures__/birth-registration.eiso.json' with { type: 'json' };
import portalRaw from '../__fixtures__/birth-registration.portal.json' with { type: 'json' };
import { quickProcess } from './canonical.js';
import { eisoAdapter } from './eiso.js';
import { portalAdapter } from './portal.js';

/** A candidate as the adapters build it: the parsed process without the fields the schema fills in. */
function candidateOf(p: Process, dropForms: boolean): Record<string, unknown> {
  const { countingRule: _rule, supplementation: _supplementation, ...rest } = structuredClone(p);
  if (dropForms) delete (rest as { forms?: unknown }).forms;
  return rest;
}

const eiso = eisoAdapter.parse(eisoRaw).value!;
const portal = portalAdapter.parse(portalRaw).value!;
const bases = [candidateOf(eiso, false), candidateOf(portal, true), candidateOf(portal, false)];

/** Every path (keys and indices) inside a JSON value. */
function pathsOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) pathsOf(value[i], [...at, i], out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  }
  out.push(at);
  return out;
}

const DELETE = Symbol('delete');
const EXTRA = Symbol('extra key');

function mutate(base: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(base);
  if (path.length === 0) return replacement;
  let parent = copy as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === DELETE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (replacement === EXTRA) {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      (target as Record<string, unknown>).unexpected = 1;
    } else parent[last] = { unexpected: 1 };
  } else parent[last] = replacement;
  return copy;
}

const replacement = fc.oneof(
  fc.constantFrom<unknown>(
    DELETE,
    EXTRA,
    undefined,
    null,
    '',
    ' ',
    'B 1',
    'B1',
    '2025-02-30',
    '2024-02-29',
    '1.001193',
    'x',
    0,
    -1,
    1.5,
    11,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    [],
    {},
    ['Mẫu 01'],
    [''],
    { amount: 1, unit: 'workingDay' },
    { amount: 1, unit: 'sameDay', cutoff: '15:00' },
    { amount: 1, unit: 'workingMinute', notCounted: true },
    { amount: 0, unit: 'workingMinute', notCounted: true },
    { amount: 1, unit: 'week' },
    { unit: 'Phòng', role: 'Công chức' },
    { unit: 'Phòng', role: '' },
    { name: 'done', next: null },
    { name: 'done', next: 'b 2' },
    { name: 'done' },
    'review',
    'sleep',
    'calendarDay',
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('quickProcess', () => {
  it('builds exactly what ProcessSchema returns for what the adapters write', () => {
    for (const base of bases) {
      const quick = quickProcess(base);
      expect(quick).toBeDefined();
      const parsed = ProcessSchema.parse(base);
      expect(quick).toStrictEqual(parsed);
      expect(JSON.stringify(quick)).toBe(JSON.stringify(parsed));
    }
  });

  it('never accepts what the schema refuses, and never returns anything else than the schema', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.nat(), replacement, (b, at, value) => {
        const base = bases[b]!;
        const paths = pathsOf(base);
        const input = mutate(base, paths[at % paths.length]!, value);
        const quick = quickProcess(input);
        if (quick === undefined) return;
        accepted++;
        const r = ProcessSchema.safeParse(input);
        expect(r.success).toBe(true);
        expect(quick).toStrictEqual(r.data);
        expect(JSON.stringify(quick)).toBe(JSON.stringify(r.data));
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: many mutated candidates are still valid and take the quick path.
    expect(accepted).toBeGreaterThan(300);
  });

  it('gives the same problems as the schema for a bad candidate (the adapter falls back to it)', () => {
    const bad = structuredClone(eisoRaw) as { NoiDung: { QuyTrinhXuLy: { TrinhTu: string }[] } };
    bad.NoiDung.QuyTrinhXuLy[0]!.TrinhTu = '   ';
    const r = eisoAdapter.parse(bad);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.code)).toContain('canonical.invalid');
    expect(r.issues.find((i) => i.code === 'canonical.invalid')?.pointer).toBe('/NoiDung/QuyTrinhXuLy/0/TrinhTu');
  });
});
