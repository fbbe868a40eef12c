import { vietnamCalendar } from '@tthc/calendar';
import { describe, expect, test } from 'vitest';
import { CHAIR, DESK, ECONOMY, fixedScenario, procedure, process, wardScenario } from './fixtures.test-util.js';
import { simulate } from './simulate.js';

const vn = vietnamCalendar();
const STEPS = { receive: 30, review: 600, sign: 60, issue: 30, return: 10 };

describe('simulate: hand-checked single dossiers', () => {
  test('a dossier received Friday 16:00 with 12 h of work finishes Tuesday 11:00: early against Wednesday 16:00', () => {
    const scenario = fixedScenario(STEPS, { arrivals: { times: ['2025-07-04T16:00:00+07:00'] } });
    const r = simulate(procedure, process, vn, scenario, { seed: 1 });
    // 30 + 600 + 60 + 30 = 720 working minutes = 1.5 working days; the return step is not processing.
    expect(r.leadTime.p50).toBe(1.5);
    expect(r.dossiers).toMatchObject({ arrived: 1, finished: 1, early: 1, onTime: 0, late: 0 });
    expect(r.window.from).toBe('2025-07-04T16:00:00+07:00');
    expect(r.steps.map((s) => s.processing.total)).toEqual([30, 600, 60, 30, 10]);
    expect(r.steps.map((s) => s.waiting.total)).toEqual([0, 0, 0, 0, 0]);
    expect(r.steps[1]!.onTimeRate.rate).toBe(1); // 10 h within the 12 h review budget
  });

  test('on the due date it is on time by date; past the due instant it is late by instant only', () => {
    // Receipt Mon 08:00, due Wed 17:00 (1,440 min); 1,450 minutes of work end Thu 08:10.
    const late = fixedScenario({ ...STEPS, review: 1330 });
    const byDate = simulate(procedure, process, vn, late, { seed: 1 });
    expect(byDate.dossiers.late).toBe(1);
    // 1,430 minutes end Wed 16:50: the due's date, before the due instant.
    const onDue = fixedScenario({ ...STEPS, review: 1310 });
    expect(simulate(procedure, process, vn, onDue, { seed: 1 }).dossiers.onTime).toBe(1);
    expect(simulate(procedure, process, vn, onDue, { seed: 1, compare: 'instant' }).dossiers.onTime).toBe(1);
    // Review 1,300 → done Wed 16:40; step budget 12 h exceeded: the step is late, the dossier is not.
    const r = simulate(procedure, process, vn, fixedScenario({ ...STEPS, review: 1300 }), { seed: 1 });
    expect(r.steps[1]!.onTimeRate.rate).toBe(0);
  });

  test('holidays take no time: a receipt on 29/8/2025 waits over 1–2/9 (Labour Code 2019 art. 112)', () => {
    const scenario = fixedScenario(STEPS, { arrivals: { times: ['2025-08-29T16:00:00+07:00'] } });
    const r = simulate(procedure, process, vn, scenario, { seed: 1 });
    expect(r.leadTime.p50).toBe(1.5);
    expect(r.dossiers.early).toBe(1);
  });
});

