/**
 * `Dossier` (hồ sơ) — one application being processed under a procedure and an agency's process,
 * and `openDossier`, which receives it (Mẫu 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả).
 */
import { toEpochMs, type WorkCalendar } from '@tthc/calendar';
import { initialTransition } from 'xstate';
import { CoreError } from '../errors.js';
import { locate } from '../machine/names.js';
import type { MachineRegistry } from '../machine/registry.js';
import { type DossierMachine, type DossierSnapshot, machineFor } from '../machine/to-machine.js';
import type { Duration } from '../model/common.js';
import { type ChannelKind, nationalCode, type Procedure } from '../model/procedure.js';
import type { Process } from '../model/process.js';
import { type DossierEvent, InstantTextSchema } from './events.js';
import { type ClockContext, type ClockLedger, dueAfter } from './ledger.js';

/** Hồ sơ — a dossier: its identity, the rules it runs under, its state, clock ledger and events. */
export interface Dossier {
  /** Mã số hồ sơ. */
  readonly id: string;
  readonly channel: ChannelKind;
  /** NgayTiepNhan, as given (ISO 8601 with offset). */
  readonly receivedAt: string;
  readonly procedure: Procedure;
  readonly process: Process;
  readonly calendar: WorkCalendar;
  readonly registry: MachineRegistry | undefined;
  readonly machine: DossierMachine;
  readonly snapshot: DossierSnapshot;
  /** The clock ledger (the same object as `snapshot.context.ledger`). */
  readonly ledger: ClockLedger;
  /** Every event applied so far, in order: the source of truth. */
  readonly events: readonly DossierEvent[];
}

/** What the one-stop desk records on receipt. */
export interface OpenDossierInit {
  readonly id: string;
  /** Receipt instant, ISO 8601 with offset, e.g. `2026-02-13T16:30:00+07:00`. */
  readonly receivedAt: string;
  readonly channel: ChannelKind;
}

/** Options of {@link openDossier}. */
export interface OpenDossierOptions {
  /** Implementations of the actions and guards the process data names (see `toMachine`). */
  readonly registry?: MachineRegistry;
}

/** The clock context of a dossier. */
export function clockOf(dossier: Pick<Dossier, 'calendar' | 'process'>): ClockContext {
  return { calendar: dossier.calendar, rule: dossier.process.countingRule };
}

/**
 * The statutory limit of a channel, with the same-day cut-off taken from the limit itself, else the
 * process, else the procedure (the cut-off is per procedure, not a general rule — REFERENCE.md §1.2).
 * A channel whose catalogue states no limit (`timeLimit: null`) takes the process `totalLimit`.
 * @throws {CoreError} `INVALID_PROCEDURE` when the channel is missing, or states no limit and the
 * process declares no total.
 * @example channelLimit(procedure, process, 'online') // { amount: 3, unit: 'workingDay' }
 */
export function channelLimit(procedure: Procedure, process: Process, channel: ChannelKind): Duration {
  const row = procedure.channels.find((c) => c.channel === channel);
  if (!row) {
    const have = procedure.channels.map((c) => c.channel).join(', ');
    throw new CoreError(
      'INVALID_PROCEDURE',
      `procedure ${procedure.code}: channels: no channel "${channel}" (has ${have})`,
      [{ path: ['channels'], message: `no channel "${channel}"`, value: channel }],
    );
  }
  // "Không có thông tin": no statutory limit; the process's declared total is the appointment.
  const limit = row.timeLimit ?? process.totalLimit;
  if (!limit) {
    throw new CoreError(
      'INVALID_PROCEDURE',
      `procedure ${procedure.code}: channels: channel "${channel}" states no time limit and process ${process.procedureCode} v${process.version} declares no totalLimit`,
      [{ path: ['channels', procedure.channels.indexOf(row), 'timeLimit'], message: 'no limit stated', value: null }],
    );
  }
  if (limit.unit !== 'sameDay' || limit.cutoff) return limit;
  const cutoff = process.sameDayCutoff ?? procedure.sameDayCutoff;
  return cutoff ? { ...limit, cutoff } : limit;
}

