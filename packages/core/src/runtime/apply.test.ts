import { describe, expect, test } from 'vitest';
import { CoreError } from '../errors.js';
import { type EventRejection, apply, applyAll } from './apply.js';
import { type Dossier, openDossier } from './dossier.js';
import { applicant, clerk, leader, officer, procedure, process, tet2026Calendar } from './fixtures.test-util.js';
import { dueDates, status } from './views.js';

const cal = tet2026Calendar();
// Mon 2 Mar 2026 08:00 + 3 working days → Wed 4 Mar 17:00.
const init = { id: 'H12.1-260302-0001', receivedAt: '2026-03-02T08:00:00+07:00', channel: 'direct' as const };
const at = (local: string) => `2026-03-${local}:00+07:00`;

function open(policy: 'restart' | 'pause' | 'extend' = 'restart'): Dossier {
  return openDossier(procedure, process({ supplementation: { policy } }), cal, init);
}

function rejection(f: () => unknown): EventRejection {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CoreError);
    expect((e as CoreError).code).toBe('EVENT_REJECTED');
    return (e as CoreError).issues[0] as EventRejection;
  }
  throw new Error('expected EVENT_REJECTED');
}

const toReview = [{ type: 'complete-step', step: 'receive', at: at('02T10:00'), by: clerk }];

describe('supplementation policies on the same events', () => {
  // The review step (12 h) is entered Mon 2 Mar 10:00 → due Tue 3 Mar 15:00. The officer asks for a
  // supplement Tue 3 Mar 08:00 (8 working hours consumed, 16 h left; 6 h left on the step); the
  // complete dossier comes back Mon 9 Mar 10:00 (6 calendar days later).
  const events = [
    ...toReview,
    { type: 'request-supplement', reason: 'Thiếu bản sao CCCD', at: at('03T08:00'), by: officer },
    { type: 'supplement-received', at: at('09T10:00'), by: clerk },
  ];
  const run = (policy: 'restart' | 'pause' | 'extend') => applyAll(open(policy), events);

  test('restart (ND 61 art. 19 as amended by ND 107/2021): the full 24 h again from the supplement', () => {
    const d = run('restart');
    expect(dueDates(d).due).toBe('2026-03-12T10:00:00+07:00');
    expect(dueDates(d).supplements).toEqual([
      { round: 1, dueBefore: '2026-03-04T17:00:00+07:00', dueAfter: '2026-03-12T10:00:00+07:00' },
    ]);
    expect(dueDates(d).originalDue).toBe('2026-03-04T17:00:00+07:00');
    // Resumes at the step that asked, with its full budget: Mon 10:00 + 12 h → Tue 10 Mar 15:00.
    expect(d.snapshot.value).toEqual({ processing: 'review' });
    expect(dueDates(d).steps.at(-1)).toMatchObject({ step: 'review', due: '2026-03-10T15:00:00+07:00' });
    expect(d.ledger.countingFrom).toBe(Date.parse('2026-03-09T03:00:00Z'));
  });

  test('pause: waiting consumes nothing; the 16 h left run from the supplement', () => {
    const d = run('pause');
    expect(dueDates(d).due).toBe('2026-03-11T10:00:00+07:00');
    // 6 h left on the step: Mon 9 Mar 10:00 → 17:00.
    expect(dueDates(d).steps.at(-1)).toMatchObject({ step: 'review', due: '2026-03-09T17:00:00+07:00' });
  });

  test('extend (legacy software): the due moves by the 6 calendar days spent waiting', () => {
    const d = run('extend');
    expect(dueDates(d).due).toBe('2026-03-10T17:00:00+07:00');
    expect(dueDates(d).steps.at(-1)).toMatchObject({ step: 'review', due: '2026-03-09T15:00:00+07:00' });
  });

  test('while waiting the clock is stopped: no due, in time, TrangThaiHoSo 5', () => {
    const d = applyAll(open(), events.slice(0, 2));
    expect(d.snapshot.value).toBe('awaitingSupplement');
    expect(dueDates(d).due).toBeNull();
    expect(status(d, at('06T09:00')).classification).toBe('in-time');
  });

  test('a request later than 3 working days after receipt is flagged, not refused (ND 61 art. 19(3))', () => {
    const late = applyAll(open(), [
      ...toReview,
      { type: 'request-supplement', reason: 'Thiếu giấy tờ', at: at('05T09:00'), by: officer },
    ]);
    expect(late.ledger.supplements[0]?.lateRequest).toBe(true);
    expect(late.ledger.flags.map((f) => f.code)).toEqual(['late-supplement-request']);
    const inTime = applyAll(open(), events.slice(0, 2));
    expect(inTime.ledger.flags).toEqual([]);
  });

  test('supplement-received is refused unless a supplement was requested', () => {
    const d = applyAll(open(), toReview);
    expect(rejection(() => apply(d, events[2])).reason).toBe('invalid-for-state');
  });
});

