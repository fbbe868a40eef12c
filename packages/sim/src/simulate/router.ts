/**
 * Routing of simulated dossiers by the core's state machine (`machineFor(process, registry)`),
 * driven through xstate's pure `initialTransition` / `transition` functions with the engine's own
 * event queue: no xstate `after`, no actor, no wall clock. The engine asks a {@link Router} where a
 * dossier goes; the router answers with the machine's answer.
 *
 * Two routers give the same answers at different costs:
 * - {@link MemoRouter} asks `transition` once per (state value, event) and keeps the answer in an
 *   index table. That is exact only when nothing the transition reads lies outside the state value
 *   and the event. The machine's own guard `tthc.isOutcome` reads only the event; the consult guards
 *   read `pendingConsults`, but the simulation never consults; guards registered by the user
 *   (`registry.guards`, named by `outcome.guard`) may read the whole context (`supplementRounds`,
 *   anything a registered `assign` wrote). So the memo is used only for processes whose outcomes
 *   name no guard; the history of `processing` (where a supplement resumes) is part of the routing
 *   state, so that answer is keyed by the step that asked, not by the value `awaitingSupplement`.
 *   Registered actions are assumed not to route (an action that raises events from context needs
 *   the exact router: `routing: 'exact'`).
 * - {@link ExactRouter} keeps a real snapshot per dossier in progress and calls `transition` on every
 *   routing event: slower, and exact whatever the guards read.
 *
 * A transition the machine refuses (no transition enabled: unknown outcome, guard false, no
 * `request-supplement` in that state) returns the same snapshot object; either router reports it
 * as an error naming the step and the outcome, never as a silent loop.
 */
import { CalendarError } from '@tthc/calendar';
import { type DossierMachine, type DossierSnapshot, locate, type Process, stateNameOf } from '@tthc/core';
import { initialTransition, transition } from 'xstate';

/** A step index of "processing has ended" (closed, returned or another final state). */
export const END = -1;
/** A memo entry of an outcome the machine refuses. */
const REFUSED = -2;

/** How dossiers are routed: `auto` memoises where that is exact; `exact` calls `transition` every time. */
export type RoutingMode = 'auto' | 'exact';

/**
 * What the engine asks about where a dossier goes. Step indices are positions in `process.steps`.
 * Dossier `i` is the engine's dossier number; a router may keep per-dossier state under it.
 */
export interface Router {
  /** The step a newly received dossier starts at. */
  start(i: number): number;
  /** The step after dossier `i` completes step `s` with outcome `k` (index in `steps[s].outcomes`), or {@link END}. */
  next(i: number, s: number, k: number): number;
  /** Dossier `i`, at step `s`, is sent back for supplementation (Mẫu 02). */
  requestSupplement(i: number, s: number): void;
  /** The step dossier `i` resumes at when the complete dossier is back (`s`: the step that asked). */
  supplementReceived(i: number, s: number): number;
}

const REQUEST = { type: 'request-supplement' } as const;
const RECEIVED = { type: 'supplement-received' } as const;

interface RouteEvent {
  readonly type: 'complete-step';
  readonly step: string;
  readonly outcome?: string;
}

/** The process as the routers see it: step indices, one `complete-step` event per (step, outcome). */
class Routes {
  readonly index: ReadonlyMap<string, number>;
  /** `events[s][k]`: completing step `s` with outcome `k`; a step without outcomes has one event naming none. */
  readonly events: readonly (readonly RouteEvent[])[];

  constructor(
    readonly process: Process,
    readonly machine: DossierMachine,
  ) {
    this.index = new Map(process.steps.map((s, i) => [s.key, i]));
    this.events = process.steps.map((s) =>
      s.outcomes.length === 0
        ? [{ type: 'complete-step', step: s.key }]
        : s.outcomes.map((o) => ({ type: 'complete-step', step: s.key, outcome: o.name })),
    );
  }

