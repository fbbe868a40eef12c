/**
 * The discrete-event engine: dossiers arrive, queue FIFO for the officers of each step's unit, are
 * served for a sampled working time, branch on a sampled outcome, may be sent back for
 * supplementation, and finish when they reach the return step. Time is the working-minute axis.
 * Per-dossier state lives in typed arrays and events in a binary heap, so the loop allocates nothing
 * (with the memo router). Where a dossier goes is asked of a {@link Router}: the core's state machine
 * through xstate's pure `transition` (router.ts); the engine owns time and queues, the machine routes.
 *
 * Common random numbers: every step visit draws from its own stream seeded by (seed, dossier, visit
 * number), and arrivals from another, so two scenarios with the same seed give every dossier the same
 * arrivals, durations and outcomes — differences between them are the scenarios' effect, not noise.
 */
import { CalendarError } from '@tthc/calendar';
import type { ArrivalStream } from './arrivals.js';
import { type CompareMode, DossierClock } from './clock.js';
import { EventQueue } from './event-queue.js';
import type { SimModel } from './model.js';
import { deriveSeed, mix32, Random } from './random.js';
import { RunRecorder } from './recorder.js';
import type { Router } from './router.js';
import type { WorkingAxis } from './working-axis.js';

const ARRIVAL = 0;
const SERVICE_END = 1;
const SUPPLEMENT_BACK = 2;
/** A dossier visiting more steps than this is stuck in a loop of the scenario's outcomes. */
const MAX_VISITS = 10_000;
const PROGRESS_EVERY = 1 << 16;
const REQUESTED_SUPPLEMENT = -1;

/** Progress of a run, reported every 65,536 events and at the end. */
export interface SimulationProgress {
  readonly events: number;
  readonly arrived: number;
  readonly finished: number;
  /** Working minutes simulated so far. */
  readonly minutes: number;
}

/** Per-unit officers and FIFO queues (one ring buffer per unit). */
class Units {
  readonly busy: Int32Array;
  private readonly rings: Int32Array[];
  private readonly heads: Int32Array;
  readonly lengths: Int32Array;

  constructor(readonly staff: Int32Array) {
    const n = staff.length;
    this.busy = new Int32Array(n);
    this.rings = Array.from({ length: n }, () => new Int32Array(64));
    this.heads = new Int32Array(n);
    this.lengths = new Int32Array(n);
  }

  enqueue(u: number, dossier: number): void {
    let ring = this.rings[u]!;
    const len = this.lengths[u]!;
    if (len === ring.length) {
      const grown = new Int32Array(ring.length * 2);
      for (let k = 0; k < len; k++) grown[k] = ring[(this.heads[u]! + k) % ring.length]!;
      this.rings[u] = ring = grown;
      this.heads[u] = 0;
    }
    ring[(this.heads[u]! + len) % ring.length] = dossier;
    this.lengths[u] = len + 1;
  }

  dequeue(u: number): number {
    const ring = this.rings[u]!;
    const head = this.heads[u]!;
    this.heads[u] = (head + 1) % ring.length;
    this.lengths[u]!--;
    return ring[head]!;
  }
}

/** One simulation run. */
export class Engine {
  private readonly queue = new EventQueue(4096);
  private readonly random = new Random(0);
  private readonly units: Units;
  private readonly seed32: number;
  readonly clock: DossierClock;
  readonly recorder: RunRecorder;
  private step = new Int32Array(1024);
  private visits = new Int32Array(1024);
  private rounds = new Uint8Array(1024);
  private outcome = new Int32Array(1024);
  private delay = new Float64Array(1024);
  private entered = new Float64Array(1024);
  private since = new Float64Array(1024);
  private stepDue = new Float64Array(1024);
  private arrived = 0;
  private events = 0;
  private now = 0;

  constructor(
    private readonly model: SimModel,
    private readonly router: Router,
    axis: WorkingAxis,
    private readonly arrivals: ArrivalStream,
    seed: number,
    compare: CompareMode,
    private readonly onProgress?: (p: SimulationProgress) => void,
  ) {
    this.seed32 = deriveSeed(seed);
    this.units = new Units(model.staff);
    this.clock = new DossierClock(model, axis, compare);
    this.recorder = new RunRecorder(model);
  }

  /** Dossiers received so far. */
  get arrivedCount(): number {
    return this.arrived;
  }

