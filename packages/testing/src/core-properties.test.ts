/**
 * Laws of the @tthc/core runtime, checked on generated procedures, processes and event sequences
 * (core-arbitraries.ts) under the shipped Vietnam calendar and a small provincial calendar.
 */
import {
  addWorkingTime,
  createWorkCalendar,
  toEpochMs,
  vietnamCalendar,
  type WorkCalendar,
  workingTimeBetween,
} from '@tthc/calendar';
import {
  apply,
  applyAll,
  type Dossier,
  type DossierEvent,
  deserialize,
  dueDates,
  enumeratePaths,
  lintProcess,
  openDossier,
  type Procedure,
  type Process,
  parseProcedure,
  parseProcess,
  serialize,
  status,
  toMachine,
} from '@tthc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DossierScenario,
  type EventSequenceArbOptions,
  eventSequenceArb,
  type ProcessArbOptions,
  procedureWithProcessArb,
} from './core-arbitraries.js';

const vietnam = vietnamCalendar();

/**
 * A commune one-stop desk with summer hours (07:30–11:30, 13:30–17:30), open on Saturday mornings,
 * closed for Tết 2026 (16–20 Feb) and 30/4–1/5.
 */
const desk: WorkCalendar = createWorkCalendar({
  name: 'Bộ phận Một cửa xã (giờ mùa hè, sáng thứ Bảy)',
  zone: 'Asia/Ho_Chi_Minh',
  validFrom: '2025-01-01',
  validTo: '2027-12-31',
  weekly: Object.fromEntries(
    [1, 2, 3, 4, 5, 6].map((d) => [
      d,
      d === 6
        ? [{ start: '07:30', end: '11:30' }]
        : [
            { start: '07:30', end: '11:30' },
            { start: '13:30', end: '17:30' },
          ],
    ]),
  ),
  daysOff: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-30', '2026-05-01'].map(
    (date) => ({ date, kind: 'holiday' as const, name: 'Nghỉ lễ, Tết' }),
  ),
});

interface Case {
  readonly procedure: Procedure;
  readonly process: Process;
  readonly calendar: WorkCalendar;
  readonly scenario: DossierScenario;
}

function caseArb(process: ProcessArbOptions = {}, events: EventSequenceArbOptions = {}): fc.Arbitrary<Case> {
  return fc
    .tuple(procedureWithProcessArb({ process }), fc.constantFrom(vietnam, desk))
    .chain(([{ procedure, process: p }, calendar]) =>
      eventSequenceArb(procedure, p, calendar, events).map((scenario) => ({
        procedure,
        process: p,
        calendar,
        scenario,
        // Counterexamples name the calendar instead of printing its hundred years of holidays.
        [fc.toStringMethod]: () => JSON.stringify({ calendar: calendar.name, procedure, process: p, scenario }),
      })),
    );
}

const open = (c: Case): Dossier => openDossier(c.procedure, c.process, c.calendar, c.scenario);
const replay = (c: Case, events: readonly DossierEvent[] = c.scenario.events): Dossier => applyAll(open(c), events);
const ms = (iso: string): number => toEpochMs(iso, 'at');
const limitOf = (c: Case) => c.procedure.channels.find((ch) => ch.channel === c.scenario.channel)!.timeLimit!;
const dueOf = (c: Case, start: number, duration: Parameters<typeof addWorkingTime>[2]): number =>
  addWorkingTime(c.calendar, start, duration, { rule: c.process.countingRule }).getTime();

/** Every dossier along the replay: after receipt, then after each event. */
function history(c: Case): Dossier[] {
  const out = [open(c)];
  for (const e of c.scenario.events) out.push(apply(out.at(-1)!, e));
  return out;
}

const hasRound = (c: Case): boolean => c.scenario.events.some((e) => e.type === 'supplement-received');

