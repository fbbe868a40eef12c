/**
 * Path enumeration for test generation: every simple path of a process's machine from receipt to a
 * final or closed state, built with `xstate/graph` over the events the process data allows.
 */
import { initialTransition } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import type { Process } from '../model/process.js';
import { locate } from './names.js';
import type { MachineRegistry } from './registry.js';
import { type DossierMachineContext, type DossierMachineEvent, type DossierSnapshot, toMachine } from './to-machine.js';

/** Options of {@link enumeratePaths}. */
export interface EnumeratePathsOptions {
  /** Supplementation rounds allowed on a path. Default 0. */
  readonly maxSupplementRounds?: number;
  /** Agencies that may be consulted (one `consult` + `consult-returned` each). Default none. */
  readonly consultAgencies?: readonly string[];
  /** Also end paths with `reject` and `withdraw`. Default false. */
  readonly includeTerminations?: boolean;
  /** Implementations of the names the process data uses. */
  readonly registry?: MachineRegistry;
}

/** One enumerated path: the events to send and the states visited. */
export interface ProcessPath {
  /** Events (routing fields only; add `at` and `by` to make dossier events). */
  readonly events: readonly DossierMachineEvent[];
  /** State values after receipt and after each event, as `phase` or `phase.step`. */
  readonly states: readonly string[];
  /** Final phase of the path. */
  readonly end: string;
}

const label = (value: unknown): string => {
  const { phase, step } = locate(value);
  return step ? `${phase}.${step}` : phase;
};

function candidateEvents(process: Process, options: EnumeratePathsOptions): DossierMachineEvent[] {
  const events: DossierMachineEvent[] = [];
  for (const s of process.steps) {
    // A pay step is left by the applicant's `pay`, a final return step by `return-result`: the
    // equivalent `complete-step` edges would only duplicate paths.
    if (s.kind === 'pay') continue;
    if (s.outcomes.length === 0 && s.kind !== 'return') events.push({ type: 'complete-step', step: s.key });
    for (const o of s.outcomes) events.push({ type: 'complete-step', step: s.key, outcome: o.name });
  }
  if (process.steps.some((s) => s.kind === 'pay')) events.push({ type: 'pay' });
  events.push({ type: 'return-result' });
  if ((options.maxSupplementRounds ?? 0) > 0)
    events.push({ type: 'request-supplement' }, { type: 'supplement-received' });
  for (const agency of options.consultAgencies ?? []) {
    events.push({ type: 'consult', agency }, { type: 'consult-returned', agency });
  }
  if (options.includeTerminations) events.push({ type: 'reject' }, { type: 'withdraw' });
  return events;
}

/**
 * Enumerates the simple paths of a process's machine that end in `returned` (or, with
 * `includeTerminations`, in `rejected`/`withdrawn`), e.g. to generate one test per path.
 * Supplementation loops are bounded by `maxSupplementRounds`; each agency is consulted at most once.
 * @example
 * for (const p of enumeratePaths(process, { maxSupplementRounds: 1 })) console.log(p.states.join(' → '));
 */
export function enumeratePaths(process: Process, options: EnumeratePathsOptions = {}): ProcessPath[] {
  const machine = toMachine(process, options.registry);
  const events = candidateEvents(process, options);
  const maxRounds = options.maxSupplementRounds ?? 0;
  const ctx = (s: DossierSnapshot) => s.context as DossierMachineContext;
  const consulted = (s: DossierSnapshot, agency: string | undefined) => ctx(s).pendingConsults.includes(agency ?? '');
  const paths = getSimplePaths(machine, {
    events,
    // History (where a supplement resumes) is part of the state: without it, waiting for a
    // supplement after different steps would be merged into one vertex.
    serializeState: (s) =>
      JSON.stringify({
        v: s.value,
        c: { ...ctx(s), ledger: undefined },
        h: Object.keys(s.historyValue ?? {}).map((k) => [k, s.historyValue[k]?.map((n: { id: string }) => n.id)]),
      }),
    filterEvents: (s, e) =>
      (e.type !== 'request-supplement' || ctx(s).supplementRounds < maxRounds) &&
      (e.type !== 'consult' || !consulted(s, e.agency)),
    toState: (s) => s.status === 'done',
  });
  const [initial] = initialTransition(machine);
  return paths.map((p) => ({
    events: p.steps.map((st) => st.event).filter((e) => e.type !== 'xstate.init'),
    states: [label(initial.value), ...p.steps.slice(1).map((st) => label(st.state.value))],
    end: label(p.state.value),
  }));
}
