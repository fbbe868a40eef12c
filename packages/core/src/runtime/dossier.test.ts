import { describe, expect, test } from 'vitest';
import type { CoreError } from '../errors.js';
import { apply } from './apply.js';
import { openDossier } from './dossier.js';
import { clerk, officer, procedure, process, tet2026Calendar } from './fixtures.test-util.js';
import { dueDates } from './views.js';

const cal = tet2026Calendar();
const init = { id: 'H12.1-260213-0001', receivedAt: '2026-02-13T16:30:00+07:00', channel: 'direct' as const };

describe('openDossier', () => {
  test('a 3-working-day dossier received Fri 13 Feb 2026 16:30 is due Wed 25 Feb 16:30 (Tết 16–20 Feb)', () => {
    // 30 min on Fri 13 (16:30–17:00); Mon 16 – Fri 20 Tết and the weekends are skipped;
    // Mon 23 and Tue 24 give 8 h each (16.5 h so far); the remaining 7.5 h on Wed 25 end at 16:30
    // (08:00–12:00 is 4 h, 13:00–16:30 is 3.5 h).
    const d = openDossier(procedure, process(), cal, init);
    expect(dueDates(d).due).toBe('2026-02-25T16:30:00+07:00');
    expect(dueDates(d).originalDue).toBe('2026-02-25T16:30:00+07:00');
    // The receive step (4 h): 30 min on Friday, then 3.5 h from Mon 23 08:00 → 11:30.
    expect(dueDates(d).steps[0]).toMatchObject({ step: 'receive', due: '2026-02-23T11:30:00+07:00' });
  });

  test('a receipt outside office hours counts from the next working instant', () => {
    const d = openDossier(procedure, process(), cal, { ...init, receivedAt: '2026-02-21T10:00:00+07:00' });
    // Saturday during Tết → counting starts Mon 23 08:00; 24 h → Wed 25 17:00 (a result exactly at
    // a window's close stays there).
    expect(dueDates(d).due).toBe('2026-02-25T17:00:00+07:00');
  });

  test('civil-code counting: the day of receipt is not counted; the period ends at the close of day 3', () => {
    const d = openDossier(procedure, process({ countingRule: 'civil-code' }), cal, init);
    expect(dueDates(d).due).toBe('2026-02-25T17:00:00+07:00');
  });

  test('a same-day limit takes its cut-off from the process (received after 15:00 → next working day)', () => {
    const sameDay = {
      ...procedure,
      channels: [{ channel: 'direct' as const, timeLimit: { amount: 1, unit: 'sameDay' as const }, fees: [] }],
    };
    const p = process({ sameDayCutoff: '15:00' });
    const early = openDossier(sameDay, p, cal, { ...init, receivedAt: '2026-03-02T14:00:00+07:00' });
    const late = openDossier(sameDay, p, cal, { ...init, receivedAt: '2026-03-02T15:30:00+07:00' });
    expect(dueDates(early).due).toBe('2026-03-02T17:00:00+07:00');
    expect(dueDates(late).due).toBe('2026-03-03T17:00:00+07:00');
  });

  test('refuses a channel the procedure does not offer, another procedure, a receipt without offset', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as CoreError;
      }
      throw new Error('expected an error');
    };
    const postal = err(() => openDossier(procedure, process(), cal, { ...init, channel: 'postal' }));
    expect(postal.code).toBe('INVALID_PROCEDURE');
    expect(postal.message).toContain('postal');
    const other = err(() => openDossier(procedure, process({ procedureCode: '1.001193' }), cal, init));
    expect(other.code).toBe('INVALID_PROCESS');
    expect(other.issues[0]?.path).toEqual(['procedureCode']);
    const local = err(() => openDossier(procedure, process(), cal, { ...init, receivedAt: '2026-02-13T16:30:00' }));
    expect(local.code).toBe('INVALID_EVENT');
    expect(local.issues[0]).toMatchObject({ path: ['receivedAt'], value: '2026-02-13T16:30:00' });
  });

  test('the dossier is immutable: apply returns a new dossier', () => {
    const d0 = openDossier(procedure, process(), cal, init);
    const d1 = apply(d0, { type: 'complete-step', step: 'receive', at: '2026-02-23T09:00:00+07:00', by: clerk });
    expect(Object.isFrozen(d0)).toBe(true);
    expect(d0.events).toHaveLength(0);
    expect(d0.ledger.steps).toHaveLength(1);
    expect(d1.ledger.steps).toHaveLength(2);
    expect(d1.ledger.steps[1]).toMatchObject({ step: 'review', handedOverBy: clerk });
    expect(() =>
      apply(d1, { type: 'complete-step', step: 'review', at: '2026-02-23T10:00:00+07:00', by: officer }),
    ).not.toThrow();
  });
});
