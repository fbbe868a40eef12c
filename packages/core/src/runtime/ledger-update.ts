/**
 * How each event changes the clock ledger. Every branch cites the rule it applies (REFERENCE.md §1).
 */
import { toEpochMs } from '@tthc/calendar';
import type { Step } from '../model/process.js';
import type { Move } from './apply.js';
import { clockOf, type Dossier } from './dossier.js';
import { appended, replacedAt } from './fold-arrays.js';
import type { Actor, DossierEvent, DossierEventOf } from './events.js';
import { citeRule } from './law.js';
import {
  type ClockContext,
  type ClockLedger,
  dueAfter,
  type LedgerFlag,
  minutesBetween,
  resumeAfterPause,
  shiftByWaitingDays,
  type StepVisit,
  type SupplementRound,
} from './ledger.js';

type Patch = Partial<ClockLedger>;

function stepOf(dossier: Dossier, key: string | null): Step | undefined {
  return key === null ? undefined : dossier.process.steps.find((s) => s.key === key);
}

/** Index of the visit still open (entered, neither done nor interrupted), or -1. */
function openVisitIndex(steps: readonly StepVisit[]): number {
  for (let i = steps.length - 1; i >= 0; i--) {
    const v = steps[i]!;
    if (v.doneAt === null && v.interruptedBy === null) return i;
  }
  return -1;
}

function closeVisit(steps: readonly StepVisit[], patch: Partial<StepVisit>): readonly StepVisit[] {
  const i = openVisitIndex(steps);
  return i >= 0 ? replacedAt(steps, i, { ...steps[i]!, ...patch }) : steps;
}

function newVisit(step: string, at: number, by: Actor, due: number | null): StepVisit {
  return {
    step,
    enteredAt: at,
    handedOverBy: by,
    due,
    doneAt: null,
    doneBy: null,
    outcome: null,
    interruptedBy: null,
    note: null,
  };
}

function flag(ledger: ClockLedger, f: LedgerFlag): readonly LedgerFlag[] {
  return appended(ledger.flags, f);
}

/** The outcome a transition took: the named one, else the one leading where the machine went. */
function outcomeTaken(step: Step | undefined, event: DossierEvent, move: Move): string | null {
  if (event.type === 'complete-step' && event.outcome) return event.outcome;
  if (!step) return null;
  const o = step.outcomes.find((x) => (x.next ?? null) === move.to.step) ?? step.outcomes[0];
  return o?.name ?? null;
}

/** complete-step, pay, return-result: the current step is done; the next one (if any) starts. */
function leaveStep(dossier: Dossier, ctx: ClockContext, event: DossierEvent, at: number, move: Move): Patch {
  const { ledger } = dossier;
  const done = stepOf(dossier, move.from.step);
  let steps = closeVisit(ledger.steps, {
    doneAt: at,
    doneBy: event.by,
    outcome: outcomeTaken(done, event, move),
    note: event.note ?? null,
  });
  const next = stepOf(dossier, move.to.step);
  if (next) steps = appended(steps, newVisit(next.key, at, event.by, dueAfter(ctx, at, next.budget)));
  // Processing ends (NgayKetThucXuLy) when the result is ready: the process reaches its end, or the
  // return step (trả kết quả), whose time is not part of processing (REFERENCE.md §3.3).
  const finished = move.to.phase === 'closed' || move.to.phase === 'returned' || next?.kind === 'return';
  return {
    steps,
    finishedAt: ledger.finishedAt ?? (finished ? at : null),
    returnedAt: move.to.phase === 'returned' ? at : ledger.returnedAt,
    payments: event.type === 'pay' ? appended(ledger.payments, { at, amount: event.amount ?? null }) : ledger.payments,
  };
}

function requestSupplement(
  dossier: Dossier,
  ctx: ClockContext,
  event: DossierEventOf<'request-supplement'>,
  at: number,
  move: Move,
): Patch {
  const { ledger, process } = dossier;
  // ND 61 art. 19(3) (ND 118/2025 from 2025-07-01, no change found — law.ts): the agency must ask no
  // later than 03 working days after receipt — flagged, not refused (the request is still the
  // applicant's only way to complete the dossier). The message cites the text in force on `at`.
  const limit = dueAfter(ctx, ledger.countingFrom, process.supplementation.requestWithin);
  const lateRequest = limit !== null && at > limit;
  const round: SupplementRound = {
    round: ledger.supplements.length + 1,
    step: move.from.step,
    requestedAt: at,
    requestedBy: event.by,
    reason: event.reason,
    lateRequest,
    receivedAt: null,
    dueBefore: ledger.legalDue,
    dueAfter: null,
    remainingMinutes: minutesBetween(ctx, at, ledger.legalDue),
  };
  return {
    steps: closeVisit(ledger.steps, { interruptedBy: 'request-supplement', note: event.reason }),
    supplements: appended(ledger.supplements, round),
    clockStopped: true,
    flags: lateRequest
      ? flag(ledger, {
          code: 'late-supplement-request',
          at,
          message: `supplement requested after ${process.supplementation.requestWithin.amount} ${process.supplementation.requestWithin.unit} from receipt (${citeRule('supplement-request-window', at)})`,
        })
      : ledger.flags,
  };
}

/** The new due of a period after a supplementation round, by the process policy. */
function resumedDue(ctx: ClockContext, policy: ClockLedger['policy'], round: SupplementRound, at: number, due: number) {
  if (policy === 'pause') {
    const remaining = minutesBetween(ctx, round.requestedAt, due);
    return resumeAfterPause(ctx, at, remaining, due);
  }
  return shiftByWaitingDays(ctx, due, round.requestedAt, at);
}