describe('6. the generators (and what they promise)', () => {
  it('every generated process lints clean, builds a machine and has a path to the return step', () => {
    fc.assert(
      fc.property(procedureWithProcessArb(), ({ procedure, process }) => {
        expect(parseProcedure(JSON.parse(JSON.stringify(procedure)))).toEqual(procedure);
        expect(parseProcess(JSON.parse(JSON.stringify(process)))).toEqual(process);
        // With a calendar every limit is measurable: nothing at all to report.
        expect(lintProcess(procedure, process, { calendar: vietnam })).toEqual([]);
        // Without one, same-day limits are only noted as not comparable (info).
        for (const issue of lintProcess(procedure, process)) expect(issue.code).toBe('limit-not-comparable');
        expect(() => toMachine(process)).not.toThrow();
        const toReturn = enumeratePaths(process).filter(
          (p) => p.end === 'returned' && p.states.includes('processing.return'),
        );
        expect(toReturn.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('event sequences are accepted, strictly increasing in working time, with the right performers', () => {
    fc.assert(
      fc.property(caseArb({}, { terminations: true }), (c) => {
        const steps = new Map(c.process.steps.map((s) => [s.key, s]));
        let prev = ms(c.scenario.receivedAt);
        for (const e of c.scenario.events) {
          expect(workingTimeBetween(c.calendar, prev, ms(e.at))).toBeGreaterThan(0);
          prev = ms(e.at);
          if (e.type === 'complete-step') {
            expect(e.by.role).toBe(steps.get(e.step)!.performer.role);
            expect(e.by.unit).toBe(steps.get(e.step)!.performer.unit);
          }
        }
        expect(c.scenario.events.filter((e) => e.type === 'extend').length).toBeLessThanOrEqual(1);
        expect(replay(c).events).toHaveLength(c.scenario.events.length);
      }),
      { numRuns: 300 },
    );
  });

  it('complete sequences end with the result returned', () => {
    fc.assert(
      fc.property(caseArb({}, { complete: true }), (c) => {
        expect(c.scenario.events.at(-1)?.type).toBe('return-result');
        expect(status(replay(c), c.scenario.events.at(-1)!.at).state).toBe('returned');
      }),
      { numRuns: 250 },
    );
  });
});

describe('1. replay', () => {
  it('deserialize(serialize(d)) equals d, and applying events one by one equals applyAll', () => {
    fc.assert(
      fc.property(caseArb({}, { terminations: true }), (c) => {
        const d = replay(c);
        const stepwise = history(c).at(-1)!;
        expect(stepwise).toEqual(d);
        const stored = JSON.parse(JSON.stringify(serialize(d)));
        const back = deserialize(stored, { procedure: c.procedure, process: c.process, calendar: c.calendar });
        expect(back).toEqual(d);
        expect(serialize(back)).toEqual(serialize(d));
      }),
      { numRuns: 200 },
    );
  });
});

describe('2. deadlines never precede receipt', () => {
  it('overall, per step, per consultation and after every supplementation round', () => {
    fc.assert(
      fc.property(caseArb({}, { terminations: true }), (c) => {
        const received = ms(c.scenario.receivedAt);
        for (const d of history(c)) {
          const l = d.ledger;
          expect(l.receivedAt).toBe(received);
          expect(l.originalDue).toBeGreaterThanOrEqual(received);
          expect(l.countingFrom).toBeGreaterThanOrEqual(received);
          expect(l.legalDue).toBeGreaterThanOrEqual(l.countingFrom);
          const shown = dueDates(d).due;
          if (shown !== null) expect(ms(shown)).toBeGreaterThanOrEqual(received);
          const resumedAt = new Set(l.supplements.map((r) => r.receivedAt));
          for (const v of l.steps) {
            if (v.due === null) continue;
            expect(v.due).toBeGreaterThanOrEqual(received);
            // A step entered by an outcome, or restarted from zero, is due no earlier than its entry.
            // (Under pause/extend a step already overdue when the clock stopped keeps its old due.)
            if (l.policy === 'restart' || !resumedAt.has(v.enteredAt))
              expect(v.due).toBeGreaterThanOrEqual(v.enteredAt);
          }
          for (const s of l.consults) if (s.due !== null) expect(s.due).toBeGreaterThanOrEqual(s.sentAt);
          for (const r of l.supplements) {
            if (r.dueAfter === null || r.receivedAt === null) continue;
            expect(r.dueAfter).toBeGreaterThanOrEqual(received);
            if (l.policy === 'restart') expect(r.dueAfter).toBeGreaterThanOrEqual(r.receivedAt);
          }
        }
      }),
      { numRuns: 250 },
    );
  });
});

describe('3. policy pause: waiting never consumes the budget', () => {
  it('the due with the pauses is the due without them plus exactly the paused working time', () => {
    const arb = caseArb({ policies: ['pause'] }, { maxSupplementRounds: 3 }).filter(hasRound);
    fc.assert(
      fc.property(arb, (c) => {
        const withPause = replay(c);
        fc.pre(!withPause.ledger.clockStopped);
        const rounds = withPause.ledger.supplements;
        // The same dossier without the supplementation rounds (the process resumes the same step).
        const plain = c.scenario.events.filter(
          (e) => e.type !== 'request-supplement' && e.type !== 'supplement-received',
        );
        const without = replay(c, plain).ledger.legalDue;
        expect(without).toBe(dueOf(c, ms(c.scenario.receivedAt), limitOf(c)));
        let due = without;
        let paused = 0;
        for (const r of rounds) {
          expect(r.dueBefore).toBe(due);
          const remaining = workingTimeBetween(c.calendar, r.requestedAt, due);
          const waited = workingTimeBetween(c.calendar, r.requestedAt, r.receivedAt!);
          if (remaining > 0) {
            expect(workingTimeBetween(c.calendar, due, r.dueAfter!)).toBe(waited);
            paused += waited;
          } else {
            // Already overdue when the clock stopped: the due stays where it was.
            expect(r.dueAfter).toBe(due);
          }
          due = r.dueAfter!;
        }
        expect(withPause.ledger.legalDue).toBe(due);
        // The step that asked resumes with the working time it had left (its own due shifts the same way).
        const visits = withPause.ledger.steps;
        for (const r of rounds) {
          const asked = visits.findLast(
            (v) => v.interruptedBy === 'request-supplement' && v.enteredAt <= r.requestedAt,
          );
          const resumed = visits.find((v) => v.step === r.step && v.enteredAt === r.receivedAt);
          if (asked?.due == null) continue;
          const waited = workingTimeBetween(c.calendar, r.requestedAt, r.receivedAt!);
          if (workingTimeBetween(c.calendar, r.requestedAt, asked.due) > 0) {
            expect(workingTimeBetween(c.calendar, asked.due, resumed!.due!)).toBe(waited);
          } else expect(resumed?.due).toBe(asked.due);
        }
        if (rounds.every((r) => workingTimeBetween(c.calendar, r.requestedAt, r.dueBefore!) > 0)) {
          expect(workingTimeBetween(c.calendar, without, withPause.ledger.legalDue)).toBe(paused);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('4. policy restart: the full limit counts again from the complete dossier', () => {
  it('due == addWorkingTime(cal, supplementReceivedAt, limit), for the dossier and the resumed step', () => {
    const arb = caseArb({ policies: ['restart'] }, { maxSupplementRounds: 3 }).filter(hasRound);
    fc.assert(
      fc.property(arb, (c) => {
        const d = replay(c);
        const l = d.ledger;
        const steps = new Map(c.process.steps.map((s) => [s.key, s]));
        for (const r of l.supplements) {
          if (r.receivedAt === null) continue;
          // ND 61 art. 19(3) as amended by ND 107/2021: "tính lại từ đầu sau khi nhận đủ hồ sơ".
          expect(r.dueAfter).toBe(dueOf(c, r.receivedAt, limitOf(c)));
          const resumed = l.steps.find((v) => v.enteredAt === r.receivedAt && v.step === r.step);
          const budget = steps.get(r.step!)!.budget;
          expect(resumed?.due).toBe(budget.notCounted ? null : dueOf(c, r.receivedAt, budget));
        }
        const last = l.supplements.at(-1)!;
        if (last.receivedAt !== null) {
          expect(l.countingFrom).toBe(last.receivedAt);
          expect(l.legalDue).toBe(dueOf(c, last.receivedAt, limitOf(c)));
        }
      }),
      { numRuns: 200 },
    );
  });
});

const RANK = { early: 0, 'on-time': 1, late: 2 } as const;

describe('5. classification is monotone in the completion time', () => {
  it('finishing later never improves early / on time / late, in both compare modes', () => {
    const arb = caseArb({}, { complete: true }).chain((c) =>
      fc.record({
        c: fc.constant(c),
        a: fc.integer({ min: 0, max: 40 * 24 * 60 }),
        b: fc.integer({ min: 0, max: 40 * 24 * 60 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ c, a, b }) => {
        const dossiers = history(c);
        const k = dossiers.findIndex((d) => d.ledger.finishedAt !== null);
        const finishing = c.scenario.events[k - 1]!;
        const before = dossiers[k - 1]!;
        const last = ms(before.events.at(-1)?.at ?? c.scenario.receivedAt);
        const at = (minutes: number) => new Date(last + minutes * 60_000).toISOString();
        const [t1, t2] = [at(Math.min(a, b)), at(Math.max(a, b))];
        const d1 = apply(before, { ...finishing, at: t1 });
        const d2 = apply(before, { ...finishing, at: t2 });
        expect(d1.ledger.finishedAt).toBe(ms(t1));
        for (const compare of ['date', 'instant'] as const) {
          const c1 = status(d1, t2, { compare }).classification as keyof typeof RANK;
          const c2 = status(d2, t2, { compare }).classification as keyof typeof RANK;
          expect(RANK[c1]).toBeLessThanOrEqual(RANK[c2]);
        }
        // Instant mode: a completion at or before the due instant is never late.
        if (ms(t1) <= d1.ledger.legalDue) expect(status(d1, t1).classification).not.toBe('late');
      }),
      { numRuns: 250 },
    );
  });
});