describe('refused events leave the dossier unchanged', () => {
  const d = applyAll(open(), toReview);

  test('an event out of order', () => {
    const r = rejection(() => apply(d, { type: 'complete-step', step: 'review', at: at('02T09:00'), by: officer }));
    expect(r).toMatchObject({ reason: 'out-of-order', path: ['at'], value: at('02T09:00') });
    expect(d.events).toHaveLength(1);
  });

  test('a step that is not current, an unknown step, an unknown outcome, a missing outcome', () => {
    expect(
      rejection(() => apply(d, { type: 'complete-step', step: 'approve', at: at('02T11:00'), by: leader })).reason,
    ).toBe('step-not-current');
    expect(
      rejection(() => apply(d, { type: 'complete-step', step: 'nope', at: at('02T11:00'), by: leader })).reason,
    ).toBe('unknown-step');
    const d2 = apply(d, { type: 'complete-step', step: 'review', at: at('02T15:00'), by: officer });
    const bad = rejection(() =>
      apply(d2, { type: 'complete-step', step: 'approve', outcome: 'maybe', at: at('02T16:00'), by: leader }),
    );
    expect(bad).toMatchObject({ reason: 'unknown-outcome', value: 'maybe' });
    expect(
      rejection(() => apply(d2, { type: 'complete-step', step: 'approve', at: at('02T16:00'), by: leader })).reason,
    ).toBe('outcome-required');
  });

  test('a performer that does not match the step (role or unit)', () => {
    const r = rejection(() =>
      apply(d, { type: 'complete-step', step: 'review', at: at('02T15:00'), by: { role: 'Lãnh đạo' } }),
    );
    expect(r.reason).toBe('wrong-performer');
    expect(r.path).toEqual(['by']);
    const unit = rejection(() =>
      apply(d, { type: 'complete-step', step: 'review', at: at('02T15:00'), by: { unit: 'Phòng Văn hóa – Xã hội' } }),
    );
    expect(unit.reason).toBe('wrong-performer');
    // Case and Unicode normalisation do not matter (NFD input).
    const nfd = { role: 'chuyên viên'.normalize('NFD') };
    expect(() => apply(d, { type: 'complete-step', step: 'review', at: at('02T15:00'), by: nfd })).not.toThrow();
  });

  test('a malformed event is INVALID_EVENT with its path', () => {
    try {
      apply(d, { type: 'extend', at: '2026-03-02 10:00', by: {}, apology: 'x', newDue: at('09T10:00') });
      throw new Error('expected');
    } catch (e) {
      expect((e as CoreError).code).toBe('INVALID_EVENT');
      expect((e as CoreError).issues[0]).toMatchObject({ path: ['at'], value: '2026-03-02 10:00' });
    }
  });
});

describe('new appointment (Mẫu 04)', () => {
  const d = applyAll(open(), toReview);
  const extend = (when: string, newDue = at('06T17:00')) => ({
    type: 'extend',
    at: at(when),
    by: leader,
    apology: 'Hồ sơ cần xác minh thêm',
    newDue,
  });

  test('at most once (ND 61 art. 19(8))', () => {
    const d1 = apply(d, extend('03T16:00'));
    expect(d1.ledger.flags).toEqual([]);
    expect(dueDates(d1).appointment).toBe('2026-03-06T17:00:00+07:00');
    expect(dueDates(d1).due).toBe('2026-03-04T17:00:00+07:00');
    expect(rejection(() => apply(d1, extend('04T08:00', at('09T17:00')))).reason).toBe('already-extended');
  });

  test('less than 1 working day before the due is flagged; a new date not later is refused', () => {
    const d1 = apply(d, extend('04T10:00'));
    expect(d1.ledger.extension?.lateNotice).toBe(true);
    expect(d1.ledger.flags.map((f) => f.code)).toEqual(['late-apology']);
    expect(rejection(() => apply(d, extend('03T16:00', at('04T12:00')))).reason).toBe('extend-not-later');
  });

  test('the dossier still counts as late against the original due', () => {
    const done = applyAll(apply(d, extend('03T16:00')), [
      { type: 'complete-step', step: 'review', at: at('04T09:00'), by: officer },
      { type: 'complete-step', step: 'approve', outcome: 'approved', at: at('04T15:00'), by: leader },
      { type: 'pay', amount: 100000, at: at('05T08:00'), by: applicant },
      { type: 'complete-step', step: 'issue', at: at('05T10:00'), by: { role: 'Văn thư' } },
    ]);
    expect(done.snapshot.value).toEqual({ processing: 'return' });
    expect(status(done, at('05T11:00')).classification).toBe('late');
  });
});