  private grow(): void {
    const n = this.step.length * 2;
    const g = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(n);
      b.set(a);
      return b;
    };
    this.step = g(this.step, Int32Array);
    this.visits = g(this.visits, Int32Array);
    this.rounds = g(this.rounds, Uint8Array);
    this.outcome = g(this.outcome, Int32Array);
    this.delay = g(this.delay, Float64Array);
    this.entered = g(this.entered, Float64Array);
    this.since = g(this.since, Float64Array);
    this.stepDue = g(this.stepDue, Float64Array);
  }

  /**
   * Runs until every dossier has finished.
   * @example new Engine(model, createRouter(process, machineFor(process)), axis, arrivals, 42, 'date').run()
   */
  run(): void {
    const q = this.queue;
    const first = this.arrivals.next();
    if (!Number.isNaN(first)) q.push(first, ARRIVAL);
    else this.recorder.closeWindow(0, this.units.busy);
    while (q.size > 0) {
      const t = q.peekTime();
      const payload = q.pop();
      this.now = t;
      const i = payload >>> 2;
      switch (payload & 3) {
        case ARRIVAL:
          this.arrive(t);
          break;
        case SERVICE_END:
          this.endService(i, t);
          break;
        case SUPPLEMENT_BACK:
          this.supplementBack(i, t);
          break;
      }
      if ((++this.events & (PROGRESS_EVERY - 1)) === 0) this.progress();
    }
    this.recorder.events = this.events;
    this.progress();
  }

  private progress(): void {
    this.onProgress?.({
      events: this.events,
      arrived: this.arrived,
      finished: this.recorder.finished,
      minutes: this.now,
    });
  }

  private arrive(t: number): void {
    const i = this.arrived++;
    if (i >= this.step.length) this.grow();
    this.clock.open(i, t, this.arrivals.lastMs);
    this.rounds[i] = 0;
    this.visits[i] = 0;
    this.enter(i, this.router.start(i), t);
    const next = this.arrivals.next();
    if (Number.isNaN(next)) this.recorder.closeWindow(t, this.units.busy);
    else this.queue.push(next, ARRIVAL);
  }

  /** The dossier enters step `s` (−1: the process ended) at `t`. */
  private enter(i: number, s: number, t: number): void {
    const m = this.model;
    if (s < 0 || m.finishesOnEntry[s] === 1) this.finish(i, t);
    if (s < 0) return;
    this.step[i] = s;
    this.entered[i] = t;
    this.since[i] = t;
    this.stepDue[i] = this.clock.stepDue(s, t);
    const u = m.stepUnit[s]!;
    if (this.units.busy[u]! < m.staff[u]!) this.startService(i, t);
    else this.units.enqueue(u, i);
  }

  private finish(i: number, t: number): void {
    if (this.clock.isFinished(i)) return;
    const cls = this.clock.finish(i, t);
    this.recorder.finish(cls, t - this.clock.receivedAt(i), this.clock.apologyPredicted(i));
  }

  private startService(i: number, t: number): void {
    const m = this.model;
    const s = this.step[i]!;
    const u = m.stepUnit[s]!;
    this.recorder.busyChange(u, t, this.units.busy[u]!);
    this.units.busy[u]!++;
    this.clock.checkApologyWaiting(i, t, this.since[i]!, s);
    this.since[i] = t;
    const visit = this.visits[i]!++;
    if (visit >= MAX_VISITS) {
      throw new CalendarError(
        'INVALID_OPTIONS',
        `scenario.steps.${m.stepKeys[s]}.outcomes: a dossier visited ${MAX_VISITS} steps — the outcomes loop forever`,
        { field: `scenario.steps.${m.stepKeys[s]}.outcomes`, value: m.stepKeys[s] },
      );
    }
    // Common random numbers: this visit's draws depend only on (seed, dossier, visit number).
    const r = this.random;
    r.reseed((mix32((this.seed32 ^ mix32(i)) >>> 0) ^ mix32(visit + 0x5bd1e995)) >>> 0);
    const duration = Math.max(0, m.samplers[s]!(r));
    const cum = m.outcomeCum[s]!;
    const x = r.float();
    let k = 0;
    while (k < cum.length - 1 && x >= cum[k]!) k++;
    this.outcome[i] = k;
    const sup = m.supplement;
    if (s === sup.step && this.rounds[i]! < sup.maxRounds && sup.probability > 0 && r.float() < sup.probability) {
      this.outcome[i] = REQUESTED_SUPPLEMENT;
      this.delay[i] = Math.max(0, sup.delay(r));
    }
    this.recorder.service(s, t - this.entered[i]!, duration);
    this.queue.push(t + duration, i * 4 + SERVICE_END);
  }

  private endService(i: number, t: number): void {
    const m = this.model;
    const s = this.step[i]!;
    const u = m.stepUnit[s]!;
    this.clock.checkApologyInService(i, t, this.since[i]!, s);
    this.since[i] = t;
    this.recorder.busyChange(u, t, this.units.busy[u]!);
    this.units.busy[u]!--;
    // FIFO: the officer takes the next dossier in the unit's queue before this one moves on.
    if (this.units.lengths[u]! > 0) this.startService(this.units.dequeue(u), t);
    const k = this.outcome[i]!;
    if (k === REQUESTED_SUPPLEMENT) {
      this.recorder.stepDone(s, Number.NaN, t);
      this.rounds[i]!++;
      this.router.requestSupplement(i, s);
      this.recorder.supplementRequested(this.clock.requestSupplement(i, t));
      this.queue.push(t + this.delay[i]!, i * 4 + SUPPLEMENT_BACK);
      return;
    }
    this.recorder.stepDone(s, this.stepDue[i]!, t);
    this.enter(i, this.router.next(i, s, k), t);
  }

  /** The complete dossier is back: the clock follows the policy; the step that asked resumes (shallow history). */
  private supplementBack(i: number, t: number): void {
    this.clock.supplementReceived(i, t);
    this.enter(i, this.router.supplementReceived(i, this.step[i]!), t);
  }
}
