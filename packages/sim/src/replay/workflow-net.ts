/**
 * The workflow net of a process, compiled to integer ids for token-based replay. Each step is a
 * transition with an input place ("waiting at the step"). A step with one outcome produces into its
 * next step's place, or the sink place `o` when it ends the process (`next: null`, or no outcomes).
 * A step with several outcomes (an XOR split) produces into its own "after" place, from which each
 * possible next step can consume (and a silent transition to `o` for an outcome that ends the
 * process), so the choice is resolved by what the log does next — the usual Petri-net form of a
 * choice. When the log names the outcome, the token goes straight to that outcome's step. The
 * initial marking is one token in the start step's place; the final marking one token in `o`. The
 * net is a state machine (every transition has one input and one output place), so a marking is a
 * count per place.
 */
import { CalendarError, type Duration } from '@tthc/calendar';
import type { Process, Step } from '@tthc/core';
import { foldText } from './fold.js';

/**
 * A process compiled for replay. Places: `0…n−1` the steps' input places, `n` the sink, `n+1+s` the
 * "after" place of step `s` (used when `s` has several outcomes).
 */
export interface WorkflowNet {
  readonly process: Process;
  readonly steps: readonly Step[];
  /** Number of steps (`n`); also the id of the sink place. */
  readonly sink: number;
  /** Places: `2n + 1`. */
  readonly places: number;
  readonly start: number;
  /** Per step: the place each outcome leads to, in outcome order (the sink for an end). */
  readonly outcomePlaces: readonly Int32Array[];
  readonly outcomeNames: readonly (readonly string[])[];
  /** Per step: the places its transition may consume from — its own, then "after" places of choices leading to it. */
  readonly inputs: readonly Int32Array[];
  /** 1 for steps of kind `return` (their entry ends processing, as in the runtime's ledger). */
  readonly isReturn: Uint8Array;
  readonly budgets: readonly Duration[];
  /** Folded performer role and unit per step. */
  readonly roles: readonly string[];
  readonly units: readonly string[];
  /**
   * `nextHop[a * places + b]`: the place after `a` on a shortest path from place `a` to place `b`
   * (`b` itself when `a === b`), or −1 when `b` cannot be reached from `a`.
   */
  readonly nextHop: Int32Array;
  /** Step id of an activity (key, name, folded key, folded name), or −1. */
  stepOf(activity: string): number;
}

/**
 * The "after" place of step `s` in a net of `n` steps.
 * @example afterPlace(net, 2) // net.sink + 3
 */
export function afterPlace(net: Pick<WorkflowNet, 'sink'>, s: number): number {
  return net.sink + 1 + s;
}

/**
 * The place a step produces into when the log names no outcome.
 * @example defaultOutput(net, receiveId) // the review step's place
 */
export function defaultOutput(net: WorkflowNet, s: number): number {
  const outs = net.outcomePlaces[s]!;
  return outs.length === 1 ? outs[0]! : afterPlace(net, s);
}

function outcomePlacesOf(process: Process, step: Step, ids: ReadonlyMap<string, number>, sink: number): Int32Array {
  if (step.outcomes.length === 0) return Int32Array.of(sink);
  return Int32Array.from(step.outcomes, (o) => {
    if (o.next === null) return sink;
    const id = ids.get(o.next);
    if (id === undefined) {
      throw new CalendarError(
        'INVALID_OPTIONS',
        `process ${process.procedureCode} v${process.version}: step "${step.key}" outcome "${o.name}": next "${o.next}" is not a step`,
        { field: `steps.${step.key}.outcomes.${o.name}.next`, value: o.next },
      );
    }
    return id;
  });
}

/** Arcs between places through one transition: step place → its output; "after" place → each outcome. */
function placeArcs(outcomePlaces: readonly Int32Array[], sink: number): Int32Array[] {
  const arcs: Int32Array[] = [];
  outcomePlaces.forEach((outs, s) => {
    arcs[s] = outs.length === 1 ? outs : Int32Array.of(sink + 1 + s);
    arcs[sink + 1 + s] = outs.length === 1 ? new Int32Array(0) : outs;
  });
  arcs[sink] = new Int32Array(0);
  return arcs;
}

