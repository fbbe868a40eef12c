/**
 * Path enumeration for test generation: every simple path of a process's machine from receipt to a
 * final or closed state, over the events the process data allows. An iterative depth-first walk that
 * tries, in each state, only the events that state can take (a step's own `complete-step` events,
 * not every step's): a plain chain of n steps costs O(n) transitions where `xstate/graph`'s
 * `getSimplePaths` took 147 s for 640 steps (issue 12). The number of paths and their length are
 * limits with defaults (`maxPaths`, `maxDepth`), refused with `LIMIT_EXCEEDED` naming the limit.
 */
import { initialTransition, transition } from 'xstate';
import { CoreError } from '../errors.js';
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
  /**
   * Most paths returned; more is refused with `LIMIT_EXCEEDED` (branches multiply paths: 2 outcomes
   * at each of 20 steps make a million). Default 10,000.
   */
  readonly maxPaths?: number;
  /** Most events on one path; a longer path is refused with `LIMIT_EXCEEDED`. Default 100,000. */
  readonly maxDepth?: number;
}

/** Default {@link EnumeratePathsOptions.maxPaths}. */
export const DEFAULT_MAX_PATHS = 10_000;
/** Default {@link EnumeratePathsOptions.maxDepth}. */
export const DEFAULT_MAX_PATH_DEPTH = 100_000;

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

function limitExceeded(limit: 'maxPaths' | 'maxDepth', max: number, process: Process): never {
  const what = limit === 'maxPaths' ? `more than ${max} paths` : `a path longer than ${max} events`;
  throw new CoreError(
    'LIMIT_EXCEEDED',
    `enumeratePaths: process ${process.procedureCode} has ${what} (limit ${limit} = ${max}); raise it with { ${limit}: … } or bound the loops`,
    [{ path: [limit], message: `${limit}: ${what}`, value: max }],
  );
}

/** One vertex of the walk: a state, and the events of it not tried yet. */
interface Frame {
  readonly snapshot: DossierSnapshot;
  readonly key: string;
  /** The event that led here (undefined for the initial state). */
  readonly event: DossierMachineEvent | undefined;
  readonly next: DossierMachineEvent[];
}

/**
 * Enumerates the simple paths of a process's machine that end in `returned` (or, with
 * `includeTerminations`, in `rejected`/`withdrawn`), e.g. to generate one test per path.
 * Supplementation loops are bounded by `maxSupplementRounds`; each agency is consulted at most once.
 * A simple path visits no state twice (a state is the machine's value, context and history).
 * @throws {CoreError} `LIMIT_EXCEEDED` when there are more than `maxPaths` paths or one is longer
 * than `maxDepth` events.
 * @example
 * for (const p of enumeratePaths(process, { maxSupplementRounds: 1 })) console.log(p.states.join(' → '));
 */
export function enumeratePaths(process: Process, options: EnumeratePathsOptions = {}): ProcessPath[] {
  const machine = toMachine(process, options.registry);
  const events = candidateEvents(process, options);
  const maxRounds = options.maxSupplementRounds ?? 0;
  const maxPaths = options.maxPaths ?? DEFAULT_MAX_PATHS;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_PATH_DEPTH;
  const ctx = (s: DossierSnapshot) => s.context as DossierMachineContext;
  const consulted = (s: DossierSnapshot, agency: string | undefined) => ctx(s).pendingConsults.includes(agency ?? '');
  // History (where a supplement resumes) is part of the state: without it, waiting for a
  // supplement after different steps would be merged into one vertex.
  const serialize = (s: DossierSnapshot) =>
    JSON.stringify({
      v: s.value,
      c: { ...ctx(s), ledger: undefined },
      h: Object.keys(s.historyValue ?? {}).map((k) => [k, s.historyValue[k]?.map((n: { id: string }) => n.id)]),
    });
  // A step's complete-step events are tried only where that step is current; the others everywhere.
  const byStep = new Map<string, DossierMachineEvent[]>();
  const anywhere: DossierMachineEvent[] = [];
  for (const e of events) {
    if (e.type !== 'complete-step') anywhere.push(e);
    else byStep.set(e.step ?? '', [...(byStep.get(e.step ?? '') ?? []), e]);
  }
  const allowed = (s: DossierSnapshot): DossierMachineEvent[] => {
    const here = locate(s.value).step;
    const own = here === null ? [] : (byStep.get(here) ?? []);
    return [...own, ...anywhere].filter(
      (e) =>
        (e.type !== 'request-supplement' || ctx(s).supplementRounds < maxRounds) &&
        (e.type !== 'consult' || !consulted(s, e.agency)) &&
        // biome-ignore lint/suspicious/noExplicitAny: the machine's event type is dynamic
        (s as any).can(e),
    );
  };
  const [initial] = initialTransition(machine);
  const out: ProcessPath[] = [];
  const onPath = new Set<string>();
  const frame = (snapshot: DossierSnapshot, key: string, event: DossierMachineEvent | undefined): Frame => ({
    snapshot,
    key,
    event,
    next: snapshot.status === 'done' ? [] : allowed(snapshot).reverse(),
  });
  const first = initial as DossierSnapshot;
  const stack: Frame[] = [frame(first, serialize(first), undefined)];
  onPath.add(stack[0]!.key);
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    if (top.snapshot.status === 'done') {
      if (out.length >= maxPaths) limitExceeded('maxPaths', maxPaths, process);
      const path = stack.slice(1);
      out.push({
        events: path.map((f) => f.event!),
        states: [label(initial.value), ...path.map((f) => label(f.snapshot.value))],
        end: label(top.snapshot.value),
      });
    }
    const event = top.next.pop();
    if (event === undefined) {
      onPath.delete(top.key);
      stack.pop();
      continue;
    }
    const [next] = transition(machine, top.snapshot, event);
    const key = serialize(next as DossierSnapshot);
    if (onPath.has(key)) continue;
    if (stack.length > maxDepth) limitExceeded('maxDepth', maxDepth, process);
    onPath.add(key);
    stack.push(frame(next as DossierSnapshot, key, event));
  }
  return out;
}
