/**
 * `apply` — the pure dossier reducer: (dossier, event) → new dossier. It checks the event against the
 * state, the order of events, the step and its performer, then updates the clock ledger by the rules
 * of ND 61/2018 (as amended by ND 107/2021) and TT 01/2018, and moves the xstate machine with the pure
 * `transition` function. A refused event throws and leaves the dossier untouched.
 */
import { toEpochMs } from '@tthc/calendar';
import { transition } from 'xstate';
import { CoreError, type DataIssue } from '../errors.js';
import { FINAL_PHASES, locate, type Phase } from '../machine/names.js';
import type { DossierMachineEvent } from '../machine/to-machine.js';
import type { Dossier } from './dossier.js';
import { type DossierEvent, parseDossierEvent } from './events.js';
import { citeRule } from './law.js';
import type { ClockLedger } from './ledger.js';
import { appended, inFold } from './fold-arrays.js';
import { ledgerAfter } from './ledger-update.js';

/** Why an event was refused (closed union). */
export type RejectionReason =
  | 'dossier-closed' // the dossier is returned, rejected or withdrawn
  | 'out-of-order' // `at` precedes the previous event (or the receipt)
  | 'invalid-for-state' // the event has no meaning in the current state
  | 'unknown-step' // complete-step names a step the process does not have
  | 'step-not-current' // complete-step names a step that is not the current one
  | 'unknown-outcome' // the step has no such outcome
  | 'outcome-required' // the step has several outcomes and none was named
  | 'wrong-performer' // by.role / by.unit differ from the step's performer
  | 'guard-failed' // the outcome's registered guard refused
  | 'already-extended' // a new appointment may be given only once (ND 61 art. 19(8))
  | 'extend-not-later' // the new appointment is not after the current one
  | 'clock-stopped' // no new appointment while the dossier waits for a supplement
  | 'consult-pending' // the agency was already consulted and has not answered
  | 'unknown-agency'; // consult-returned from an agency not pending

/** An issue of an `EVENT_REJECTED` error: a data issue with its typed reason. */
export interface EventRejection extends DataIssue {
  readonly reason: RejectionReason;
}

/** Where the dossier is, and where the event would take it. */
export interface Move {
  readonly from: { readonly phase: Phase; readonly step: string | null };
  readonly to: { readonly phase: Phase; readonly step: string | null };
}

function refuse(dossier: Dossier, event: DossierEvent, reason: RejectionReason, detail: string, field = 'type'): never {
  const value = (event as Record<string, unknown>)[field];
  const issue: EventRejection = { path: [field], message: `${field}: ${detail}`, value, reason };
  throw new CoreError(
    'EVENT_REJECTED',
    `dossier ${dossier.id}: ${event.type} at ${event.at} refused (${reason}): ${issue.message}`,
    [issue],
  );
}

const norm = (s: string): string => s.normalize('NFC').trim().toLocaleLowerCase('vi');

function checkCompleteStep(dossier: Dossier, event: Extract<DossierEvent, { type: 'complete-step' }>): void {
  const step = dossier.process.steps.find((s) => s.key === event.step);
  if (!step) refuse(dossier, event, 'unknown-step', `no step "${event.step}" in the process`, 'step');
  const here = locate(dossier.snapshot.value);
  if (here.step !== event.step) {
    const where = here.step ? `step "${here.step}"` : `phase "${here.phase}"`;
    refuse(
      dossier,
      event,
      'step-not-current',
      `step "${event.step}" is not current (the dossier is at ${where})`,
      'step',
    );
  }
  const names = step.outcomes.map((o) => o.name);
  if (event.outcome !== undefined && !names.includes(event.outcome)) {
    const has = names.length ? names.join(', ') : 'none';
    refuse(
      dossier,
      event,
      'unknown-outcome',
      `step "${step.key}" has no outcome "${event.outcome}" (has ${has})`,
      'outcome',
    );
  }
  if (event.outcome === undefined && names.length > 1) {
    refuse(
      dossier,
      event,
      'outcome-required',
      `step "${step.key}" has outcomes ${names.join(', ')}; name one`,
      'outcome',
    );
  }
  // The step is performed by its performer (role in a unit, TT 01/2018 art. 8 internal process).
  for (const field of ['role', 'unit'] as const) {
    const given = event.by[field];
    if (given !== undefined && norm(given) !== norm(step.performer[field])) {
      refuse(
        dossier,
        event,
        'wrong-performer',
        `"${given}" does not perform step "${step.key}" (performer ${field}: "${step.performer[field]}")`,
        'by',
      );
    }
  }
}

