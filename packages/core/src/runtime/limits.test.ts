/**
 * Limits the national catalogue states in months ("06 tháng", Civil Code 2015 art. 147–148) or does
 * not state at all ("Không có thông tin" → timeLimit null), end to end through lint and the runtime.
 */
import { describe, expect, it } from 'vitest';
import { lintProcess } from '../lint/lint-process.js';
import { parseProcedure } from '../model/parse.js';
import { CoreError } from '../errors.js';
import { openDossier } from './dossier.js';
import { procedure as base, process, tet2026Calendar } from './fixtures.test-util.js';

const withLimit = (timeLimit: unknown) =>
  parseProcedure({ ...base, channels: [{ channel: 'direct', timeLimit }, base.channels[1]] });

describe('a limit in months', () => {
  it('gives the appointment on the same-numbered day of the last month (art. 148(1)(c))', () => {
    const d = openDossier(withLimit({ amount: 6, unit: 'calendarMonth' }), process(), tet2026Calendar(), {
      id: 'H12-260831-0001',
      receivedAt: '2026-08-31T09:00:00+07:00',
      channel: 'direct',
    });
    // 28/02/2027 is a Sunday: the period ends at the close of Monday 01/03/2027 (art. 148(5)).
    expect(new Date(d.ledger.legalDue).toISOString()).toBe('2027-03-01T10:00:00.000Z');
  });
});

describe('no limit stated', () => {
  it('lints with limit-not-stated and takes the process totalLimit as the appointment', () => {
    const p = withLimit(null);
    const declared = process({ totalLimit: { amount: 24, unit: 'workingHour' } });
    const issues = lintProcess(p, declared).filter((i) => i.code === 'limit-not-stated');
    expect(issues).toMatchObject([{ severity: 'warning', path: ['procedure', 'channels', 0, 'timeLimit'] }]);
    const d = openDossier(p, declared, tet2026Calendar(), {
      id: 'H12-260302-0001',
      receivedAt: '2026-03-02T08:00:00+07:00',
      channel: 'direct',
    });
    expect(d.ledger.limit).toEqual({ amount: 24, unit: 'workingHour' });
    // 24 working hours from Monday 08:00: Wednesday 17:00.
    expect(new Date(d.ledger.legalDue).toISOString()).toBe('2026-03-04T10:00:00.000Z');
  });

  it('is an error when the process declares no total either, and the runtime says why', () => {
    const p = withLimit(null);
    const bare = process({ totalLimit: undefined });
    expect(lintProcess(p, bare).find((i) => i.code === 'limit-not-stated')?.severity).toBe('error');
    expect(() =>
      openDossier(p, bare, tet2026Calendar(), { id: 'X', receivedAt: '2026-03-02T08:00:00+07:00', channel: 'direct' }),
    ).toThrow(CoreError);
  });
});
