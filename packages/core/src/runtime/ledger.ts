/**
 * The clock ledger of a dossier: every fact the legal clock depends on (receipt, counting start,
 * dues, supplementation rounds, consultations, the one new appointment, step visits). It is plain
 * JSON (instants are epoch milliseconds) and is rebuilt from the events on replay.
 */
import {
  addWorkingTime,
  type CountingRule,
  dayNumberFromIso,
  isWorkingTime,
  nextWorkingInstant,
  type WorkCalendar,
  workingTimeBetween,
} from '@tthc/calendar';
import type { Duration } from '../model/common.js';
import type { Actor } from './events.js';
import { localDate } from './time.js';

/** One stay of the dossier in a step (a row of the Phiếu kiểm soát quá trình giải quyết hồ sơ). */
export interface StepVisit {
  readonly step: string;
  readonly enteredAt: number;
  /** Who handed the dossier over into this step (the actor of the event that entered it). */
  readonly handedOverBy: Actor | null;
  /** Step entry + step budget; `null` for steps whose time is not counted. */
  readonly due: number | null;
  readonly doneAt: number | null;
  readonly doneBy: Actor | null;
  readonly outcome: string | null;
  /** Why the visit ended without the step being done. */
  readonly interruptedBy: 'request-supplement' | 'reject' | 'withdraw' | null;
  readonly note: string | null;
}

/** One supplementation round (DanhSachHoSoBoSung on the DVCQG). */
export interface SupplementRound {
  readonly round: number;
  readonly step: string | null;
  readonly requestedAt: number;
  readonly requestedBy: Actor;
  readonly reason: string;
  /** True when asked later than `supplementation.requestWithin` after receipt (ND 61 art. 19(3)). */
  readonly lateRequest: boolean;
  readonly receivedAt: number | null;
  /** NgayHenTraTruoc — the due before the round. */
  readonly dueBefore: number | null;
  /** NgayHenTraMoi — the due after the complete dossier came back. */
  readonly dueAfter: number | null;
  /** Working minutes left before the due when the clock stopped (policy `pause`). */
  readonly remainingMinutes: number | null;
}

/** One consulted agency's share (lấy ý kiến / liên thông; TT 01/2018 art. 13 index 2). */
export interface ConsultShare {
  readonly agency: string;
  readonly step: string | null;
  readonly sentAt: number;
  readonly sentBy: Actor;
  readonly budget: Duration | null;
  readonly due: number | null;
  readonly returnedAt: number | null;
  readonly returnedBy: Actor | null;
}

/** The one new appointment (Mẫu 04 Phiếu xin lỗi và hẹn lại ngày trả kết quả). */
export interface Extension {
  readonly at: number;
  readonly by: Actor;
  readonly apology: string;
  readonly previousDue: number;
  readonly newDue: number;
  /** True when issued less than one working day before the due (ND 61 art. 19(8)). */
  readonly lateNotice: boolean;
}

/** Codes of the legal irregularities the runtime records without refusing the event. */
export type LedgerFlagCode = 'late-supplement-request' | 'late-apology' | 'late-refusal';

/** A legal irregularity, recorded but not refused. */
export interface LedgerFlag {
  readonly code: LedgerFlagCode;
  readonly at: number;
  readonly message: string;
}

/** The clock ledger (sổ theo dõi thời hạn) of a dossier. */
export interface ClockLedger {
  readonly rule: CountingRule;
  /** The statutory limit of the dossier's channel (with the same-day cut-off resolved). */
  readonly limit: Duration;
  readonly policy: 'restart' | 'pause' | 'extend';
  readonly receivedAt: number;
  /** Start of the current counting period: receipt, or the last complete supplement under `restart`. */
  readonly countingFrom: number;
  /** NgayHenTra on the receipt slip (Mẫu 01). */
  readonly originalDue: number;
  /** The lawful due now (after supplementation rules; never moved by an apology). */
  readonly legalDue: number;
  /** True while the dossier waits for a supplement (the due is suspended). */
  readonly clockStopped: boolean;
  readonly steps: readonly StepVisit[];
  readonly supplements: readonly SupplementRound[];
  readonly consults: readonly ConsultShare[];
  readonly extension: Extension | null;
  readonly payments: readonly { readonly at: number; readonly amount: number | null }[];
  readonly flags: readonly LedgerFlag[];
  /** NgayKetThucXuLy — when processing ended (result ready, refused). */
  readonly finishedAt: number | null;
  /** NgayTra — when the result was returned. */
  readonly returnedAt: number | null;
  readonly withdrawnAt: number | null;
  /** The refusal (Phiếu từ chối), which is the dossier's result (ND 61 art. 19(7)). */
  readonly refusal: { readonly at: number; readonly reason: string } | null;
}

/** Counting context shared by the ledger operations. */
export interface ClockContext {
  readonly calendar: WorkCalendar;
  readonly rule: CountingRule;
}

/**
 * The due of a period: `start` + `duration` under the counting rule (a start outside office hours
 * begins at the next working instant — DESIGN.md §3); `null` for a time that is not counted.
 */
export function dueAfter(ctx: ClockContext, start: number, duration: Duration): number | null {
  if (duration.notCounted) return null;
  return addWorkingTime(ctx.calendar, start, duration, { rule: ctx.rule }).getTime();
}

/** Working minutes from `from` to `to` (negative when `to` is earlier). */
export function minutesBetween(ctx: ClockContext, from: number, to: number): number {
  return workingTimeBetween(ctx.calendar, from, to);
}

/**
 * Policy `pause`: the stopped clock resumes with the working minutes that were left, so waiting never
 * consumes the budget. A dossier already overdue when it stopped stays at its old due.
 */
export function resumeAfterPause(ctx: ClockContext, resumedAt: number, remaining: number, oldDue: number): number {
  if (remaining <= 0) return oldDue;
  return addWorkingTime(
    ctx.calendar,
    resumedAt,
    { amount: remaining, unit: 'workingMinute' },
    { rule: ctx.rule },
  ).getTime();
}

/**
 * Policy `extend` (legacy one-stop software, REFERENCE.md §1.6): the due moves by the calendar days
 * spent waiting (local date of receipt of the supplement − local date of the request), then to the
 * next working instant if it lands outside office hours.
 */
export function shiftByWaitingDays(ctx: ClockContext, due: number, requestedAt: number, receivedAt: number): number {
  const cal = ctx.calendar;
  const days = dayNumberFromIso(localDate(receivedAt, cal)) - dayNumberFromIso(localDate(requestedAt, cal));
  // Vietnam has no DST, so a local day is 24 h; elsewhere the local time may move by the DST delta.
  const shifted = due + days * 86_400_000;
  // A due exactly at a window's close stays there (DESIGN.md §3); otherwise a shifted due outside
  // office hours moves to the next working instant.
  if (isWorkingTime(ctx.calendar, shifted - 1)) return shifted;
  return nextWorkingInstant(ctx.calendar, shifted).getTime();
}
