/**
 * Derived views of a dossier: due dates, status and classification, reminders. All are computed
 * from the clock ledger and the calendar; `now` is always an argument (no wall clock).
 */
import { addWorkingTime, type InstantInput, toEpochMs } from '@tthc/calendar';
import { FINAL_PHASES, locate, type Phase } from '../machine/names.js';
import type { Duration } from '../model/common.js';
import { clockOf, type Dossier } from './dossier.js';
import { minutesBetween, type StepVisit } from './ledger.js';
import { formatInstant, localDate, type ZoneOrCalendar } from './time.js';

/** How completion is compared with the due (REFERENCE.md §1.7, §9.7). */
export type CompareMode = 'date' | 'instant';

/** Early / on time / late for finished dossiers; in time / overdue for dossiers in progress. */
export type Classification = 'early' | 'on-time' | 'late' | 'in-time' | 'overdue';

/**
 * Classifies a completion against a due. `date` (what provincial software does — Thanh Hóa compares
 * DATE(NgayKetThucXuLy) with DATE(NgayHenTra)): an earlier local date is early, the same date on time,
 * a later date late. `instant` (the law's "time", TT 01/2018 art. 13): after the due instant is late,
 * an earlier local date is early, otherwise on time.
 * @example classifyCompletion(done, due, 'Asia/Ho_Chi_Minh', 'date') // 'on-time'
 */
export function classifyCompletion(
  doneMs: number,
  dueMs: number,
  zone: ZoneOrCalendar,
  compare: CompareMode,
): 'early' | 'on-time' | 'late' {
  const doneDate = localDate(doneMs, zone);
  const dueDate = localDate(dueMs, zone);
  if (compare === 'instant' && doneMs > dueMs) return 'late';
  if (doneDate > dueDate) return 'late';
  return doneDate < dueDate ? 'early' : 'on-time';
}

function isOverdue(nowMs: number, dueMs: number, zone: ZoneOrCalendar, compare: CompareMode): boolean {
  return compare === 'date' ? localDate(nowMs, zone) > localDate(dueMs, zone) : nowMs > dueMs;
}

const iso = (dossier: Dossier, ms: number): string => formatInstant(ms, dossier.calendar);
const isoOrNull = (dossier: Dossier, ms: number | null): string | null => (ms === null ? null : iso(dossier, ms));

/** The due dates of a dossier (instants as ISO 8601 text in the calendar's zone). */
export interface DueDates {
  readonly receivedAt: string;
  /** NgayHenTra on the receipt slip. */
  readonly originalDue: string;
  /** The lawful due now; `null` while the dossier waits for a supplement. */
  readonly due: string | null;
  /** The appointment now: the new appointment of Mẫu 04 if one was given, else `due`. */
  readonly appointment: string | null;
  /** One row per supplementation round: NgayHenTraTruoc / NgayHenTraMoi. */
  readonly supplements: readonly {
    readonly round: number;
    readonly dueBefore: string | null;
    readonly dueAfter: string | null;
  }[];
  /** Per step visit: entry and due (`null` when the step's time is not counted). */
  readonly steps: readonly {
    readonly step: string;
    readonly enteredAt: string;
    readonly due: string | null;
    readonly doneAt: string | null;
  }[];
  readonly consults: readonly { readonly agency: string; readonly due: string | null }[];
}

/**
 * The overall and per-step due dates of a dossier.
 * @example dueDates(dossier).due // '2026-02-25T16:30:00+07:00'
 */
export function dueDates(dossier: Dossier): DueDates {
  const l = dossier.ledger;
  const due = l.clockStopped ? null : l.legalDue;
  return {
    receivedAt: iso(dossier, l.receivedAt),
    originalDue: iso(dossier, l.originalDue),
    due: isoOrNull(dossier, due),
    appointment: isoOrNull(dossier, l.extension?.newDue ?? due),
    supplements: l.supplements.map((r) => ({
      round: r.round,
      dueBefore: isoOrNull(dossier, r.dueBefore),
      dueAfter: isoOrNull(dossier, r.dueAfter),
    })),
    steps: l.steps.map((v) => ({
      step: v.step,
      enteredAt: iso(dossier, v.enteredAt),
      due: isoOrNull(dossier, v.due),
      doneAt: isoOrNull(dossier, v.doneAt),
    })),
    consults: l.consults.map((c) => ({ agency: c.agency, due: isoOrNull(dossier, c.due) })),
  };
}

/** Options of {@link status}. */
export interface StatusOptions {
  /** Default `instant`. */
  readonly compare?: CompareMode;
  /** How close to the due counts as "due soon". Default 1 working day (the apology notice, ND 61 art. 19(8)). */
  readonly dueSoonWithin?: Duration;
}

/** The status of a dossier at an instant. */
export interface DossierStatus {
  readonly state: Phase;
  readonly step: string | null;
  /** `null` for a withdrawn dossier (not scored). */
  readonly classification: Classification | null;
  readonly dueSoon: boolean;
  readonly due: string | null;
}

