/**
 * Receiving a dossier under a process and applying its events in order — the dossier `tthc run` and
 * `tthc demo` report on. A refused event is a `UsageError` naming its index, type and reason.
 */
import { toEpochMs, type WorkCalendar } from '@tthc/calendar';
import {
  apply,
  CoreError,
  type Dossier,
  type EventRejection,
  openDossier,
  type Procedure,
  type Process,
} from '@tthc/core';
import type { DossierFile } from './dossier-file.js';
import { UsageError } from './io.js';

/** What `tthc run` works on. */
export interface RunInput {
  readonly procedure: Procedure;
  readonly process: Process;
  readonly dossier: DossierFile;
  /** The dossier file's name, for messages. */
  readonly dossierFile: string;
}

/** Options of {@link runDossier}. */
export interface RunDossierOptions {
  /** Only events at or before this instant are applied (the dossier as it stood then). */
  readonly until?: string;
}

/**
 * Opens the dossier (id, receipt instant and channel from the file) and applies its events in order.
 * @throws {UsageError} for a rejected event: `events[i] (type at …) rejected: <reason> — <detail>`; or when
 * the process does not fit the procedure or the channel.
 * @example runDossier(input, vietnamCalendar()).events.length
 */
export function runDossier(input: RunInput, calendar: WorkCalendar, options: RunDossierOptions = {}): Dossier {
  const { procedure, process, dossier: file, dossierFile } = input;
  let dossier: Dossier;
  try {
    dossier = openDossier(procedure, process, calendar, file);
  } catch (error) {
    if (error instanceof CoreError) throw new UsageError(`"${dossierFile}" cannot be opened: ${error.message}`);
    throw error;
  }
  const until = options.until === undefined ? Number.POSITIVE_INFINITY : toEpochMs(options.until, '--at');
  for (const [index, event] of file.events.entries()) {
    if (toEpochMs(event.at, `events[${index}].at`) > until) break;
    try {
      dossier = apply(dossier, event);
    } catch (error) {
      if (!(error instanceof CoreError) || error.code !== 'EVENT_REJECTED') throw error;
      const issue = error.issues[0] as EventRejection | undefined;
      throw new UsageError(
        `"${dossierFile}": events[${index}] (${event.type} at ${event.at}) rejected: ${issue?.reason} — ${issue?.message}`,
      );
    }
  }
  return dossier;
}
