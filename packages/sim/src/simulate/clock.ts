/**
 * The legal clock of each simulated dossier, on the working axis, with the runtime's rules: the due
 * (NgayHenTra) is the channel's statutory limit counted from receipt under the process's counting
 * rule; a supplementation round moves it by the process policy (restart / pause / extend); a finished
 * dossier is early, on time or late by local DATE (provincial practice) or by instant; and one working
 * day before the due the agency must know whether to send an apology (ND 61 art. 19(8)).
 *
 * This is the adapter to swap for the core runtime's ledger: each method mirrors one runtime event
 * (`open` ~ openDossier, `requestSupplement`/`supplementReceived` ~ apply, `finish` ~ status).
 */
import {
  addWorkingTimeMs,
  type Duration,
  dayNumberFromIso,
  isWorkingTime,
  localDateOf,
  nextWorkingInstant,
} from '@tthc/calendar';
import type { SimModel } from './model.js';
import type { WorkingAxis } from './working-axis.js';

/** How completion is compared with the due (REFERENCE.md §1.7): by local date, or by instant. */
export type CompareMode = 'date' | 'instant';

/** Classification codes of a finished dossier. */
export const EARLY = 0;
export const ON_TIME = 1;
export const LATE = 2;

const PENDING = 0;
const CLEARED = 1;
const PREDICTED = 2;
const MS_PER_DAY = 86_400_000;

/**
 * Per-dossier clocks in typed arrays.
 * @example const clock = new DossierClock(model, axis); clock.open(0, 12.5, Number.NaN);
 */
export class DossierClock {
  private received = new Float64Array(1024);
  private due = new Float64Array(1024);
  private dueDay = new Int32Array(1024);
  private counting = new Float64Array(1024);
  private requested = new Float64Array(1024);
  private checkpoint = new Float64Array(1024);
  private apology = new Uint8Array(1024);
  private done = new Uint8Array(1024);
  /** Dossier indices predicted late one working day before their due, in the order predicted. */
  readonly predicted: number[] = [];

  constructor(
    private readonly model: SimModel,
    private readonly axis: WorkingAxis,
    private readonly compare: CompareMode = 'date',
  ) {}