function checkConsult(dossier: Dossier, event: DossierEvent): void {
  const pending = dossier.ledger.consults.filter((c) => c.returnedAt === null).map((c) => c.agency);
  if (event.type === 'consult' && pending.includes(event.agency)) {
    refuse(dossier, event, 'consult-pending', `agency "${event.agency}" was consulted and has not answered`, 'agency');
  }
  if (event.type === 'consult-returned' && !pending.includes(event.agency)) {
    const list = pending.length ? pending.join(', ') : 'none';
    refuse(dossier, event, 'unknown-agency', `agency "${event.agency}" is not pending (pending: ${list})`, 'agency');
  }
}

function checkExtend(dossier: Dossier, event: Extract<DossierEvent, { type: 'extend' }>): void {
  const { ledger } = dossier;
  // ND 61 art. 19(8) as amended by ND 107/2021: a new appointment may be given no more than once.
  // ND 118/2025 keeps the rule (Lai Châu 88/2025/QĐ-UBND art. 3(6)); the message cites the text in force.
  if (ledger.extension) {
    const basis = citeRule('single-reappointment', toEpochMs(event.at, 'at'));
    refuse(dossier, event, 'already-extended', `a new appointment was already given once (${basis})`);
  }
  if (ledger.clockStopped) refuse(dossier, event, 'clock-stopped', 'the dossier waits for a supplement');
  if (ledger.finishedAt !== null) refuse(dossier, event, 'invalid-for-state', 'processing is already finished');
  if (toEpochMs(event.newDue, 'newDue') <= ledger.legalDue) {
    refuse(dossier, event, 'extend-not-later', `the new appointment is not after the current due`, 'newDue');
  }
}

function precheck(dossier: Dossier, event: DossierEvent, at: number): void {
  const here = locate(dossier.snapshot.value);
  if (FINAL_PHASES.includes(here.phase)) refuse(dossier, event, 'dossier-closed', `the dossier is ${here.phase}`);
  const last = dossier.events.at(-1)?.at ?? dossier.receivedAt;
  if (at < toEpochMs(last, 'at')) {
    refuse(dossier, event, 'out-of-order', `${event.at} precedes the previous event or receipt (${last})`, 'at');
  }
  if (event.type === 'complete-step') checkCompleteStep(dossier, event);
  if (event.type === 'consult' || event.type === 'consult-returned') checkConsult(dossier, event);
  if (event.type === 'extend') checkExtend(dossier, event);
}

function machineEvent(event: DossierEvent): DossierMachineEvent {
  return {
    type: event.type,
    ...(event.type === 'complete-step'
      ? { step: event.step, ...(event.outcome ? { outcome: event.outcome } : {}) }
      : {}),
    ...(event.type === 'consult' || event.type === 'consult-returned' ? { agency: event.agency } : {}),
  };
}

/**
 * Applies one event to a dossier and returns the new dossier (the input is never changed).
 * @throws {CoreError} `INVALID_EVENT` for a malformed event; `EVENT_REJECTED` when the event is not
 * allowed now — `issues[0].reason` says why ({@link RejectionReason}).
 * @example
 * const d1 = apply(d0, { type: 'complete-step', step: 'receive', at: '2026-02-13T16:45:00+07:00',
 *   by: { role: 'Công chức một cửa' } });
 */
export function apply(dossier: Dossier, input: unknown): Dossier {
  const event = parseDossierEvent(input);
  const at = toEpochMs(event.at, 'at');
  precheck(dossier, event, at);
  const mEvent = machineEvent(event);
  // biome-ignore lint/suspicious/noExplicitAny: the machine's event type is dynamic
  const snapshot = dossier.snapshot as any;
  if (!snapshot.can(mEvent)) {
    const here = locate(dossier.snapshot.value);
    const reason = event.type === 'complete-step' ? 'guard-failed' : 'invalid-for-state';
    const where = here.step ? `${here.phase} (step "${here.step}")` : here.phase;
    refuse(dossier, event, reason, `"${event.type}" is not allowed while the dossier is ${where}`);
  }
  const [probe] = transition(dossier.machine, snapshot, mEvent);
  const move: Move = { from: locate(dossier.snapshot.value), to: locate(probe.value) };
  const ledger: ClockLedger = Object.freeze(ledgerAfter(dossier, event, at, move));
  const [next] = transition(dossier.machine, snapshot, { ...mEvent, ledger });
  return Object.freeze({ ...dossier, snapshot: next, ledger, events: appended(dossier.events, event) });
}

/**
 * Applies events in order (a replay).
 * @throws {CoreError} as {@link apply}, for the first event refused.
 * @example const d = applyAll(openDossier(procedure, process, cal, init), events);
 */
export function applyAll(dossier: Dossier, events: readonly unknown[]): Dossier {
  // Linear in events: inside the fold, lists the fold made are extended in place (fold-arrays.ts).
  return inFold(() => {
    let d = dossier;
    for (const e of events) d = apply(d, e);
    return d;
  });
}
