import { describe, expect, test } from 'vitest';
import { applyAll } from './apply.js';
import { controlSheet } from './control-sheet.js';
import { openDossier } from './dossier.js';
import { applicant, clerk, leader, officer, procedure, process, tet2026Calendar } from './fixtures.test-util.js';
import { PORTAL_STATUS_MAPPING, portalStatus } from './portal-status.js';
import { classifyCompletion, reminders, status } from './views.js';

const cal = tet2026Calendar();
const at = (local: string) => `2026-03-${local}:00+07:00`;
// Received Mon 2 Mar 08:00 → due Wed 4 Mar 17:00.
const open = (id = 'D1', receivedAt = at('02T08:00')) =>
  openDossier(procedure, process(), cal, { id, receivedAt, channel: 'online' });
const throughIssue = (issuedAt: string) => [
  { type: 'complete-step', step: 'receive', at: at('02T09:00'), by: clerk },
  { type: 'complete-step', step: 'review', at: at('03T09:00'), by: officer },
  { type: 'complete-step', step: 'approve', outcome: 'approved', at: at('03T10:00'), by: leader },
  { type: 'pay', at: at('03T11:00'), by: applicant },
  { type: 'complete-step', step: 'issue', at: issuedAt, by: { role: 'Văn thư' } },
];

describe('classification', () => {
  const zone = 'Asia/Ho_Chi_Minh';
  const due = Date.parse('2026-03-04T17:00:00+07:00');

  test('date mode compares local dates (provincial software); instant mode compares instants', () => {
    const evening = Date.parse('2026-03-04T17:30:00+07:00');
    expect(classifyCompletion(evening, due, zone, 'date')).toBe('on-time');
    expect(classifyCompletion(evening, due, zone, 'instant')).toBe('late');
    const morning = Date.parse('2026-03-04T09:00:00+07:00');
    expect(classifyCompletion(morning, due, zone, 'date')).toBe('on-time');
    expect(classifyCompletion(morning, due, zone, 'instant')).toBe('on-time');
    const dayBefore = Date.parse('2026-03-03T16:00:00+07:00');
    expect(classifyCompletion(dayBefore, due, zone, 'instant')).toBe('early');
    // Local dates, not UTC dates: 06:00 in Vietnam is the previous day in UTC.
    const nextMorning = Date.parse('2026-03-05T06:00:00+07:00');
    expect(classifyCompletion(nextMorning, due, zone, 'date')).toBe('late');
  });

  test('a finished dossier is scored when processing ends (NgayKetThucXuLy)', () => {
    const d = applyAll(open(), throughIssue(at('04T17:30')));
    expect(status(d, at('05T09:00'), { compare: 'date' })).toMatchObject({
      state: 'processing',
      step: 'return',
      classification: 'on-time',
    });
    expect(status(d, at('05T09:00'), { compare: 'instant' }).classification).toBe('late');
  });

  test('in progress: in time / due soon / overdue', () => {
    const d = open();
    expect(status(d, at('02T10:00'))).toMatchObject({
      classification: 'in-time',
      dueSoon: false,
      due: '2026-03-04T17:00:00+07:00',
    });
    expect(status(d, at('04T09:00')).dueSoon).toBe(true);
    expect(status(d, at('04T18:00'), { compare: 'instant' }).classification).toBe('overdue');
    expect(status(d, at('04T18:00'), { compare: 'date' }).classification).toBe('in-time');
    expect(status(d, at('05T08:00'), { compare: 'date' }).classification).toBe('overdue');
  });
});