  private grow(): void {
    const n = this.received.length * 2;
    const g = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(n);
      b.set(a);
      return b;
    };
    this.received = g(this.received, Float64Array);
    this.due = g(this.due, Float64Array);
    this.dueDay = g(this.dueDay, Int32Array);
    this.counting = g(this.counting, Float64Array);
    this.requested = g(this.requested, Float64Array);
    this.checkpoint = g(this.checkpoint, Float64Array);
    this.apology = g(this.apology, Uint8Array);
    this.done = g(this.done, Uint8Array);
  }

  /** Sets the due of dossier `i` to `duration` counted from axis minute `t` (instant `ms` when known). */
  private setDueFrom(i: number, t: number, ms: number, duration: Duration, minutes: number): void {
    if (!Number.isNaN(minutes)) {
      // Working-time rule: the due is plain addition on the working axis.
      this.due[i] = t + minutes;
      this.dueDay[i] = this.axis.dayNumberAt(t + minutes);
      return;
    }
    const start = Number.isNaN(ms) ? this.axis.toMs(t) : ms;
    this.setDueAt(i, addWorkingTimeMs(this.axis.calendar, start, duration, { rule: this.model.rule }));
  }

  private setDueAt(i: number, dueMs: number): void {
    this.due[i] = this.axis.fromMs(dueMs);
    this.dueDay[i] = dayNumberFromIso(localDateOf(this.axis.calendar, dueMs));
  }

  private resetApology(i: number, from: number): void {
    if (this.apology[i] === PREDICTED) return;
    this.apology[i] = PENDING;
    this.checkpoint[i] = Math.max(from, this.due[i]! - this.model.workingDayMinutes);
  }

  /**
   * Receipt of dossier `i` at axis minute `t` (`ms`: the receipt instant when a log gave it, else NaN).
   * @example clock.open(0, 95, Number.NaN)
   */
  open(i: number, t: number, ms: number): void {
    while (i >= this.received.length) this.grow();
    this.received[i] = t;
    this.counting[i] = t;
    this.done[i] = 0;
    this.setDueFrom(i, t, ms, this.model.limit, this.model.limitMinutes);
    this.apology[i] = PENDING;
    this.resetApology(i, t);
  }

  /**
   * Due of a visit of step `s` entered at `t` (NaN when the step's time is not counted).
   * @example clock.stepDue(1, 95) // 95 + 720 for a 12-hour review
   */
  stepDue(s: number, t: number): number {
    const minutes = this.model.budgetMinutes[s]!;
    if (!Number.isNaN(minutes)) return t + minutes;
    const budget = this.model.budgets[s];
    if (!budget) return Number.NaN;
    const ms = addWorkingTimeMs(this.axis.calendar, this.axis.toMs(t), budget, { rule: this.model.rule });
    return this.axis.fromMs(ms);
  }

  /** @example clock.receivedAt(0) */
  receivedAt(i: number): number {
    return this.received[i]!;
  }

  /** @example clock.isFinished(0) */
  isFinished(i: number): boolean {
    return this.done[i] === 1;
  }

  /** @example clock.dueOf(0) // axis minute of the due */
  dueOf(i: number): number {
    return this.due[i]!;
  }

  /** @example clock.apologyPredicted(0) */
  apologyPredicted(i: number): boolean {
    return this.apology[i] === PREDICTED;
  }

  /**
   * Processing of dossier `i` ends at `t` (NgayKetThucXuLy); returns EARLY, ON_TIME or LATE, the
   * runtime's `classifyCompletion`: `date` compares local dates (Thanh Hóa's DATE(NgayKetThucXuLy)
   * vs DATE(NgayHenTra)); `instant` is late after the due instant, else early on an earlier date.
   * @example clock.finish(0, 1000) // ON_TIME
   */
  finish(i: number, t: number): number {
    this.done[i] = 1;
    if (this.compare === 'instant' && t > this.due[i]!) return LATE;
    const day = this.axis.dayNumberAt(t);
    const dueDay = this.dueDay[i]!;
    return day > dueDay ? LATE : day < dueDay ? EARLY : ON_TIME;
  }

  /** Evaluates the apology checkpoint if it fell in [since, t); `late` says whether the dossier looked late then. */
  private checkpointIn(i: number, since: number, t: number, late: (at: number) => boolean): void {
    if (this.apology[i] !== PENDING || this.done[i] === 1 || this.checkpoint[i]! >= t) return;
    const at = Math.max(this.checkpoint[i]!, since);
    if (late(at)) {
      this.apology[i] = PREDICTED;
      this.predicted.push(i);
    } else this.apology[i] = CLEARED;
  }

  /**
   * The dossier waited in the queue of step `s` over [since, t): at the checkpoint (one working day
   * before the due, ND 61 art. 19(8)) it is predicted late when the budgets still ahead on the shortest
   * path exceed the time left.
   * @example clock.checkApologyWaiting(0, 900, 100, 1)
   */
  checkApologyWaiting(i: number, t: number, since: number, s: number): void {
    const need = this.model.minRemaining[s]!;
    const due = this.due[i]!;
    this.checkpointIn(i, since, t, (at) => at + need > due);
  }

  /**
   * The dossier was being served at step `s` over [since, t), ending at `t`: predicted late when the
   * end of this step plus the budgets after it pass the due.
   * @example clock.checkApologyInService(0, 900, 100, 1)
   */
  checkApologyInService(i: number, t: number, since: number, s: number): void {
    const after = this.model.minAfter[s]!;
    const due = this.due[i]!;
    this.checkpointIn(i, since, t, () => t + after > due);
  }

  /**
   * A request to supplement at `t` (Mẫu 02): the clock stops. Returns true when it came later than
   * `requestWithin` after the start of counting (ND 61 art. 19(3): 03 working days).
   * @example clock.requestSupplement(0, 700) // false
   */
  requestSupplement(i: number, t: number): boolean {
    this.requested[i] = t;
    const m = this.model;
    const from = this.counting[i]!;
    let limit = from + m.requestWithinMinutes;
    if (Number.isNaN(m.requestWithinMinutes)) {
      const ms = addWorkingTimeMs(this.axis.calendar, this.axis.toMs(from), m.requestWithin, { rule: m.rule });
      limit = this.axis.fromMs(ms);
    }
    return t > limit;
  }

  /**
   * The complete dossier is back at `t`; the due follows the process policy, as the runtime's ledger does.
   * @example clock.supplementReceived(0, 2000)
   */
  supplementReceived(i: number, t: number): void {
    const m = this.model;
    const q = this.requested[i]!;
    const due = this.due[i]!;
    if (m.policy === 'restart') {
      // ND 61 art. 19(3) as amended by ND 107/2021: the limit is counted again from the complete dossier.
      this.counting[i] = t;
      this.setDueFrom(i, t, Number.NaN, m.limit, m.limitMinutes);
    } else if (m.policy === 'pause') {
      // Legacy pause: the working minutes left when the clock stopped carry over.
      const remaining = due - q;
      if (remaining > 0) {
        this.due[i] = t + remaining;
        this.dueDay[i] = this.axis.dayNumberAt(t + remaining);
      }
    } else {
      // Legacy extend (Thanh Hóa GetNgayHenTraBoSung): the due moves by the calendar days spent
      // waiting, then to the next working instant if it lands outside office hours.
      const cal = this.axis.calendar;
      const days = this.axis.dayNumberAt(t) - this.axis.dayNumberAt(q);
      let shifted = this.axis.toMs(due) + days * MS_PER_DAY;
      if (!isWorkingTime(cal, shifted - 1)) shifted = nextWorkingInstant(cal, shifted).getTime();
      this.setDueAt(i, shifted);
    }
    this.resetApology(i, t);
  }
}
