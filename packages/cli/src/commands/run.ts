/**
 * `tthc run`: receives a dossier under a process, applies its events and prints the Phiếu kiểm soát
 * quá trình giải quyết hồ sơ (process control sheet) with the due, status and portal status. The
 * status is taken as of `--at` or the last event — never the wall clock (STYLE.md habit 2). Its parts
 * are `../dossier-run.ts` (applying the events), `../dossier-report.ts` (the `--json` shape) and
 * `../control-sheet-text.ts` (the text).
 */
import { dirname, join } from 'node:path';
import { type CompareMode, type Dossier, InstantTextSchema } from '@tthc/core';
import { openStore, StoreError } from '@tthc/store';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { runText } from '../control-sheet-text.js';
import { loadDossierFile } from '../dossier-file.js';
import { runReport } from '../dossier-report.js';
import { type RunInput, runDossier } from '../dossier-run.js';
import { json } from '../format.js';
import { UsageError } from '../io.js';
import { loadProcedure, loadProcess } from '../procedure-files.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpecs = {
  procedure: { type: 'string', value: '<file>', help: 'the procedure (default: procedure.json beside the process)' },
  at: {
    type: 'string',
    value: '<ISO instant>',
    help: 'status as of this instant, with offset; later events are not applied (default: the last event)',
  },
  compare: {
    type: 'string',
    value: '<mode>',
    help: 'instant (default) or date: how completion is compared with the due',
  },
  json: { type: 'boolean', help: 'print {"dossier", "controlSheet", "status", "portalStatus"} as JSON' },
  store: {
    type: 'string',
    value: '<folder|postgres://…>',
    help: 'also write the dossier into this store (tthc store): created, or its new events appended',
  },
};

/** JSON with sorted keys: jsonb does not keep the key order of the file. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Writes the applied dossier into the store: the procedure and process are stored, then the dossier
 * is created with its events, or — when already stored — the events beyond its stored version are
 * appended at that version (a store that holds other events is a conflict, never overwritten).
 */
async function writeToStore(db: string, input: RunInput, dossier: Dossier, context: CommandContext): Promise<string> {
  const store = await openStore({ db, calendar: context.calendar() });
  try {
    await store.putProcedure(input.procedure);
    await store.putProcess(input.process);
    const events = dossier.events;
    const row = await store.get(dossier.id);
    if (!row) {
      const { version } = await store.create(
        {
          id: dossier.id,
          receivedAt: dossier.receivedAt,
          channel: input.dossier.channel,
          procedureCode: input.procedure.code,
          agency: input.process.agency.name,
          processVersion: input.process.version,
        },
        events,
      );
      return `store: ${dossier.id} created at version ${version}\n`;
    }
    const stored = await store.events(dossier.id);
    const differs = stored.findIndex((e, i) => canonical(e) !== canonical(events[i]));
    if (stored.length > events.length || differs >= 0) {
      throw new UsageError(
        `--store: dossier ${dossier.id} is stored with ${stored.length} event(s) that are not the first of this file's ${events.length}` +
          (differs >= 0 ? ` (event ${differs} differs)` : ''),
      );
    }
    if (stored.length === events.length) return `store: ${dossier.id} already at version ${row.version}\n`;
    const { version } = await store.append(dossier.id, events.slice(stored.length), { expectedVersion: row.version });
    return `store: ${dossier.id} appended ${events.length - stored.length} event(s), now version ${version}\n`;
  } catch (error) {
    // A conflict (another writer moved the dossier) is the user's to resolve, not a crash.
    if (error instanceof StoreError) throw new UsageError(`--store: ${error.message}`);
    throw error;
  } finally {
    await store.close();
  }
}

function parseAt(value: string | boolean | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!InstantTextSchema.safeParse(value).success) {
    throw new UsageError(`--at "${value}" is not an ISO 8601 instant with offset (e.g. 2026-02-24T09:00:00+07:00)`);
  }
  return value;
}

function parseCompare(value: string | boolean | undefined): CompareMode {
  if (value === undefined || value === 'instant') return 'instant';
  if (value === 'date') return 'date';
  throw new UsageError(`--compare "${String(value)}" is not a comparison mode; expected instant or date`);
}

async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(runCommand.help());
    return 0;
  }
  const [processFile, dossierFile, ...extra] = positionals;
  if (processFile === undefined || dossierFile === undefined) {
    throw new UsageError('expected <process.json> <dossier.json> (tthc run --help)');
  }
  if (extra.length > 0)
    throw new UsageError(`unexpected argument "${extra[0]}"; expected <process.json> <dossier.json>`);
  const at = parseAt(values.at);
  const compare = parseCompare(values.compare);
  const procedureFile =
    typeof values.procedure === 'string' ? values.procedure : join(dirname(processFile), 'procedure.json');
  const input: RunInput = {
    procedure: loadProcedure(procedureFile),
    process: loadProcess(processFile),
    dossier: loadDossierFile(dossierFile),
    dossierFile,
  };
  const calendar = context.calendar();
  const dossier = runDossier(input, calendar, at === undefined ? {} : { until: at });
  const report = runReport(dossier, at ?? dossier.events.at(-1)?.at ?? dossier.receivedAt, {
    compare,
    eventsTotal: input.dossier.events.length,
  });
  const stored = typeof values.store === 'string' ? await writeToStore(values.store, input, dossier, context) : '';
  context.io.stdout.write(values.json ? json(report) : runText(report, calendar.zone));
  // The JSON on stdout stays one document; the store line goes to stderr then.
  if (stored) (values.json ? context.io.stderr : context.io.stdout).write(stored);
  return 0;
}

/** `tthc run <process.json> <dossier.json> [--procedure <file>] [--at <ISO>] [--compare instant|date] [--json] [--store <db>]`. */
export const runCommand: Command = {
  name: 'run',
  summary: 'apply a dossier’s events to a process; print the control sheet, due, status and portal status',
  help: () =>
    commandHelp(
      'tthc run <process.json> <dossier.json> [--procedure <file>] [--at <ISO instant>] [--compare instant|date] [--json] [--store <db>]',
      'Receives the dossier ({"id", "receivedAt", "channel", "events"}) under the process and its procedure,\n' +
        'applies the events in order and prints the Phiếu kiểm soát quá trình giải quyết hồ sơ with the due\n' +
        '(NgayHenTra), the status as of --at (default: the last event; never the wall clock), the DVCQG\n' +
        'status code and the flags. A refused event exits 1 naming its index, type and reason.\n' +
        'With --store the applied events are written into that store (created, or appended at its version),\n' +
        'so `tthc store due/overdue` finds the dossier.',
      OPTIONS,
    ),
  run,
};