describe('simulate: supplementation policies (ND 61 art. 19(3); legacy pause/extend)', () => {
  // Receipt Mon 7/7 08:00; review asks for a supplement at minute 630 (Tue 10:30); the citizen takes
  // 5 working days (back Tue 15/7 10:30, minute 3,030); review again, then sign 300 and issue 30:
  // finish at 3,030 + 930 = 3,960 (Thu 17/7 08:30 + …).
  const base = { ...STEPS, sign: 300 };
  const supplementation = { probability: 1, citizenDelay: { type: 'fixed', value: 5 } } as const;
  const run = (policy: 'restart' | 'pause' | 'extend') =>
    simulate(
      procedure,
      { ...process, supplementation: { ...process.supplementation, policy } },
      vn,
      fixedScenario(base, { supplementation }),
      { seed: 1, compare: 'instant' },
    );

  test('restart: the limit counts again from the complete dossier — on time', () => {
    const r = run('restart');
    expect(r.dossiers).toMatchObject({ supplemented: 1, late: 0, lateSupplementRequests: 0 });
    expect(r.leadTime.p50).toBeCloseTo(3960 / 480, 9);
    expect(r.steps[1]!.visits).toBe(2);
  });

  test('pause: only the 810 minutes left carry over — due at 3,840, finished 3,960: late', () => {
    expect(run('pause').dossiers.late).toBe(1);
  });

  test('extend: the due moves by the calendar days waited and off a weekend — differs from pause', () => {
    // Request Tue 8/7 10:30, back 8 working days later, Fri 18/7 10:30 (10 calendar days): the due
    // Wed 9/7 17:00 moves to Sat 19/7 17:00, off office hours → Mon 21/7 08:00. Pause gives the 810
    // minutes left from the return: Mon 21/7 17:00. Review 600 + sign 60 + issue 30 end Mon 21/7 15:00.
    const scenario = fixedScenario(STEPS, {
      supplementation: { ...supplementation, citizenDelay: { type: 'fixed', value: 8 } },
    });
    const withPolicy = (policy: 'pause' | 'extend') => ({
      ...process,
      supplementation: { ...process.supplementation, policy },
    });
    const extendByInstant = simulate(procedure, withPolicy('extend'), vn, scenario, { seed: 1, compare: 'instant' });
    expect(extendByInstant.dossiers.late).toBe(1);
    const extendByDate = simulate(procedure, withPolicy('extend'), vn, scenario, { seed: 1 });
    expect(extendByDate.dossiers.onTime).toBe(1);
    const pauseByInstant = simulate(procedure, withPolicy('pause'), vn, scenario, { seed: 1, compare: 'instant' });
    expect(pauseByInstant.dossiers.onTime).toBe(1);
  });

  test('a request later than 03 working days after receipt is counted', () => {
    const r = simulate(procedure, process, vn, fixedScenario({ ...STEPS, review: 1500 }, { supplementation }), {
      seed: 1,
    });
    expect(r.dossiers.lateSupplementRequests).toBe(1);
  });
});

