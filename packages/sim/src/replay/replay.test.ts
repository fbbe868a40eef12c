import { status } from '@tthc/core';
import { describe, expect, it } from 'vitest';
import { calendar, ev, process, procedure } from './fixtures.test-util.js';
import { replay } from './replay.js';
import { runtimeDossier } from './runtime-events.test-util.js';
import type { LogEvent } from './types.js';

/** The online dossier of examples/…/dossier-online-send-back.json as a log: one send-back, on time. */
function sendBack(id = 'HKD-0021'): LogEvent[] {
  return [
    ev(id, 'receive', '2026-02-13T16:45:00+07:00', {
      startedAt: Date.parse('2026-02-13T16:30:00+07:00'),
      channel: 'online',
    }),
    ev(id, 'review', '2026-02-24T11:00:00+07:00'),
    ev(id, 'sign', '2026-02-24T14:00:00+07:00', { outcome: 'not-approved' }),
    ev(id, 'review', '2026-02-24T16:00:00+07:00'),
    ev(id, 'sign', '2026-02-25T09:00:00+07:00'),
    ev(id, 'issue', '2026-02-25T10:00:00+07:00'),
    ev(id, 'return', '2026-02-25T14:00:00+07:00'),
  ];
}

/** A straight dossier received Mon 2 Mar 2026 08:00. */
function straight(id: string): LogEvent[] {
  return [
    ev(id, 'receive', '2026-03-02T09:00:00+07:00', { startedAt: Date.parse('2026-03-02T08:00:00+07:00') }),
    ev(id, 'review', '2026-03-03T10:00:00+07:00'),
    ev(id, 'sign', '2026-03-03T15:00:00+07:00'),
    ev(id, 'issue', '2026-03-04T09:00:00+07:00'),
    ev(id, 'return', '2026-03-04T10:00:00+07:00'),
  ];
}

describe('replay — a conforming log', () => {
  it('fits with fitness 1, no deviations, and the token counts of the path', () => {
    const r = replay(procedure, process, calendar, sendBack());
    const d = r.dossiers[0]!;
    expect(d.deviations).toEqual([]);
    expect(d).toMatchObject({ fit: true, fitness: 1, missing: 0, remaining: 0, produced: 8, consumed: 8, events: 7 });
    expect(r.summary).toMatchObject({
      traces: 1,
      fittingTraces: 1,
      percFitTraces: 100,
      averageFitness: 1,
      logFitness: 1,
    });
  });

  it('classifies the dossier exactly as the runtime does (openDossier + applyAll + status)', () => {
    const trace = sendBack().map((e) => (e.activity === 'review' ? { ...e, outcome: 'done' } : e));
    const d = replay(procedure, process, calendar, trace).dossiers[0]!;
    const runtime = runtimeDossier(
      trace.map((e) => (e.activity === 'sign' && !e.outcome ? { ...e, outcome: 'approved' } : e)),
    );
    expect(d.channel).toBe('online');
    expect(d.due).toBe(runtime.ledger.legalDue);
    expect(d.finishedAt).toBe(runtime.ledger.finishedAt);
    expect(d.classification).toBe(status(runtime, '2026-03-01T00:00:00+07:00', { compare: 'date' }).classification);
    // Due Wed 25 Feb 16:30 (half an hour on Friday, then Tết); finished 25 Feb 10:00: same date.
    expect(d.due).toBe(Date.parse('2026-02-25T16:30:00+07:00'));
    expect(d.classification).toBe('on-time');
  });
});

