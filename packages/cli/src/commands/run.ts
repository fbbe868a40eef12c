/**
 * `tthc run`: receives a dossier under a process, applies its events and prints the Phiếu kiểm soát
 * quá trình giải quyết hồ sơ (process control sheet) with the due, status and portal status. The
 * status is taken as of `--at` or the last event — never the wall clock (STYLE.md habit 2). Its parts
 * are `../dossier-run.ts` (applying the events), `../dossier-report.ts` (the `--json` shape) and
 * `../control-sheet-text.ts` (the text).
 */
import { dirname, join } from 'node:path';
import { type CompareMode, InstantTextSchema } from '@tthc/core';
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
};

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

function run(args: readonly string[], context: CommandContext): number {
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
  context.io.stdout.write(values.json ? json(report) : runText(report, calendar.zone));
  return 0;
}

/** `tthc run <process.json> <dossier.json> [--procedure <file>] [--at <ISO>] [--compare instant|date] [--json]`. */
export const runCommand: Command = {
  name: 'run',
  summary: 'apply a dossier’s events to a process; print the control sheet, due, status and portal status',
  help: () =>
    commandHelp(
      'tthc run <process.json> <dossier.json> [--procedure <file>] [--at <ISO instant>] [--compare instant|date] [--json]',
      'Receives the dossier ({"id", "receivedAt", "channel", "events"}) under the process and its procedure,\n' +
        'applies the events in order and prints the Phiếu kiểm soát quá trình giải quyết hồ sơ with the due\n' +
        '(NgayHenTra), the status as of --at (default: the last event; never the wall clock), the DVCQG\n' +
        'status code and the flags. A refused event exits 1 naming its index, type and reason.',
      OPTIONS,
    ),
  run,
};