/** Breadth-first search from every place: the first hop of a shortest path to every other place. */
function shortestNextHops(arcs: readonly Int32Array[], places: number): Int32Array {
  const nextHop = new Int32Array(places * places).fill(-1);
  const queue = new Int32Array(places);
  for (let a = 0; a < places; a++) {
    const row = a * places;
    nextHop[row + a] = a;
    let head = 0;
    let tail = 0;
    queue[tail++] = a;
    while (head < tail) {
      const p = queue[head++]!;
      for (const q of arcs[p]!) {
        if (nextHop[row + q] !== -1) continue;
        nextHop[row + q] = p === a ? q : nextHop[row + p]!;
        queue[tail++] = q;
      }
    }
  }
  return nextHop;
}

/**
 * A place in words, for messages: a step's key, "the end", or "after <step>".
 * @example describePlace(net, net.sink) // 'the end'
 */
export function describePlace(net: Pick<WorkflowNet, 'sink' | 'steps'>, p: number): string {
  if (p < net.sink) return `"${net.steps[p]!.key}"`;
  return p === net.sink ? 'the end' : `after "${net.steps[p - net.sink - 1]!.key}"`;
}

function inputsOf(outcomePlaces: readonly Int32Array[], sink: number): Int32Array[] {
  return outcomePlaces.map((_, t) => {
    const from = [t];
    outcomePlaces.forEach((outs, x) => {
      if (outs.length > 1 && outs.includes(t)) from.push(sink + 1 + x);
    });
    return Int32Array.from(from);
  });
}

function activityLookup(steps: readonly Step[]): (activity: string) => number {
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  // Keys win over names, exact text over folded text; the first step wins a shared name.
  const add = (map: Map<string, number>, text: string, id: number) => {
    if (!map.has(text)) map.set(text, id);
  };
  for (const [id, s] of steps.entries()) add(exact, s.key, id);
  for (const [id, s] of steps.entries()) add(exact, s.name.normalize('NFC'), id);
  for (const [id, s] of steps.entries()) add(folded, foldText(s.key), id);
  for (const [id, s] of steps.entries()) add(folded, foldText(s.name), id);
  return (activity) => exact.get(activity) ?? folded.get(foldText(activity)) ?? -1;
}

const compiled = new WeakMap<Process, WorkflowNet>();

/**
 * Compiles a process into its workflow net (memoised per process object).
 * @throws {CalendarError} `INVALID_OPTIONS` when an outcome names a step the process does not have,
 * or the start step is unknown.
 * @example
 * const net = workflowNet(process);
 * net.stepOf('Thẩm định hồ sơ'); // the id of step "review"
 */
export function workflowNet(process: Process): WorkflowNet {
  const cached = compiled.get(process);
  if (cached) return cached;
  const steps = process.steps;
  const sink = steps.length;
  const ids = new Map(steps.map((s, id) => [s.key, id]));
  const start = ids.get(process.start ?? steps[0]!.key);
  if (start === undefined) {
    throw new CalendarError(
      'INVALID_OPTIONS',
      `process ${process.procedureCode}: start "${process.start}" is not a step`,
      {
        field: 'start',
        value: process.start,
      },
    );
  }
  const outcomePlaces = steps.map((s) => outcomePlacesOf(process, s, ids, sink));
  const places = 2 * sink + 1;
  const nextHop = shortestNextHops(placeArcs(outcomePlaces, sink), places);
  const net: WorkflowNet = {
    process,
    steps,
    sink,
    places,
    start,
    outcomePlaces,
    outcomeNames: steps.map((s) => s.outcomes.map((o) => o.name)),
    inputs: inputsOf(outcomePlaces, sink),
    isReturn: Uint8Array.from(steps, (s) => (s.kind === 'return' ? 1 : 0)),
    budgets: steps.map((s) => s.budget),
    roles: steps.map((s) => foldText(s.performer.role)),
    units: steps.map((s) => foldText(s.performer.unit)),
    nextHop,
    stepOf: activityLookup(steps),
  };
  compiled.set(process, net);
  return net;
}