  /** The step index of a snapshot, {@link END} when processing has ended. */
  stepOf(snapshot: DossierSnapshot, after: string): number {
    const { phase, step } = locate(snapshot.value);
    if (phase === 'processing' || phase === 'awaitingPayment') {
      const s = step === null ? undefined : this.index.get(step);
      if (s !== undefined) return s;
    } else if (phase !== 'awaitingSupplement' && phase !== 'consulting') {
      return END;
    }
    throw new CalendarError(
      'INVALID_OPTIONS',
      `process ${this.process.procedureCode} v${this.process.version}: ${after} the machine is in ${JSON.stringify(snapshot.value)}, not at a step`,
      { field: 'process', value: snapshot.value },
    );
  }

  refusedOutcome(s: number, k: number): CalendarError {
    const step = this.process.steps[s]!;
    const outcome = step.outcomes[k];
    const field = `scenario.steps.${step.key}.outcomes${outcome ? `.${outcome.name}` : ''}`;
    const why = outcome?.guard ? `guard "${outcome.guard}" is false` : 'no transition is enabled';
    return new CalendarError(
      'INVALID_OPTIONS',
      `${field}: the machine refuses outcome ${outcome ? `"${outcome.name}"` : '(none)'} of step "${step.key}" (${why})`,
      { field, value: outcome?.name ?? null },
    );
  }

  refusedSupplement(s: number, event: string): CalendarError {
    const key = this.process.steps[s]!.key;
    return new CalendarError(
      'INVALID_OPTIONS',
      `scenario.supplementation.atStep: the machine refuses "${event}" at step "${key}"`,
      { field: 'scenario.supplementation.atStep', value: key },
    );
  }
}

/**
 * Routes by a table of the machine's answers, one `transition` per (step state, event), computed
 * when the router is built. Exact only for processes whose outcomes name no guard (see the file
 * header); {@link createRouter} picks it only then.
 * @example
 * const router = new MemoRouter(process, machineFor(process));
 * router.next(0, router.start(0), 0) // the step after the first step's first outcome
 */
export class MemoRouter implements Router {
  private readonly routes: Routes;
  private readonly first: number;
  /** `table[s][k]`: the step after outcome `k` of step `s`, {@link END}, or REFUSED. */
  private readonly table: readonly Int32Array[];
  /** `resume[s]`: the step a supplement asked at `s` resumes at, or REFUSED. */
  private readonly resume: Int32Array;

  constructor(process: Process, machine: DossierMachine) {
    const routes = new Routes(process, machine);
    this.routes = routes;
    const [initial] = initialTransition(machine);
    this.first = routes.stepOf(initial, 'initially');
    const at = process.steps.map((step) => {
      const phase = step.kind === 'pay' ? 'awaitingPayment' : 'processing';
      return machine.resolveState({ value: { [phase]: stateNameOf(step.key) }, context: initial.context });
    });
    this.table = routes.events.map((events, s) =>
      Int32Array.from(events, (event) => {
        const [after] = transition(machine, at[s]!, event);
        return after === at[s] ? REFUSED : routes.stepOf(after, `after ${event.step} ${event.outcome ?? ''}`);
      }),
    );
    this.resume = Int32Array.from(at, (snapshot) => {
      const [away] = transition(machine, snapshot, REQUEST);
      if (away === snapshot) return REFUSED;
      const [back] = transition(machine, away, RECEIVED);
      return back === away ? REFUSED : routes.stepOf(back, 'after a supplement');
    });
  }

  /** Throws unless every outcome that can be drawn (`weight > 0`) and every supplement step is accepted. */
  check(outcomeWeights: readonly (readonly number[])[], supplementStep: number): void {
    this.table.forEach((row, s) => {
      row.forEach((next, k) => {
        if (next === REFUSED && (outcomeWeights[s]?.[k] ?? 1) > 0) throw this.routes.refusedOutcome(s, k);
      });
    });
    if (supplementStep >= 0 && this.resume[supplementStep] === REFUSED) {
      throw this.routes.refusedSupplement(supplementStep, REQUEST.type);
    }
  }

