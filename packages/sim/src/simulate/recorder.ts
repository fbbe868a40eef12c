/**
 * Counters of a run, updated by the engine as events happen: per-step visits, waiting and processing,
 * per-unit busy time over the arrival window, dossier classifications and lead times.
 */
import { EARLY, LATE } from './clock.js';
import type { SimModel } from './model.js';

/**
 * The raw tallies a result is built from.
 * @example const rec = new RunRecorder(model); rec.service(0, 12, 30);
 */
export class RunRecorder {
  readonly stepVisits: Float64Array;
  readonly stepWaiting: Float64Array;
  readonly stepProcessing: Float64Array;
  readonly stepCounted: Float64Array;
  readonly stepOnTime: Float64Array;
  readonly unitVisits: Float64Array;
  readonly unitWaiting: Float64Array;
  private readonly busyIntegral: Float64Array;
  private readonly busySince: Float64Array;
  /** Busy officer-minutes of each unit over [0, windowEnd]. */
  readonly windowBusy: Float64Array;
  /** End of the arrival window (axis minute of the last receipt); NaN until known. */
  windowEnd = Number.NaN;
  early = 0;
  onTime = 0;
  late = 0;
  finished = 0;
  supplemented = 0;
  lateRequests = 0;
  lateNotPredicted = 0;
  predictedOnTime = 0;
  events = 0;
  stepEvents = 0;
  private leads = new Float64Array(1024);

  constructor(private readonly model: SimModel) {
    const steps = model.stepKeys.length;
    const units = model.unitNames.length;
    this.stepVisits = new Float64Array(steps);
    this.stepWaiting = new Float64Array(steps);
    this.stepProcessing = new Float64Array(steps);
    this.stepCounted = new Float64Array(steps);
    this.stepOnTime = new Float64Array(steps);
    this.unitVisits = new Float64Array(units);
    this.unitWaiting = new Float64Array(units);
    this.busyIntegral = new Float64Array(units);
    this.busySince = new Float64Array(units);
    this.windowBusy = new Float64Array(units);
  }

  /**
   * The number of busy officers of unit `u` changes at `t` (it was `busyBefore`).
   * @example rec.busyChange(0, 95, 1)
   */
  busyChange(u: number, t: number, busyBefore: number): void {
    this.busyIntegral[u]! += busyBefore * (t - this.busySince[u]!);
    this.busySince[u] = t;
  }

  /**
   * The last receipt happened at `t`: freezes each unit's busy time for utilisation.
   * @example rec.closeWindow(30_000, busy)
   */
  closeWindow(t: number, busy: Int32Array): void {
    this.windowEnd = t;
    for (let u = 0; u < busy.length; u++) {
      this.windowBusy[u] = this.busyIntegral[u]! + busy[u]! * (t - this.busySince[u]!);
    }
  }

  /**
   * A service of step `s` starts after waiting `wait` and will take `duration` working minutes.
   * @example rec.service(1, 40, 75)
   */
  service(s: number, wait: number, duration: number): void {
    const u = this.model.stepUnit[s]!;
    this.stepVisits[s]!++;
    this.stepWaiting[s]! += wait;
    this.stepProcessing[s]! += duration;
    this.unitVisits[u]!++;
    this.unitWaiting[u]! += wait;
  }

  /**
   * A visit of step `s` ends at `t`; `due` is its step due (NaN: not counted or interrupted).
   * @example rec.stepDone(1, 815, 700)
   */
  stepDone(s: number, due: number, t: number): void {
    this.stepEvents++;
    if (Number.isNaN(due)) return;
    this.stepCounted[s]!++;
    if (t <= due) this.stepOnTime[s]!++;
  }

  /** @example rec.supplementRequested(false) */
  supplementRequested(late: boolean): void {
    this.supplemented++;
    if (late) this.lateRequests++;
  }

  /**
   * Dossier finished with classification `cls` after `lead` working minutes; `predicted` says whether an
   * apology was predicted for it.
   * @example rec.finish(ON_TIME, 900, false)
   */
  finish(cls: number, lead: number, predicted: boolean): void {
    if (cls === EARLY) this.early++;
    else if (cls === LATE) this.late++;
    else this.onTime++;
    if (cls === LATE && !predicted) this.lateNotPredicted++;
    if (cls !== LATE && predicted) this.predictedOnTime++;
    if (this.finished === this.leads.length) {
      const grown = new Float64Array(this.leads.length * 2);
      grown.set(this.leads);
      this.leads = grown;
    }
    this.leads[this.finished++] = lead;
  }

  /**
   * Lead times (working minutes) of finished dossiers, sorted ascending.
   * @example rec.sortedLeadTimes()[0]
   */
  sortedLeadTimes(): Float64Array {
    return this.leads.slice(0, this.finished).sort();
  }
}