describe('consultation (liên thông): each agency on its own share', () => {
  test('per-agency deadlines; the process resumes when the last agency answers', () => {
    const d = applyAll(open(), [
      ...toReview,
      {
        type: 'consult',
        agency: 'Thuế cơ sở',
        budget: { amount: 4, unit: 'workingHour' },
        at: at('02T13:00'),
        by: officer,
      },
      {
        type: 'consult',
        agency: 'Công an xã',
        budget: { amount: 1, unit: 'workingDay' },
        at: at('02T13:00'),
        by: officer,
      },
      { type: 'consult-returned', agency: 'Công an xã', at: at('02T16:00'), by: { unit: 'Công an xã' } },
    ]);
    expect(d.snapshot.value).toBe('consulting');
    expect(dueDates(d).consults).toEqual([
      { agency: 'Thuế cơ sở', due: '2026-03-02T17:00:00+07:00' },
      { agency: 'Công an xã', due: '2026-03-03T12:00:00+07:00' },
    ]);
    expect(
      rejection(() => apply(d, { type: 'consult', agency: 'Thuế cơ sở', at: at('02T16:30'), by: officer })).reason,
    ).toBe('consult-pending');
    expect(
      rejection(() => apply(d, { type: 'consult-returned', agency: 'Sở Tài chính', at: at('02T16:30'), by: officer }))
        .reason,
    ).toBe('unknown-agency');
    const back = apply(d, {
      type: 'consult-returned',
      agency: 'Thuế cơ sở',
      at: at('03T09:00'),
      by: { unit: 'Thuế cơ sở' },
    });
    expect(back.snapshot.value).toEqual({ processing: 'review' });
    expect(back.ledger.steps.filter((v) => v.step === 'review')).toHaveLength(1);
  });
});

describe('terminations', () => {
  test('reject is terminal with the refusal as result; a late refusal is flagged', () => {
    const d = applyAll(open(), [
      ...toReview,
      { type: 'reject', reason: 'Ngành nghề cấm kinh doanh', at: at('05T09:00'), by: leader },
    ]);
    expect(d.snapshot.value).toBe('rejected');
    expect(d.ledger.refusal?.reason).toBe('Ngành nghề cấm kinh doanh');
    expect(d.ledger.flags.map((f) => f.code)).toEqual(['late-refusal']);
    expect(rejection(() => apply(d, { type: 'withdraw', at: at('06T09:00'), by: applicant })).reason).toBe(
      'dossier-closed',
    );
  });

  test('withdraw from any open state', () => {
    const d = applyAll(open(), [
      ...toReview,
      { type: 'withdraw', reason: 'Không có nhu cầu', at: at('03T09:00'), by: applicant },
    ]);
    expect(d.snapshot.value).toBe('withdrawn');
    expect(status(d, at('04T09:00')).classification).toBeNull();
  });

  test('return-result only after the last processing step; pay only while awaiting payment', () => {
    const d = applyAll(open(), toReview);
    expect(rejection(() => apply(d, { type: 'return-result', at: at('03T09:00'), by: clerk })).reason).toBe(
      'invalid-for-state',
    );
    expect(rejection(() => apply(d, { type: 'pay', at: at('03T09:00'), by: applicant })).reason).toBe(
      'invalid-for-state',
    );
    const paying = applyAll(d, [
      { type: 'complete-step', step: 'review', at: at('03T09:00'), by: officer },
      { type: 'complete-step', step: 'approve', outcome: 'approved', at: at('03T10:00'), by: leader },
    ]);
    expect(paying.snapshot.value).toEqual({ awaitingPayment: 'fee' });
    const done = applyAll(paying, [
      { type: 'pay', amount: 100000, at: at('03T11:00'), by: applicant },
      { type: 'complete-step', step: 'issue', at: at('03T14:00'), by: { role: 'Văn thư' } },
      { type: 'return-result', at: at('04T08:30'), by: clerk },
    ]);
    expect(done.snapshot.value).toBe('returned');
    expect(done.ledger.payments).toEqual([{ at: Date.parse('2026-03-03T04:00:00Z'), amount: 100000 }]);
    expect(done.ledger.finishedAt).toBe(Date.parse('2026-03-03T07:00:00Z'));
    expect(status(done, at('05T08:00')).classification).toBe('early');
  });
});
