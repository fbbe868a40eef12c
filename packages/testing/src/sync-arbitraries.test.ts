import { type AdapterIssue, catalogueAdapter, diff, eisoAdapter, jsonPointer, portalAdapter } from '@tthc/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueRecordArb, eisoDocArb, type NativeSystem, nativeDocArb, portalDocArb } from './sync-arbitraries.js';
import { corruptArb } from './sync-corrupt.js';
import { type MutatorName, mutationArb, SYNC_MUTATORS } from './sync-mutators.js';

// biome-ignore lint/suspicious/noExplicitAny: the three adapters have different value and native types.
const ADAPTERS: Record<NativeSystem, { parse(raw: unknown): any; serialize(v: any, o?: any): any }> = {
  catalogue: catalogueAdapter,
  eiso: eisoAdapter,
  portal: portalAdapter,
};
const SYSTEMS: NativeSystem[] = ['catalogue', 'eiso', 'portal'];

describe.each(SYSTEMS)('%s documents', (system) => {
  const adapter = ADAPTERS[system];

  it('parse with no issue (valid by construction)', () => {
    fc.assert(
      fc.property(nativeDocArb(system), (doc) => {
        const r = adapter.parse(doc);
        expect(r.issues).toEqual([]);
        expect(r.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trip losslessly: serialize(parse(x).value, x) deep-equals x', () => {
    fc.assert(
      fc.property(nativeDocArb(system), (doc) => {
        const original = structuredClone(doc);
        expect(adapter.serialize(adapter.parse(doc).value, doc)).toEqual(original);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trip through a new document: parse(serialize(v)) deep-equals v', () => {
    fc.assert(
      fc.property(nativeDocArb(system), (doc) => {
        const v = adapter.parse(doc).value;
        expect(adapter.parse(adapter.serialize(v)).value).toEqual(v);
      }),
      { numRuns: 100 },
    );
  });
});

describe.each(['eiso', 'portal'] as const)('%s mutators', (system) => {
  const names = Object.keys(SYNC_MUTATORS) as MutatorName[];
  const side = (doc: unknown) => {
    const r = ADAPTERS[system].parse(doc);
    return { system, value: r.value, provenance: r.provenance };
  };

  it.each(names.filter((n) => system === 'eiso' || n !== 'dropForm'))(
    '%s yields exactly its expected change',
    (name) => {
      fc.assert(
        fc.property(mutationArb(system, { mutators: [name] }), ({ original, mutation }) => {
          expect(ADAPTERS[system].parse(mutation.doc).ok).toBe(true);
          const found = diff(side(original), side(mutation.doc)).map((c) => `${c.code}@${c.stepKey}`);
          expect(found.sort()).toEqual(mutation.expected.map((e) => `${e.code}@${e.stepKey}`).sort());
        }),
        { numRuns: 60 },
      );
    },
  );

  it('never mutates the original document', () => {
    fc.assert(
      fc.property(system === 'eiso' ? eisoDocArb() : portalDocArb(), fc.nat(), (doc, pick) => {
        const copy = structuredClone(doc);
        for (const m of Object.values(SYNC_MUTATORS)) m(doc, system, pick);
        expect(doc).toEqual(copy);
      }),
      { numRuns: 50 },
    );
  });
});

it('the portal has no forms to drop', () => {
  fc.assert(fc.property(portalDocArb(), (doc) => SYNC_MUTATORS.dropForm(doc, 'portal', 0) === undefined));
});

it('catalogue records have distinct channels', () => {
  fc.assert(
    fc.property(catalogueRecordArb(), (doc) => {
      const kenh = (doc.CACHTHUCTHUCHIEN as { KENH: unknown }[]).map((c) => String(c.KENH));
      return new Set(kenh).size === kenh.length;
    }),
  );
});

/** An error issue names where it is: a JSON pointer that is the pointer of its path. */
function pointsAtAPath(issue: AdapterIssue): boolean {
  return (
    typeof issue.pointer === 'string' &&
    (issue.pointer === '' || issue.pointer.startsWith('/')) &&
    Array.isArray(issue.path) &&
    jsonPointer(issue.path) === issue.pointer
  );
}

/**
 * `pnpm test` size: strings up to 2,000 characters and nesting up to 200 levels. The nightly fuzz
 * (`scripts/fuzz-adapters.mjs`) uses the hostile defaults (200,000 characters, 2,000 levels).
 */
const TEST_SIZE = { maxStringLength: 2000, maxDepth: 200 } as const;

describe.each(SYSTEMS)('%s adapter on corrupted input', (system) => {
  it('never throws; every error issue names a JSON pointer; ok ⇔ no error and a value', () => {
    fc.assert(
      fc.property(corruptArb(system, TEST_SIZE), (raw) => {
        const r = ADAPTERS[system].parse(raw);
        const errors = (r.issues as AdapterIssue[]).filter((i) => i.severity === 'error');
        for (const issue of r.issues as AdapterIssue[]) expect(pointsAtAPath(issue)).toBe(true);
        expect(r.ok).toBe(errors.length === 0);
        expect(r.value !== undefined).toBe(r.ok);
      }),
      { numRuns: 700 },
    );
  });

  it('does not pollute Object.prototype', () => {
    fc.assert(
      fc.property(corruptArb(system, { ...TEST_SIZE, maxEdits: 6 }), (raw) => {
        const r = ADAPTERS[system].parse(raw);
        if (r.ok) ADAPTERS[system].serialize(r.value, raw);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
