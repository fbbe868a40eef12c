import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import catalogueRaw from '../__fixtures__/birth-registration.catalogue.json' with { type: 'json' };
import eisoRaw from '../__fixtures__/birth-registration.eiso.json' with { type: 'json' };
import portalRaw from '../__fixtures__/birth-registration.portal.json' with { type: 'json' };
import type { Adapter } from '../issues.js';
import { sameDuration } from '../native.js';
import { catalogueAdapter } from './catalogue.js';
import { eisoAdapter } from './eiso.js';
import { portalAdapter } from './portal.js';

/** Every plain object of a JSON value, so an unknown field can be planted anywhere. */
function objectsOf(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const v of value) objectsOf(v, out);
  else if (value !== null && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    for (const v of Object.values(value)) objectsOf(v, out);
  }
  return out;
}

const unknownField = fc.record({
  key: fc.string({ minLength: 1, maxLength: 8 }).map((k) => `x-${k}`),
  value: fc.jsonValue({ maxDepth: 2 }),
  at: fc.nat(),
  form: fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'),
});

const cases: [string, Adapter<unknown, unknown, undefined>, unknown][] = [
  ['catalogue', catalogueAdapter as never, catalogueRaw],
  ['eiso', eisoAdapter as never, eisoRaw],
  ['portal', portalAdapter as never, portalRaw],
];

describe.each(cases)('%s adapter round trip', (_name, adapter, raw) => {
  it('serialize(parse(x).value, x) deep-equals x with unknown fields planted anywhere', () => {
    fc.assert(
      fc.property(fc.array(unknownField, { maxLength: 5 }), (fields) => {
        const x = structuredClone(raw) as Record<string, unknown>;
        const objects = objectsOf(x);
        for (const f of fields) {
          const target = objects[f.at % objects.length]!;
          // Unknown text is kept byte for byte, whatever its normalisation form.
          target[f.key] = typeof f.value === 'string' ? `${f.value}Việt`.normalize(f.form) : f.value;
        }
        const r = adapter.parse(structuredClone(x));
        expect(r.ok).toBe(true);
        expect(adapter.serialize(r.value, structuredClone(x))).toEqual(x);
      }),
      { numRuns: 60 },
    );
  });

  it('parse(serialize(v)) deep-equals v when there is no original', () => {
    const v = adapter.parse(structuredClone(raw)).value;
    expect(adapter.parse(adapter.serialize(v)).value).toEqual(v);
  });
});

describe('a changed budget is written back and read again', () => {
  const budget = fc.oneof(
    fc.record({ amount: fc.integer({ min: 0, max: 40 }).map((n) => n / 4), unit: fc.constant('workingHour' as const) }),
    fc.record({ amount: fc.integer({ min: 1, max: 20 }), unit: fc.constant('workingDay' as const) }),
    fc.record({ amount: fc.integer({ min: 1, max: 120 }), unit: fc.constant('workingMinute' as const) }),
  );
  it.each([
    ['eiso', eisoAdapter, eisoRaw],
    ['portal', portalAdapter, portalRaw],
  ] as const)('%s', (_name, adapter, raw) => {
    fc.assert(
      fc.property(budget, fc.nat(), (b, at) => {
        const x = structuredClone(raw) as never;
        const p = adapter.parse(structuredClone(x)).value!;
        const i = at % p.steps.length;
        const changed = { ...p, steps: p.steps.map((s, j) => (j === i ? { ...s, budget: b } : s)) };
        const again = adapter.parse(adapter.serialize(changed, x)).value!;
        expect(sameDuration(again.steps[i]!.budget, b)).toBe(true);
        again.steps.forEach((s, j) => {
          if (j !== i) expect(s).toEqual(p.steps[j]);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe.each(cases)('%s serialize', (_name, adapter, raw) => {
  it('returns a document that shares nothing with the original', () => {
    const x = structuredClone(raw);
    const out = adapter.serialize(adapter.parse(structuredClone(x)).value, x) as Record<string, unknown>;
    for (const o of objectsOf(out)) o['x-mutated'] = true;
    expect(x).toEqual(raw);
  });
});