describe('reminders', () => {
  test('overdue, apology-needed and due-soon items, sorted by due', () => {
    const a = open('A', at('02T08:00')); // due Wed 4 Mar 17:00
    const b = open('B', at('03T08:00')); // due Thu 5 Mar 17:00
    const c = applyAll(open('C', at('02T08:00')), throughIssue(at('03T14:00'))); // finished
    const items = reminders([b, c, a], at('04T09:00'), { amount: 4, unit: 'workingHour' });
    const keys = (list: typeof items) => list.map((r) => `${r.dossierId}:${r.kind}:${r.scope}`);
    // Now Wed 4 Mar 09:00, horizon 4 working hours (→ 14:00). A is due Wed 17:00 (7 h left ≤ 1 day
    // + 4 h: the apology is needed); B is due Thu 17:00 (15 h left). Both receive steps are overdue.
    expect(keys(items)).toEqual(['A:overdue:step', 'B:overdue:step', 'A:apology-needed:dossier']);
    const dayAhead = reminders([b, c, a], at('04T09:00'), { amount: 1, unit: 'workingDay' });
    expect(keys(dayAhead)).toEqual([
      'A:overdue:step',
      'B:overdue:step',
      'A:apology-needed:dossier',
      'A:due-soon:dossier',
      'B:apology-needed:dossier',
    ]);
    const a1 = items.find((r) => r.dossierId === 'A' && r.kind === 'apology-needed');
    expect(a1).toMatchObject({ due: '2026-03-04T17:00:00+07:00', workingMinutesLeft: 420 });
    // B has 16 working hours left: more than 1 day + the 4 h horizon, so no apology and not due soon.
    expect(items.filter((r) => r.dossierId === 'B' && r.scope === 'dossier')).toEqual([]);
    expect(items.some((r) => r.dossierId === 'C')).toBe(false);
    const dues = items.map((r) => Date.parse(r.due));
    expect([...dues].sort((x, y) => x - y)).toEqual(dues);
  });
});

describe('control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ)', () => {
  test('one row per hand-off and per consulted agency, each on its own share', () => {
    const d = applyAll(open(), [
      { type: 'complete-step', step: 'receive', at: at('02T09:00'), by: clerk },
      {
        type: 'consult',
        agency: 'Thuế cơ sở',
        budget: { amount: 4, unit: 'workingHour' },
        at: at('02T13:00'),
        by: officer,
      },
      { type: 'consult-returned', agency: 'Thuế cơ sở', at: at('03T09:00'), by: { unit: 'Thuế cơ sở' } },
      { type: 'complete-step', step: 'review', at: at('03T10:00'), by: officer },
    ]);
    const sheet = controlSheet(d);
    expect(sheet).toMatchObject({
      dossierId: 'D1',
      procedureCode: procedure.code,
      appointment: '2026-03-04T17:00:00+07:00',
    });
    expect(sheet.rows.map((r) => [r.kind, r.unit, r.result])).toEqual([
      ['step', 'Trung tâm Phục vụ hành chính công xã', 'on-time'], // due Mon 12:00, done Mon 09:00
      ['step', 'Phòng Kinh tế', 'on-time'], // 12 h from Mon 09:00 (7 h Mon, 4 h Tue morning, 1 h) → due Tue 3 Mar 14:00; done Tue 10:00
      ['consult', 'Thuế cơ sở', 'late'], // due Mon 2 Mar 17:00; answered Tue 09:00
      ['step', 'UBND xã', null],
    ]);
    expect(sheet.rows[1]).toMatchObject({
      handedOverBy: clerk,
      handedOverAt: '2026-03-02T09:00:00+07:00',
      due: '2026-03-03T14:00:00+07:00',
    });
  });
});

describe('portal status (TrangThaiHoSo)', () => {
  test('follows the mapping table; a step portalStatus overrides it', () => {
    const d0 = open();
    expect(portalStatus(d0)).toBe(2);
    const steps = throughIssue(at('03T14:00'));
    const seen = [portalStatus(d0)];
    let d = d0;
    for (const e of steps) {
      d = applyAll(d, [e]);
      seen.push(portalStatus(d));
    }
    expect(seen).toEqual([2, 4, 4, 6, 4, 9]);
    expect(portalStatus(applyAll(d, [{ type: 'return-result', at: at('04T08:00'), by: clerk }]))).toBe(10);
    const supplement = applyAll(d0, [{ type: 'request-supplement', reason: 'Thiếu', at: at('02T09:00'), by: clerk }]);
    expect(portalStatus(supplement)).toBe(5);
    const refused = applyAll(d0, [{ type: 'reject', reason: 'Không thuộc thẩm quyền', at: at('02T09:00'), by: clerk }]);
    expect(portalStatus(refused)).toBe(3);
    const withdrawn = applyAll(d0, [{ type: 'withdraw', at: at('02T09:00'), by: applicant }]);
    expect(portalStatus(withdrawn)).toBe(7);
    const custom = openDossier(
      procedure,
      process({ steps: process().steps.map((s) => (s.key === 'receive' ? { ...s, portalStatus: 4 } : s)) }),
      cal,
      { id: 'X', receivedAt: at('02T08:00'), channel: 'direct' },
    );
    expect(portalStatus(custom)).toBe(4);
    expect(portalStatus(d0, { mapping: PORTAL_STATUS_MAPPING.filter((r) => r.phase !== 'processing') })).toBe(0);
  });
});
