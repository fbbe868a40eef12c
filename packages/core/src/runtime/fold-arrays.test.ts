import { describe, expect, test } from 'vitest';
import { apply, applyAll } from './apply.js';
import { openDossier } from './dossier.js';
import { clerk, leader, officer, procedure, process, tet2026Calendar } from './fixtures.test-util.js';
import { appended, inFold, replacedAt } from './fold-arrays.js';

const cal = tet2026Calendar();
const init = { id: 'H12.1-260302-0001', receivedAt: '2026-03-02T08:00:00+07:00', channel: 'direct' as const };
const open = () => openDossier(procedure, process(), cal, init);

/** Receipt, then `loops` rounds of review → not approved (back to review), one minute apart. */
function loopEvents(loops: number, startMinute = 0): unknown[] {
  const t0 = Date.parse('2026-03-02T03:00:00Z') + startMinute * 60_000;
  const at = (k: number) => new Date(t0 + k * 60_000).toISOString();
  const out: unknown[] = startMinute === 0 ? [{ type: 'complete-step', step: 'receive', at: at(0), by: clerk }] : [];
  for (let k = 1; k <= loops; k++) {
    out.push({ type: 'complete-step', step: 'review', at: at(2 * k - 1), by: officer });
    out.push({ type: 'complete-step', step: 'approve', outcome: 'not-approved', at: at(2 * k), by: leader });
  }
  return out;
}

describe('applyAll folds in linear time without changing what it was given', () => {
  test('the same dossier as apply one event at a time', () => {
    const events = loopEvents(40);
    const folded = applyAll(open(), events);
    const stepped = events.reduce<ReturnType<typeof open>>((d, e) => apply(d, e), open());
    expect(folded.ledger).toEqual(stepped.ledger);
    expect(folded.events).toEqual(stepped.events);
    expect(folded.snapshot.value).toEqual(stepped.snapshot.value);
    // receive, then review and approve 40 times, and the review the last refusal went back to.
    expect(folded.ledger.steps).toHaveLength(82);
  });

  test('a dossier handed in, or returned by an earlier fold, is never changed by a later fold', () => {
    const d0 = open();
    const d1 = applyAll(d0, loopEvents(5));
    const before = { events: d1.events.length, steps: d1.ledger.steps.length, last: d1.ledger.steps.at(-1) };
    const d2 = applyAll(d1, loopEvents(5, 100));
    const d3 = apply(d1, loopEvents(1, 200)[0]);
    expect(d0.events).toEqual([]);
    expect(d0.ledger.steps).toHaveLength(1);
    expect({ events: d1.events.length, steps: d1.ledger.steps.length, last: d1.ledger.steps.at(-1) }).toEqual(before);
    expect(d2.events).toHaveLength(d1.events.length + 10);
    expect(d3.events).toHaveLength(d1.events.length + 1);
    expect(d2.ledger.steps).not.toBe(d1.ledger.steps);
  });

  test('a refused event leaves the dossier handed in as it was', () => {
    const d1 = applyAll(open(), loopEvents(3));
    const steps = [...d1.ledger.steps];
    const events = [
      ...loopEvents(2, 50),
      { type: 'complete-step', step: 'issue', at: '2026-03-02T23:00:00Z', by: clerk },
    ];
    expect(() => applyAll(d1, events)).toThrow(/step-not-current/);
    expect(d1.ledger.steps).toEqual(steps);
    expect(d1.events).toHaveLength(7);
  });

  test('appends copy outside a fold and reuse only the lists the fold made', () => {
    const given = [1, 2];
    const outside = appended(given, 3);
    expect(given).toEqual([1, 2]);
    expect(outside).toEqual([1, 2, 3]);
    inFold(() => {
      const a = appended(given, 3);
      expect(a).not.toBe(given);
      expect(appended(a, 4)).toBe(a);
      expect(replacedAt(a, 0, 9)).toBe(a);
      expect(replacedAt(given, 0, 9)).not.toBe(given);
    });
    expect(given).toEqual([1, 2]);
  });
});