describe('replay — deviations', () => {
  it('reports a skipped step with the token counts of Rozinat & van der Aalst', () => {
    const trace = straight('D1').filter((e) => e.activity !== 'sign');
    const d = replay(procedure, process, calendar, trace).dossiers[0]!;
    expect(d.deviations.map((v) => [v.kind, v.step, v.line])).toEqual([['skipped-step', 'sign', trace[2]!.line]]);
    // p = 1 + 4, c = 4 + 1, m = 1 (issue), r = 1 (the token left before sign).
    expect(d).toMatchObject({ produced: 5, consumed: 5, missing: 1, remaining: 1, fit: false });
    expect(d.fitness).toBeCloseTo(0.8, 12);
  });

  it('reports two swapped steps once, as out-of-order at the step that came early', () => {
    const [receive, review, sign, issue, ret] = straight('D2');
    const trace = [receive!, { ...sign!, at: review!.at }, { ...review!, at: sign!.at }, issue!, ret!];
    const d = replay(procedure, process, calendar, trace).dossiers[0]!;
    expect(d.deviations.map((v) => [v.kind, v.step, v.expected])).toEqual([['out-of-order', 'sign', 'review']]);
    expect(d.fitness).toBeLessThan(1);
  });

  it('reports a wrong performer after case and diacritic folding', () => {
    const trace = straight('D3');
    trace[1] = { ...trace[1]!, performer: { unit: 'PHONG KINH TE XA', role: 'chuyen vien dang ky kinh doanh' } };
    trace[2] = { ...trace[2]!, performer: { unit: 'Ủy ban nhân dân xã', role: 'Văn thư' } };
    const d = replay(procedure, process, calendar, trace).dossiers[0]!;
    expect(d.deviations).toHaveLength(1);
    expect(d.deviations[0]).toMatchObject({
      kind: 'wrong-performer',
      step: 'sign',
      line: trace[2]!.line,
      expected: 'Ủy ban nhân dân xã / Chủ tịch hoặc Phó Chủ tịch UBND xã',
      actual: 'Ủy ban nhân dân xã / Văn thư',
    });
    expect(d.fitness).toBe(1);
  });

  it('reports an unknown activity, moves no token, and makes the trace unfit', () => {
    const trace = straight('D4');
    trace.splice(2, 0, ev('D4', 'Gọi điện cho công dân', '2026-03-03T11:00:00+07:00'));
    const d = replay(procedure, process, calendar, trace).dossiers[0]!;
    expect(d.deviations.map((v) => [v.kind, v.step, v.line, v.actual])).toEqual([
      ['unknown-activity', null, trace[2]!.line, 'Gọi điện cho công dân'],
    ]);
    expect(d).toMatchObject({ fitness: 1, fit: false });
  });

  it('reports a repeated step without a loop as unexpected, and a missing end as skipped steps', () => {
    const trace = straight('D5').slice(0, 3);
    trace.push(ev('D5', 'receive', '2026-03-03T16:00:00+07:00'));
    const d = replay(procedure, process, calendar, trace).dossiers[0]!;
    expect(d.deviations.map((v) => [v.kind, v.step])).toEqual([
      ['unexpected-step', 'receive'],
      // The dossier got as far as sign: from there, issue and return were never done.
      ['skipped-step', 'issue'],
      ['skipped-step', 'return'],
    ]);
    expect(d.finishedAt).toBeNull();
    expect(d.classification).toBeNull();
  });

  it('allows unfinished traces when asked, classifying them at asOf', () => {
    const trace = straight('D6').slice(0, 3);
    const r = replay(procedure, process, calendar, trace, { unfinished: 'allow', asOf: '2026-03-06T09:00:00+07:00' });
    const d = r.dossiers[0]!;
    expect(d).toMatchObject({ fit: true, fitness: 1, deviations: [], classification: 'overdue' });
    const early = replay(procedure, process, calendar, trace, {
      unfinished: 'allow',
      asOf: '2026-03-04T09:00:00+07:00',
    });
    expect(early.dossiers[0]!.classification).toBe('in-time');
  });

  it('maps activities by key, name and folded name', () => {
    const trace = straight('D7');
    trace[1] = { ...trace[1]!, activity: 'THAM DINH HO SO, KIEM TRA TEN HO KINH DOANH, DU THAO GIAY CHUNG NHAN' };
    trace[3] = { ...trace[3]!, activity: process.steps[3]!.name };
    const d = replay(procedure, process, calendar, trace).dossiers[0]!;
    expect(d).toMatchObject({ fit: true, deviations: [] });
  });

  it('takes the refusal branch when the log goes from review to return', () => {
    const [receive, review] = straight('D8');
    const trace = [receive!, review!, ev('D8', 'return', '2026-03-03T14:00:00+07:00')];
    const d = replay(procedure, process, calendar, trace).dossiers[0]!;
    expect(d).toMatchObject({ fit: true, fitness: 1, deviations: [], finishedAt: review!.at, classification: 'early' });
  });
});

describe('replay — time', () => {
  it('times each step from entry + budget in working minutes', () => {
    const trace = straight('T1');
    // review enters Mon 2 Mar 09:00 with 12 working hours: 7 h on Monday, 4 h Tuesday morning, then
    // 1 h after lunch: due Tue 3 Mar 14:00.
    trace[1] = { ...trace[1]!, at: Date.parse('2026-03-03T15:30:00+07:00') };
    trace[2] = { ...trace[2]!, at: Date.parse('2026-03-03T16:00:00+07:00') };
    const r = replay(procedure, process, calendar, trace);
    expect(r.dossiers[0]!.lateSteps).toEqual([
      {
        step: 'review',
        line: trace[1]!.line,
        due: Date.parse('2026-03-03T14:00:00+07:00'),
        doneAt: Date.parse('2026-03-03T15:30:00+07:00'),
        lateMinutes: 90,
      },
    ]);
    const review = r.steps.find((s) => s.step === 'review')!;
    expect(review).toMatchObject({ executions: 1, timed: 1, late: 1, lateMinutesTotal: 90, lateMinutesMax: 90 });
    // return is not counted ("Không tính thời gian").
    expect(r.steps.find((s) => s.step === 'return')).toMatchObject({ executions: 1, timed: 0 });
  });

  it('orders each trace by time, stably, whatever the log order', () => {
    const trace = straight('T2');
    const shuffled = [trace[3]!, trace[0]!, trace[4]!, trace[2]!, trace[1]!];
    const r = replay(procedure, process, calendar, shuffled);
    expect(r.dossiers[0]).toMatchObject({ fit: true, deviations: [] });
  });

  it('keeps dossiers in order of first appearance and sums the log', () => {
    const a = straight('A');
    const b = straight('B').filter((e) => e.activity !== 'issue');
    const log = [b[0]!, a[0]!, ...a.slice(1), ...b.slice(1)];
    const r = replay(procedure, process, calendar, { events: log, problems: [{ line: 99, message: 'bad row' }] });
    expect(r.dossiers.map((d) => d.dossierId)).toEqual(['B', 'A']);
    const [db, da] = r.dossiers;
    expect(r.summary.percFitTraces).toBe(50);
    expect(r.summary.averageFitness).toBeCloseTo((da!.fitness + db!.fitness) / 2, 12);
    const m = da!.missing + db!.missing;
    const c = da!.consumed + db!.consumed;
    const rem = da!.remaining + db!.remaining;
    const p = da!.produced + db!.produced;
    expect(r.summary.logFitness).toBeCloseTo(0.5 * (1 - m / c) + 0.5 * (1 - rem / p), 12);
    expect(r.summary.deviations['skipped-step']).toBe(1);
    expect(r.problems).toEqual([{ line: 99, message: 'bad row' }]);
  });
});