function supplementReceived(dossier: Dossier, ctx: ClockContext, event: DossierEvent, at: number, move: Move): Patch {
  const { ledger } = dossier;
  const round = ledger.supplements.at(-1)!;
  const policy = ledger.policy;
  // restart — ND 61 art. 19(3) as amended by ND 107/2021: "thời hạn giải quyết được tính lại từ đầu
  // sau khi nhận đủ hồ sơ": the full limit is counted again from the complete dossier.
  // pause — legacy: the clock was stopped; the working minutes left carry over.
  // extend — legacy (Thanh Hóa): the due moves by the calendar days spent waiting.
  const legalDue =
    policy === 'restart'
      ? (dueAfter(ctx, at, ledger.limit) ?? at)
      : resumedDue(ctx, policy, round, at, round.dueBefore ?? ledger.legalDue);
  const interrupted = ledger.steps.findLast((v) => v.interruptedBy === 'request-supplement');
  const step = stepOf(dossier, move.to.step);
  let stepDue: number | null = null;
  if (step) {
    if (policy === 'restart') stepDue = dueAfter(ctx, at, step.budget);
    else if (interrupted?.due != null) stepDue = resumedDue(ctx, policy, round, at, interrupted.due);
  }
  const rounds = replacedAt(ledger.supplements, ledger.supplements.length - 1, {
    ...round,
    receivedAt: at,
    dueAfter: legalDue,
  });
  return {
    supplements: rounds,
    clockStopped: false,
    legalDue,
    countingFrom: policy === 'restart' ? at : ledger.countingFrom,
    steps: step ? appended(ledger.steps, newVisit(step.key, at, event.by, stepDue)) : ledger.steps,
  };
}

function consult(dossier: Dossier, ctx: ClockContext, event: DossierEventOf<'consult'>, at: number, move: Move): Patch {
  // ND 61 art. 19(4)–(5): each consulted agency gets its task and its own deadline; TT 01/2018
  // art. 13 index 2 scores each agency on its own share.
  const share = {
    agency: event.agency,
    step: move.from.step,
    sentAt: at,
    sentBy: event.by,
    budget: event.budget ?? null,
    due: event.budget ? dueAfter(ctx, at, event.budget) : null,
    returnedAt: null,
    returnedBy: null,
  };
  return { consults: appended(dossier.ledger.consults, share) };
}

function consultReturned(dossier: Dossier, event: DossierEventOf<'consult-returned'>, at: number): Patch {
  // At most one share of an agency is pending (a second consult is refused while one is).
  const { consults } = dossier.ledger;
  const i = consults.findLastIndex((c) => c.agency === event.agency && c.returnedAt === null);
  if (i < 0) return { consults };
  return { consults: replacedAt(consults, i, { ...consults[i]!, returnedAt: at, returnedBy: event.by }) };
}

function reject(dossier: Dossier, event: DossierEventOf<'reject'>, at: number): Patch {
  const { ledger } = dossier;
  // ND 61 art. 19(7): a refusal after review must come within the time limit and is the result.
  const late = !ledger.clockStopped && at > ledger.legalDue;
  return {
    steps: closeVisit(ledger.steps, { interruptedBy: 'reject', note: event.reason }),
    refusal: { at, reason: event.reason },
    finishedAt: ledger.finishedAt ?? at,
    flags: late
      ? flag(ledger, {
          code: 'late-refusal',
          at,
          message: `refusal issued after the time limit (${citeRule('refusal', at)})`,
        })
      : ledger.flags,
  };
}

function extend(dossier: Dossier, ctx: ClockContext, event: DossierEventOf<'extend'>, at: number): Patch {
  const { ledger, calendar } = dossier;
  // ND 61 art. 19(8): the apology (Mẫu 04) must reach the applicant at least 01 working day before
  // the due — flagged when later. The new appointment does not change the legal due: the dossier is
  // still scored against it (REFERENCE.md §1.7).
  const lateNotice = minutesBetween(ctx, at, ledger.legalDue) < calendar.workingDayMinutes;
  const extension = {
    at,
    by: event.by,
    apology: event.apology,
    previousDue: ledger.legalDue,
    newDue: toEpochMs(event.newDue, 'newDue'),
    lateNotice,
  };
  return {
    extension,
    flags: lateNotice
      ? flag(ledger, {
          code: 'late-apology',
          at,
          message: `apology and new appointment issued less than 1 working day before the due (${citeRule('apology', at)})`,
        })
      : ledger.flags,
  };
}

/** The ledger after an event (the event was already checked). */
export function ledgerAfter(dossier: Dossier, event: DossierEvent, at: number, move: Move): ClockLedger {
  const ctx = clockOf(dossier);
  let patch: Patch;
  switch (event.type) {
    case 'complete-step':
    case 'pay':
    case 'return-result':
      patch = leaveStep(dossier, ctx, event, at, move);
      break;
    case 'request-supplement':
      patch = requestSupplement(dossier, ctx, event, at, move);
      break;
    case 'supplement-received':
      patch = supplementReceived(dossier, ctx, event, at, move);
      break;
    case 'consult':
      patch = consult(dossier, ctx, event, at, move);
      break;
    case 'consult-returned':
      patch = consultReturned(dossier, event, at);
      break;
    case 'reject':
      patch = reject(dossier, event, at);
      break;
    case 'withdraw':
      patch = {
        steps: closeVisit(dossier.ledger.steps, { interruptedBy: 'withdraw', note: event.reason ?? null }),
        withdrawnAt: at,
      };
      break;
    case 'extend':
      patch = extend(dossier, ctx, event, at);
      break;
  }
  return { ...dossier.ledger, ...patch };
}