describe('simulate: determinism', () => {
  test('the same seed gives byte-identical JSON; another seed another result', () => {
    const a = JSON.stringify(simulate(procedure, process, vn, wardScenario(), { seed: 7 }));
    const b = JSON.stringify(simulate(procedure, process, vn, wardScenario(), { seed: 7 }));
    const c = JSON.stringify(simulate(procedure, process, vn, wardScenario(), { seed: 8 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  test('progress is reported, ending with the totals', () => {
    const seen: number[] = [];
    const r = simulate(procedure, process, vn, wardScenario(), { seed: 1, onProgress: (p) => seen.push(p.finished) });
    expect(seen.at(-1)).toBe(r.dossiers.finished);
  });

  test('options.dossiers caps arrivals; options.horizon overrides the scenario', () => {
    expect(simulate(procedure, process, vn, wardScenario(), { seed: 1, dossiers: 50 }).dossiers.arrived).toBe(50);
    const short = simulate(procedure, process, vn, wardScenario(), { seed: 1, horizon: 5 });
    expect(short.window.workingDays).toBeLessThanOrEqual(5);
    expect(short.dossiers.arrived).toBeGreaterThan(30);
  });
});

describe('simulate: KPIs', () => {
  const r = simulate(procedure, process, vn, wardScenario(), { seed: 3 });

  test('counts add up and the rate is (early + on time) / finished inside its Wilson interval', () => {
    const d = r.dossiers;
    expect(d.early + d.onTime + d.late).toBe(d.finished);
    expect(d.finished).toBe(d.arrived);
    expect(r.onTimeRate.successes).toBe(d.early + d.onTime);
    expect(r.onTimeRate.low).toBeLessThanOrEqual(r.onTimeRate.rate!);
    expect(r.onTimeRate.high).toBeGreaterThanOrEqual(r.onTimeRate.rate!);
  });

  test('lead-time percentiles are ordered; utilisation is in [0, 1]; bottlenecks ranked by waiting × utilisation', () => {
    const l = r.leadTime;
    expect(l.p50! <= l.p90! && l.p90! <= l.p99! && l.p99! <= l.max!).toBe(true);
    for (const u of r.units) expect(u.utilisation! >= 0 && u.utilisation! <= 1).toBe(true);
    const scores = r.bottlenecks.map((b) => b.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(r.bottlenecks[0]!.unit).toBe(ECONOMY); // the review unit, the slowest step per officer
    for (const b of r.bottlenecks) expect(b.score).toBeCloseTo(b.meanWaiting * b.utilisation, 5);
  });

  test('every step visit is counted: visits = arrivals + revisits (supplements, not-approved loops)', () => {
    const visits = Object.fromEntries(r.steps.map((s) => [s.step, s.visits]));
    expect(visits.receive).toBe(r.dossiers.arrived);
    expect(visits.review).toBeGreaterThanOrEqual(r.dossiers.arrived + r.dossiers.supplemented);
    expect(r.events.stepEvents).toBe(r.steps.reduce((a, s) => a + s.visits, 0));
  });

  test('an overloaded review unit makes dossiers late, and apology slips are predicted for them', () => {
    const scenario = wardScenario();
    scenario.staff[ECONOMY] = 1;
    const over = simulate(procedure, process, vn, scenario, { seed: 3 });
    expect(over.dossiers.late).toBeGreaterThan(50);
    expect(over.apology.predicted).toBeGreaterThan(0);
    expect(over.apology.ids[0]).toMatch(/^SIM-\d{6}$/);
    // A prediction made one working day before the due sees most late dossiers coming.
    expect(over.apology.lateNotPredicted).toBeLessThan(over.dossiers.late / 2);
  });
});

describe('simulate: bad input names the culprit', () => {
  test('scenario paths and values', () => {
    const bad = wardScenario() as unknown as { steps: { review: { duration: { sd: number } } } };
    bad.steps.review.duration.sd = -3;
    expect(() => simulate(procedure, process, vn, bad, { seed: 1 })).toThrow(
      /scenario: steps\.review\.duration\.sd: .*got -3/,
    );
    const noStaff = wardScenario();
    delete noStaff.staff[CHAIR];
    expect(() => simulate(procedure, process, vn, noStaff, { seed: 1 })).toThrow(
      /scenario\.staff\["Ủy ban nhân dân xã"\]: missing: step "sign"/,
    );
    const typo = wardScenario();
    typo.staff['Phòng Kinh tê xã'] = 1;
    expect(() => simulate(procedure, process, vn, typo, { seed: 1 })).toThrow(/no step of the process is performed/);
    const outcome = wardScenario() as unknown as { steps: { sign: { outcomes: Record<string, number> } } };
    outcome.steps.sign.outcomes = { approved: 0.5, rejected: 0.5 };
    expect(() => simulate(procedure, process, vn, outcome, { seed: 1 })).toThrow(
      /scenario\.steps\.sign\.outcomes\.rejected: step "sign" has no outcome "rejected" \(has approved, not-approved\)/,
    );
    const sum = wardScenario() as unknown as { steps: { sign: { outcomes: Record<string, number> } } };
    sum.steps.sign.outcomes = { approved: 0.5 };
    expect(() => simulate(procedure, process, vn, sum, { seed: 1 })).toThrow(
      /steps\.sign\.outcomes: .*sum to 1, got 0.5/,
    );
  });

  test('options and arrivals', () => {
    expect(() => simulate(procedure, process, vn, wardScenario(), { seed: Number.NaN })).toThrow(/options\.seed/);
    const noHorizon = { ...wardScenario(), horizon: undefined };
    expect(() => simulate(procedure, process, vn, noHorizon, { seed: 1 })).toThrow(/options\.horizon: required/);
    const both = { ...wardScenario(), arrivals: { perWorkingDay: 3, times: ['2025-07-01T09:00:00+07:00'] } };
    expect(() => simulate(procedure, process, vn, both, { seed: 1 })).toThrow(/arrivals: expected exactly one/);
    const badTime = fixedScenario(STEPS, { arrivals: { times: ['2025-07-01 09:00'] } });
    expect(() => simulate(procedure, process, vn, badTime, { seed: 1 })).toThrow(/arrivals\.times\[0\]/);
    expect(() => simulate(procedure, process, vn, wardScenario(), { seed: 1, channel: 'online', horizon: 0 })).toThrow(
      /options\.horizon: expected a whole number ≥ 1, got 0/,
    );
  });
});

describe('simulate: staff', () => {
  test('one desk officer more never hurts with common random numbers (ward scenario, several seeds)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const lean = wardScenario();
      lean.staff[ECONOMY] = 1;
      lean.staff[DESK] = 1;
      const a = simulate(procedure, process, vn, lean, { seed });
      lean.staff[ECONOMY] = 2;
      const b = simulate(procedure, process, vn, lean, { seed });
      expect(b.onTimeRate.successes).toBeGreaterThanOrEqual(a.onTimeRate.successes);
      expect(b.leadTime.mean!).toBeLessThan(a.leadTime.mean!);
    }
  });
});
