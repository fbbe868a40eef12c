/**
 * `toMachine` — an xstate v5 state machine built from process data (quy trình điện tử). Legal time
 * is deliberately NOT modelled with xstate `after` timers (they are lost on restore, count wall-clock
 * milliseconds and drift under a simulated clock); the machine's context carries the clock ledger the
 * runtime computes with a working-time calendar (DESIGN.md §4).
 */
import { type AnyMachineSnapshot, type AnyStateMachine, and, assign, setup } from 'xstate';
import type { Process, Step } from '../model/process.js';
import { MACHINE_ID, RESUME, stateNameOf } from './names.js';
import { checkRegistry, type MachineRegistry } from './registry.js';

/** Context of a dossier machine. */
export interface DossierMachineContext {
  /** The runtime's clock ledger (`null` when the machine runs without the runtime, e.g. in path enumeration). */
  readonly ledger: unknown;
  /** Agencies consulted and not yet answered (lấy ý kiến / liên thông). */
  readonly pendingConsults: readonly string[];
  /** Requests to supplement so far. */
  readonly supplementRounds: number;
}

/** An event as the machine sees it: a dossier event's routing fields, plus the runtime's new ledger. */
export interface DossierMachineEvent {
  readonly type: string;
  readonly step?: string;
  readonly outcome?: string;
  readonly agency?: string;
  readonly ledger?: unknown;
}

/** Input of a dossier machine. */
export interface DossierMachineInput {
  readonly ledger?: unknown;
}

/** A machine built by {@link toMachine}. */
export type DossierMachine = AnyStateMachine;
/** A snapshot of a {@link DossierMachine}. */
export type DossierSnapshot = AnyMachineSnapshot;

type Ctx = { context: DossierMachineContext; event: DossierMachineEvent };
interface OutcomeParams {
  readonly step: string;
  readonly outcome: string | null;
  readonly isDefault: boolean;
}

const target = (path: string): string => `#${MACHINE_ID}.${path}`;
const RESUME_TARGET = target(`processing.${RESUME}`);

/** The machine's own implementations (prefix `tthc.` is reserved). */
const builtins = {
  actions: {
    'tthc.syncLedger': assign(({ context, event }: Ctx) => ({
      ledger: event.ledger === undefined ? context.ledger : event.ledger,
    })),
    'tthc.addConsult': assign(({ context, event }: Ctx) => ({
      pendingConsults: [...context.pendingConsults, event.agency ?? ''],
    })),
    'tthc.removeConsult': assign(({ context, event }: Ctx) => ({
      pendingConsults: context.pendingConsults.filter((a) => a !== event.agency),
    })),
    'tthc.countSupplement': assign(({ context }: Ctx) => ({ supplementRounds: context.supplementRounds + 1 })),
  },
  guards: {
    /** The event completes this step with this outcome (or names none and the outcome is the only one). */
    'tthc.isOutcome': ({ event }: Ctx, p: OutcomeParams) =>
      event.step === p.step && (event.outcome === p.outcome || (event.outcome === undefined && p.isDefault)),
    /** The answering agency was the last one pending. */
    'tthc.lastConsult': ({ context, event }: Ctx) =>
      context.pendingConsults.includes(event.agency ?? '') && context.pendingConsults.every((a) => a === event.agency),
    'tthc.pendingConsult': ({ context, event }: Ctx) => context.pendingConsults.includes(event.agency ?? ''),
    'tthc.newConsult': ({ context, event }: Ctx) =>
      event.agency !== undefined && !context.pendingConsults.includes(event.agency),
  },
};

function stepTarget(byKey: ReadonlyMap<string, Step>, key: string): string {
  const step = byKey.get(key);
  const phase = step?.kind === 'pay' ? 'awaitingPayment' : 'processing';
  return target(`${phase}.${stateNameOf(key)}`);
}

/** Transitions of `complete-step` (and `pay` on pay steps) that leave a step along its outcomes. */
function outcomeTransitions(step: Step, byKey: ReadonlyMap<string, Step>): object[] {
  const end = target(step.kind === 'return' ? 'returned' : 'closed');
  if (step.outcomes.length === 0) {
    const params: OutcomeParams = { step: step.key, outcome: null, isDefault: true };
    return [{ guard: { type: 'tthc.isOutcome', params }, target: end, actions: ['tthc.syncLedger'] }];
  }
  return step.outcomes.map((o) => {
    const params: OutcomeParams = { step: step.key, outcome: o.name, isDefault: step.outcomes.length === 1 };
    const own = { type: 'tthc.isOutcome', params };
    return {
      guard: o.guard ? and([own, o.guard]) : own,
      target: o.next === null ? end : stepTarget(byKey, o.next),
      actions: ['tthc.syncLedger', ...(o.actions ?? [])],
    };
  });
}

/** `pay` on a pay step: the first outcome whose own guard (if any) passes. */
function payTransitions(step: Step, byKey: ReadonlyMap<string, Step>): object[] {
  const sync = ['tthc.syncLedger'];
  if (step.outcomes.length === 0) return [{ target: target('closed'), actions: sync }];
  return step.outcomes.map((o) => ({
    ...(o.guard ? { guard: o.guard } : {}),
    target: o.next === null ? target('closed') : stepTarget(byKey, o.next),
    actions: [...sync, ...(o.actions ?? [])],
  }));
}