function checkPairing(procedure: Procedure, process: Process, init: OpenDossierInit): number {
  if (nationalCode(process.procedureCode) !== nationalCode(procedure.code)) {
    throw new CoreError(
      'INVALID_PROCESS',
      `process procedureCode: "${process.procedureCode}" is not the procedure's code "${procedure.code}"`,
      [{ path: ['procedureCode'], message: 'process is for another procedure', value: process.procedureCode }],
    );
  }
  if (process.channels && !process.channels.includes(init.channel)) {
    throw new CoreError(
      'INVALID_PROCESS',
      `process ${process.procedureCode} v${process.version}: channels: does not serve channel "${init.channel}"`,
      [{ path: ['channels'], message: `channel "${init.channel}" not served`, value: init.channel }],
    );
  }
  if (!InstantTextSchema.safeParse(init.receivedAt).success) {
    throw new CoreError(
      'INVALID_EVENT',
      `receivedAt: expected an ISO 8601 instant with offset, got ${JSON.stringify(init.receivedAt)}`,
      [{ path: ['receivedAt'], message: 'expected an ISO 8601 instant with offset', value: init.receivedAt }],
    );
  }
  return toEpochMs(init.receivedAt, 'receivedAt');
}

/**
 * Receives a dossier: the clock starts at `receivedAt` (a receipt outside office hours counts from
 * the next working instant) and the appointment (NgayHenTra) is the channel's statutory limit
 * counted with the process's counting rule (ND 61 art. 17; REFERENCE.md §1.1, §1.5).
 * @throws {CoreError} `INVALID_PROCESS` when the process is for another procedure or channel,
 * `INVALID_PROCEDURE` when the channel has no time limit, `INVALID_EVENT` for a bad `receivedAt`,
 * `UNKNOWN_IMPLEMENTATION` when the process names unregistered actions or guards.
 * @example
 * const d = openDossier(procedure, process, vietnamCalendar(), {
 *   id: 'H56.14-260213-0001', receivedAt: '2026-02-13T16:30:00+07:00', channel: 'direct',
 * });
 */
export function openDossier(
  procedure: Procedure,
  process: Process,
  calendar: WorkCalendar,
  init: OpenDossierInit,
  options: OpenDossierOptions = {},
): Dossier {
  const receivedAt = checkPairing(procedure, process, init);
  const limit = channelLimit(procedure, process, init.channel);
  const ctx: ClockContext = { calendar, rule: process.countingRule };
  const due = dueAfter(ctx, receivedAt, limit) ?? receivedAt;
  const machine = machineFor(process, options.registry);
  const [probe] = initialTransition(machine, {});
  const firstStep = locate(probe.value).step;
  const step = process.steps.find((s) => s.key === firstStep);
  const ledger: ClockLedger = {
    rule: process.countingRule,
    limit,
    policy: process.supplementation.policy,
    receivedAt,
    countingFrom: receivedAt,
    originalDue: due,
    legalDue: due,
    clockStopped: false,
    steps: step
      ? [
          {
            step: step.key,
            enteredAt: receivedAt,
            handedOverBy: null,
            due: dueAfter(ctx, receivedAt, step.budget),
            doneAt: null,
            doneBy: null,
            outcome: null,
            interruptedBy: null,
            note: null,
          },
        ]
      : [],
    supplements: [],
    consults: [],
    extension: null,
    payments: [],
    flags: [],
    finishedAt: null,
    returnedAt: null,
    withdrawnAt: null,
    refusal: null,
  };
  const [snapshot] = initialTransition(machine, { ledger });
  return Object.freeze({
    id: init.id,
    channel: init.channel,
    receivedAt: init.receivedAt,
    procedure,
    process,
    calendar,
    registry: options.registry,
    machine,
    snapshot,
    ledger,
    events: [],
  });
}