  start(): number {
    return this.first;
  }

  next(_i: number, s: number, k: number): number {
    const n = this.table[s]![k]!;
    if (n === REFUSED) throw this.routes.refusedOutcome(s, k);
    return n;
  }

  requestSupplement(): void {}

  supplementReceived(_i: number, s: number): number {
    return this.resume[s]!;
  }
}

/**
 * Routes every event by `transition` on a real snapshot per dossier in progress (released when
 * processing ends): exact whatever registered guards read.
 * @example
 * const router = new ExactRouter(process, machineFor(process, registry));
 * const s = router.start(0);
 */
export class ExactRouter implements Router {
  private readonly routes: Routes;
  private readonly snapshots: (DossierSnapshot | undefined)[] = [];

  constructor(process: Process, machine: DossierMachine) {
    this.routes = new Routes(process, machine);
  }

  start(i: number): number {
    const [snapshot] = initialTransition(this.routes.machine);
    this.snapshots[i] = snapshot;
    return this.routes.stepOf(snapshot, 'initially');
  }

  next(i: number, s: number, k: number): number {
    const before = this.snapshots[i]!;
    const event = this.routes.events[s]![k]!;
    const [after] = transition(this.routes.machine, before, event);
    if (after === before) throw this.routes.refusedOutcome(s, k);
    const n = this.routes.stepOf(after, `after ${event.step} ${event.outcome ?? ''}`);
    this.snapshots[i] = n === END ? undefined : after;
    return n;
  }

  requestSupplement(i: number, s: number): void {
    const before = this.snapshots[i]!;
    const [after] = transition(this.routes.machine, before, REQUEST);
    if (after === before) throw this.routes.refusedSupplement(s, REQUEST.type);
    this.snapshots[i] = after;
  }

  supplementReceived(i: number, s: number): number {
    const before = this.snapshots[i]!;
    const [after] = transition(this.routes.machine, before, RECEIVED);
    if (after === before) throw this.routes.refusedSupplement(s, RECEIVED.type);
    this.snapshots[i] = after;
    return this.routes.stepOf(after, 'after a supplement');
  }
}

/** Options of {@link createRouter}. */
export interface CreateRouterOptions {
  readonly routing?: RoutingMode;
  /** Outcome weights per step (index-aligned with `steps[s].outcomes`): refused outcomes never drawn are no error. */
  readonly outcomeWeights?: readonly (readonly number[])[];
  /** The step that may ask for a supplement (−1: none). */
  readonly supplementStep?: number;
}

/**
 * The router of a simulation: the memo table when it is exact (no outcome of the process names a
 * guard) and `routing` is `auto`, else the exact router.
 * @throws {CalendarError} `INVALID_OPTIONS` when the memo shows the machine refuses an outcome the
 * scenario can draw, or a supplement at the supplement step.
 * @example const router = createRouter(process, machineFor(process), { routing: 'auto' });
 */
export function createRouter(process: Process, machine: DossierMachine, options: CreateRouterOptions = {}): Router {
  const mode = options.routing ?? 'auto';
  if (mode !== 'auto' && mode !== 'exact') {
    throw new CalendarError(
      'INVALID_OPTIONS',
      `options.routing: expected "auto" or "exact", got ${JSON.stringify(mode)}`,
      {
        field: 'options.routing',
        value: mode,
      },
    );
  }
  const guarded = process.steps.some((s) => s.outcomes.some((o) => o.guard !== undefined));
  if (mode === 'exact' || guarded) return new ExactRouter(process, machine);
  const memo = new MemoRouter(process, machine);
  memo.check(options.outcomeWeights ?? [], options.supplementStep ?? END);
  return memo;
}
