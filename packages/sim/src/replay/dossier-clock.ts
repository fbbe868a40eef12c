/**
 * The dossier-level clock of a replayed trace, as the runtime computes it: the due (NgayHenTra) is
 * the receipt plus the channel's statutory limit under the process's counting rule (`openDossier`:
 * `channelLimit` + `addWorkingTime`), and the classification is the runtime's `classifyCompletion`.
 */
import { addWorkingTime, type Duration, type WorkCalendar } from '@tthc/calendar';
import {
  type ChannelKind,
  type Classification,
  type CompareMode,
  channelLimit,
  classifyCompletion,
  type Procedure,
  type Process,
} from '@tthc/core';
import type { LogProblem } from './types.js';
import { localDayNumber } from './zoned.js';

/** The clock of one dossier. */
export interface DossierTiming {
  readonly channel: ChannelKind;
  readonly receivedAt: number;
  readonly due: number | null;
  readonly classification: Classification | null;
}

/** Computes the clock of a dossier from its channel (if the log names it), receipt and end. */
export type DossierClock = (
  dossierId: string,
  channel: ChannelKind | undefined,
  receivedAt: number,
  finishedAt: number | null,
  line: number,
) => DossierTiming;

/** Options of {@link dossierClock}. */
export interface DossierClockOptions {
  readonly compare: CompareMode;
  readonly channel?: ChannelKind;
  /** Epoch milliseconds at which unfinished dossiers are in time or overdue. */
  readonly asOf?: number;
  /** Where dossiers that cannot be timed are reported. */
  readonly problems: LogProblem[];
}

function defaultChannel(procedure: Procedure): ChannelKind {
  return procedure.channels.some((c) => c.channel === 'direct') ? 'direct' : procedure.channels[0]!.channel;
}

/**
 * A dossier clock for a procedure, process and calendar. `classifyCompletion` depends only on the
 * order of the two local dates and of the two instants, so its answer is memoised on those six
 * cases (the Intl-based local dates it computes are the slow part of a million-event replay).
 * @example const clock = dossierClock(procedure, process, cal, { compare: 'date', problems: [] });
 */
export function dossierClock(
  procedure: Procedure,
  process: Process,
  calendar: WorkCalendar,
  options: DossierClockOptions,
): DossierClock {
  const zone = calendar.zone;
  const fallback = options.channel ?? defaultChannel(procedure);
  const limits = new Map<ChannelKind, Duration | Error>();
  const memo: (Classification | undefined)[] = new Array(6);
  const limitOf = (channel: ChannelKind): Duration | Error => {
    let limit = limits.get(channel);
    if (limit === undefined) {
      try {
        limit = channelLimit(procedure, process, channel);
      } catch (e) {
        limit = e as Error;
      }
      limits.set(channel, limit);
    }
    return limit;
  };
  const classify = (done: number, due: number): Classification => {
    const days = Math.sign(localDayNumber(zone, done) - localDayNumber(zone, due)) + 1;
    const key = days * 2 + (done > due ? 1 : 0);
    return (memo[key] ??= classifyCompletion(done, due, zone, options.compare));
  };
  const overdue = (now: number, due: number): boolean =>
    // As the runtime's status(): by local date in `date` mode, by instant otherwise.
    options.compare === 'date' ? localDayNumber(zone, now) > localDayNumber(zone, due) : now > due;
  return (dossierId, given, receivedAt, finishedAt, line) => {
    const channel = given ?? fallback;
    const limit = limitOf(channel);
    let due: number | null = null;
    try {
      if (limit instanceof Error) throw limit;
      // openDossier: the due is receipt + limit (a limit not counted leaves the receipt instant).
      due = limit.notCounted
        ? receivedAt
        : addWorkingTime(calendar, receivedAt, limit, { rule: process.countingRule }).getTime();
    } catch (e) {
      options.problems.push({ line, message: `dossier ${dossierId}: no due: ${(e as Error).message}` });
    }
    let classification: Classification | null = null;
    if (due !== null && finishedAt !== null) classification = classify(finishedAt, due);
    else if (due !== null && options.asOf !== undefined)
      classification = overdue(options.asOf, due) ? 'overdue' : 'in-time';
    return { channel, receivedAt, due, classification };
  };
}