function stepState(step: Step, byKey: ReadonlyMap<string, Step>): object {
  const leave = outcomeTransitions(step, byKey);
  const on: Record<string, unknown> = { 'complete-step': leave };
  // Paying is the applicant's act that ends a `pay` step (TrangThaiHoSo 6 → next step); the pay
  // event names no step, so it matches the step's default outcome.
  if (step.kind === 'pay') on.pay = payTransitions(step, byKey);
  // Returning the result ends a `return` step whatever its outcomes (ND 61 art. 20).
  if (step.kind === 'return') on['return-result'] = { target: target('returned'), actions: ['tthc.syncLedger'] };
  return {
    entry: step.entry ?? [],
    exit: step.exit ?? [],
    meta: { stepKey: step.key, kind: step.kind, portalStatus: step.portalStatus },
    on,
  };
}

function startKey(process: Process): string {
  return process.start ?? process.steps[0]!.key;
}

/** Builds the machine config from process data (no implementation checks). */
function machineConfig(process: Process): object {
  const byKey = new Map(process.steps.map((s) => [s.key, s]));
  const work = process.steps.filter((s) => s.kind !== 'pay');
  const pay = process.steps.filter((s) => s.kind === 'pay');
  const start = byKey.get(startKey(process));
  const sync = ['tthc.syncLedger'];
  const processingStates: Record<string, object> = { [RESUME]: { type: 'history', history: 'shallow' } };
  for (const s of work) processingStates[stateNameOf(s.key)] = stepState(s, byKey);
  const payStates: Record<string, object> = {};
  for (const s of pay) payStates[stateNameOf(s.key)] = stepState(s, byKey);
  const firstWork = start && start.kind !== 'pay' ? start : work[0];
  return {
    id: MACHINE_ID,
    context: ({ input }: { input: DossierMachineInput | undefined }): DossierMachineContext => ({
      ledger: input?.ledger ?? null,
      pendingConsults: [],
      supplementRounds: 0,
    }),
    initial: start?.kind === 'pay' ? 'awaitingPayment' : 'processing',
    on: {
      // A new appointment (Mẫu 04) changes only the ledger, never the state.
      extend: { actions: sync },
      withdraw: { target: '.withdrawn', actions: sync },
    },
    states: {
      processing: {
        ...(firstWork ? { initial: stateNameOf(firstWork.key) } : {}),
        states: processingStates,
        on: {
          // ND 61 art. 19(3): the agency returns a deficient dossier for supplementation (Mẫu 02).
          'request-supplement': { target: '#dossier.awaitingSupplement', actions: ['tthc.countSupplement', ...sync] },
          consult: { guard: 'tthc.newConsult', target: '#dossier.consulting', actions: ['tthc.addConsult', ...sync] },
          reject: { target: '#dossier.rejected', actions: sync },
        },
      },
      awaitingSupplement: {
        on: {
          'supplement-received': { target: RESUME_TARGET, actions: sync },
          reject: { target: '#dossier.rejected', actions: sync },
        },
      },
      consulting: {
        on: {
          consult: { guard: 'tthc.newConsult', actions: ['tthc.addConsult', ...sync] },
          'consult-returned': [
            { guard: 'tthc.lastConsult', target: RESUME_TARGET, actions: ['tthc.removeConsult', ...sync] },
            { guard: 'tthc.pendingConsult', actions: ['tthc.removeConsult', ...sync] },
          ],
          reject: { target: '#dossier.rejected', actions: sync },
        },
      },
      awaitingPayment: {
        ...(pay[0] ? { initial: stateNameOf(pay[0].key) } : {}),
        states: payStates,
        on: { reject: { target: '#dossier.rejected', actions: sync } },
      },
      closed: { on: { 'return-result': { target: '#dossier.returned', actions: sync } } },
      returned: { type: 'final' },
      rejected: { type: 'final' },
      withdrawn: { type: 'final' },
    },
  };
}

/**
 * Builds an xstate v5 machine from a process: one state per step (under `processing`, or under
 * `awaitingPayment` for steps of kind `pay`), plus `awaitingSupplement`, `consulting`, `closed`
 * (processed, awaiting return) and the final `returned`, `rejected`, `withdrawn`. Outcomes become
 * `complete-step` transitions guarded by step and outcome name (and the outcome's own guard).
 * Every action and guard named in the data is checked against `registry` first.
 * @throws {CoreError} `UNKNOWN_IMPLEMENTATION` naming the step key, field path and name.
 * @example
 * const machine = toMachine(process, { guards: { hasLandTax: ({ event }) => event.outcome === 'tax' } });
 * const [s0] = initialTransition(machine);
 * const [s1] = transition(machine, s0, { type: 'complete-step', step: 'receive' });
 */
export function toMachine(process: Process, registry: MachineRegistry = {}): DossierMachine {
  checkRegistry(process, registry);
  const implementations = {
    actions: { ...registry.actions, ...builtins.actions },
    guards: { ...registry.guards, ...builtins.guards },
    delays: { ...registry.delays },
  };
  // The config is data-driven, so xstate's literal-type inference cannot follow it; the shapes are
  // checked by the tests instead.
  // biome-ignore lint/suspicious/noExplicitAny: dynamic machine config
  return setup(implementations as any).createMachine(machineConfig(process) as any) as DossierMachine;
}

const cache = new WeakMap<Process, WeakMap<MachineRegistry, DossierMachine>>();
const NO_REGISTRY: MachineRegistry = Object.freeze({});

/**
 * The machine of a process, built once per (process, registry) pair: dossiers of the same process
 * share one machine object, so their snapshots compare equal.
 * @example const machine = machineFor(process);
 */
export function machineFor(process: Process, registry: MachineRegistry = NO_REGISTRY): DossierMachine {
  let byRegistry = cache.get(process);
  if (!byRegistry) cache.set(process, (byRegistry = new WeakMap()));
  let machine = byRegistry.get(registry);
  if (!machine) byRegistry.set(registry, (machine = toMachine(process, registry)));
  return machine;
}