/**
 * The status of a dossier at `now`: finished dossiers are early / on time / late against the lawful
 * due (a new appointment does not change it: the dossier still counts as late, REFERENCE.md §1.7);
 * dossiers in progress are in time or overdue. A dossier waiting for a supplement is in time.
 * @example status(dossier, '2026-02-24T09:00:00+07:00', { compare: 'date' })
 * // { state: 'processing', step: 'review', classification: 'in-time', dueSoon: false, due: '…' }
 */
export function status(dossier: Dossier, now: InstantInput, options: StatusOptions = {}): DossierStatus {
  const compare = options.compare ?? 'instant';
  const nowMs = toEpochMs(now, 'now');
  const { phase, step } = locate(dossier.snapshot.value);
  const l = dossier.ledger;
  const zone = dossier.calendar;
  const due = l.clockStopped ? null : l.legalDue;
  const base = { state: phase, step, due: isoOrNull(dossier, due) };
  if (phase === 'withdrawn') return { ...base, classification: null, dueSoon: false };
  if (l.finishedAt !== null) {
    return { ...base, classification: classifyCompletion(l.finishedAt, l.legalDue, zone, compare), dueSoon: false };
  }
  if (due === null) return { ...base, classification: 'in-time', dueSoon: false };
  if (isOverdue(nowMs, due, zone, compare)) return { ...base, classification: 'overdue', dueSoon: false };
  const within = options.dueSoonWithin ?? { amount: 1, unit: 'workingDay' };
  const horizon = addWorkingTime(dossier.calendar, nowMs, within, { rule: dossier.process.countingRule }).getTime();
  return { ...base, classification: 'in-time', dueSoon: due <= horizon };
}

/** What a reminder is about. */
export type ReminderKind = 'overdue' | 'due-soon' | 'apology-needed';

/** One reminder (nhắc việc). */
export interface Reminder {
  readonly dossierId: string;
  readonly kind: ReminderKind;
  /** The whole dossier, its current step, or a consulted agency's share. */
  readonly scope: 'dossier' | 'step' | 'consult';
  readonly step?: string;
  readonly agency?: string;
  readonly due: string;
  /** Working minutes from `now` to the due (negative when overdue). */
  readonly workingMinutesLeft: number;
}

interface Pending extends Omit<Reminder, 'due'> {
  readonly dueMs: number;
}

function dueItems(dossier: Dossier, nowMs: number, horizon: number): Pending[] {
  const out: Pending[] = [];
  const ctx = clockOf(dossier);
  const l = dossier.ledger;
  const push = (scope: Reminder['scope'], dueMs: number, extra: Partial<Pending>) => {
    if (dueMs > horizon) return;
    const kind: ReminderKind = nowMs > dueMs ? 'overdue' : 'due-soon';
    out.push({
      dossierId: dossier.id,
      kind,
      scope,
      dueMs,
      workingMinutesLeft: minutesBetween(ctx, nowMs, dueMs),
      ...extra,
    });
  };
  push('dossier', l.legalDue, {});
  const open: StepVisit | undefined = l.steps.findLast((v) => v.doneAt === null && v.interruptedBy === null);
  if (open?.due != null) push('step', open.due, { step: open.step });
  for (const c of l.consults) if (c.returnedAt === null && c.due !== null) push('consult', c.due, { agency: c.agency });
  // ND 61 art. 19(8): the apology must go out at least 1 working day before the due, so it is
  // needed once the time left is within one working day plus the reminder horizon.
  const left = minutesBetween(ctx, nowMs, l.legalDue);
  if (!l.extension && left > 0 && left <= dossier.calendar.workingDayMinutes + minutesBetween(ctx, nowMs, horizon)) {
    out.push({
      dossierId: dossier.id,
      kind: 'apology-needed',
      scope: 'dossier',
      dueMs: l.legalDue,
      workingMinutesLeft: left,
    });
  }
  return out;
}

const KIND_ORDER: Record<ReminderKind, number> = { overdue: 0, 'apology-needed': 1, 'due-soon': 2 };

/**
 * Reminders for dossiers in progress at `now`: overdue and due-soon items (dossier, current step,
 * consulted agencies) and dossiers that need the apology and new appointment (Mẫu 04), sorted by
 * due, then dossier id, then kind. Finished, final and paused dossiers give none.
 * @example reminders(dossiers, '2026-02-24T08:00:00+07:00', { amount: 1, unit: 'workingDay' })
 */
export function reminders(dossiers: readonly Dossier[], now: InstantInput, within: Duration): Reminder[] {
  const nowMs = toEpochMs(now, 'now');
  const items: Pending[] = [];
  for (const d of dossiers) {
    const { phase } = locate(d.snapshot.value);
    if (FINAL_PHASES.includes(phase) || d.ledger.finishedAt !== null || d.ledger.clockStopped) continue;
    const horizon = addWorkingTime(d.calendar, nowMs, within, { rule: d.process.countingRule }).getTime();
    items.push(...dueItems(d, nowMs, horizon));
  }
  items.sort(
    (a, b) =>
      a.dueMs - b.dueMs ||
      (a.dossierId < b.dossierId ? -1 : a.dossierId > b.dossierId ? 1 : 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
  const byId = new Map(dossiers.map((d) => [d.id, d]));
  return items.map(({ dueMs, ...rest }) => ({
    ...rest,
    due: formatInstant(dueMs, byId.get(rest.dossierId)!.calendar),
  }));
}
