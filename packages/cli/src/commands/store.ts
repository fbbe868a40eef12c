/**
 * `tthc store`: dossiers in a PostgreSQL database (@tthc/store) — PGlite in a folder by default
 * (`./tthc-data`), a server with `--db postgres://…`. Sub-commands: init, import, show, due,
 * overdue (here) and reproject, outbox, migrate (`./store-ops.ts`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDuration } from '@tthc/calendar';
import { type DossierRow, dueWithin, overdue, SCHEMA_VERSION, StoreError } from '@tthc/store';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { loadDossierFile } from '../dossier-file.js';
import { json, table } from '../format.js';
import { UsageError } from '../io.js';
import { loadProcedure, loadProcess } from '../procedure-files.js';
import type { Command } from './command.js';
import { migrateSub, outboxSub, reprojectSub } from './store-ops.js';
import { atOf, DB_OPTIONS, storeOf } from './store-options.js';

function rowsText(rows: readonly DossierRow[]): string {
  if (rows.length === 0) return 'Không có hồ sơ / no dossier\n';
  const body = rows.map((r) => [r.id, r.status, r.step ?? '', r.overallDue, r.stepDue ?? '', r.agency]);
  return table(
    ['mã hồ sơ / id', 'trạng thái / status', 'bước / step', 'hạn / due', 'hạn bước / step due', 'cơ quan / agency'],
    body,
  );
}

const IMPORT_OPTIONS: OptionSpecs = DB_OPTIONS;

/** Imports procedure folders (procedure.json, process.json, dossier-*.json), as in examples/procedures. */
async function importSub(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, IMPORT_OPTIONS, { positionals: true });
  if (positionals.length === 0)
    throw new UsageError('store import: expected one or more procedure folders (e.g. examples/procedures/*)');
  const store = await storeOf(values, context);
  const out: { folder: string; procedure: string; imported: string[]; skipped: string[] }[] = [];
  try {
    for (const folder of positionals) {
      if (!existsSync(join(folder, 'procedure.json')) || !existsSync(join(folder, 'process.json'))) {
        throw new UsageError(`store import: "${folder}" has no procedure.json and process.json`);
      }
      const procedure = loadProcedure(join(folder, 'procedure.json'));
      await store.putProcedure(procedure);
      await store.putProcess(loadProcess(join(folder, 'process.json')));
      const row = { folder, procedure: procedure.code, imported: [] as string[], skipped: [] as string[] };
      const files = readdirSync(folder).filter(
        (f) => /^dossier-.*\.json$/.test(f) && statSync(join(folder, f)).isFile(),
      );
      for (const file of files.sort()) {
        const d = loadDossierFile(join(folder, file));
        if (await store.get(d.id)) {
          row.skipped.push(d.id);
          continue;
        }
        await store.create(
          { id: d.id, receivedAt: d.receivedAt, channel: d.channel, procedureCode: procedure.code },
          d.events,
        );
        row.imported.push(d.id);
      }
      out.push(row);
    }
  } finally {
    await store.close();
  }
  if (values.json) context.io.stdout.write(json(out));
  else {
    for (const r of out) {
      const skipped = r.skipped.length ? `; đã có / already stored: ${r.skipped.join(', ')}` : '';
      context.io.stdout.write(
        `${basename(r.folder)} (${r.procedure}): ${r.imported.length} hồ sơ / dossier(s) imported${skipped}\n`,
      );
    }
  }
  return 0;
}

async function initSub(args: readonly string[], context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(args, DB_OPTIONS);
  const store = await storeOf(values, context);
  await store.close();
  const db = typeof values.db === 'string' ? values.db : './tthc-data';
  const where = db.startsWith('postgres') ? db.replace(/\/\/[^@/]*@/, '//…@') : db;
  context.io.stdout.write(
    values.json ? json({ db: where, schemaVersion: SCHEMA_VERSION }) : `${where}: schema version ${SCHEMA_VERSION}\n`,
  );
  return 0;
}

async function showSub(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, DB_OPTIONS, { positionals: true });
  const [id] = positionals;
  if (id === undefined) throw new UsageError('store show: expected a dossier id');
  const store = await storeOf(values, context);
  try {
    const row = await store.get(id);
    if (!row) throw new UsageError(`store show: no dossier "${id}" in the store`);
    const dossier = await store.load(id);
    const report = { ...row, events: dossier.events };
    context.io.stdout.write(
      values.json ? json(report) : `${rowsText([row])}${dossier.events.length} sự kiện / event(s)\n`,
    );
  } finally {
    await store.close();
  }
  return 0;
}

const QUERY_OPTIONS: OptionSpecs = {
  ...DB_OPTIONS,
  at: { type: 'string', value: '<ISO instant>', help: 'the instant the desk asks at, with offset (required)' },
  agency: { type: 'string', value: '<name>', help: 'only this agency' },
  step: { type: 'string', value: '<key>', help: 'only dossiers at this step' },
  scope: { type: 'string', value: '<dossier|step>', help: 'the overall due (default) or the current step’s due' },
};
const DUE_OPTIONS: OptionSpecs = {
  ...QUERY_OPTIONS,
  within: {
    type: 'string',
    value: '<duration>',
    help: 'working time ahead, e.g. "1 ngày làm việc", "04 giờ", "2 working days" (default 1 working day)',
  },
};

function filterOf(values: Record<string, string | boolean | undefined>) {
  const scope = values.scope ?? 'dossier';
  if (scope !== 'dossier' && scope !== 'step')
    throw new UsageError(`--scope "${String(scope)}": expected dossier or step`);
  return {
    scope: scope as 'dossier' | 'step',
    ...(typeof values.agency === 'string' ? { agency: values.agency } : {}),
    ...(typeof values.step === 'string' ? { step: values.step } : {}),
  };
}

async function dueSub(args: readonly string[], context: CommandContext, late: boolean): Promise<number> {
  const specs = late ? QUERY_OPTIONS : DUE_OPTIONS;
  const { values } = parseCommandArgs(args, specs);
  const at = atOf(values, specs);
  const within =
    typeof values.within === 'string'
      ? parseDuration(values.within, { plainDay: 'workingDay', field: '--within' })
      : { amount: 1, unit: 'workingDay' as const };
  const store = await storeOf(values, context);
  try {
    const rows = late
      ? await overdue(store, { at, ...filterOf(values) })
      : await dueWithin(store, { at, within, ...filterOf(values) });
    context.io.stdout.write(values.json ? json(rows) : rowsText(rows));
  } finally {
    await store.close();
  }
  return 0;
}

const SUBCOMMANDS = ['init', 'import', 'show', 'due', 'overdue', 'reproject', 'outbox', 'migrate'];

async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    context.io.stdout.write(storeCommand.help());
    return 0;
  }
  try {
    switch (sub) {
      case 'init':
        return await initSub(rest, context);
      case 'import':
        return await importSub(rest, context);
      case 'show':
        return await showSub(rest, context);
      case 'due':
        return await dueSub(rest, context, false);
      case 'overdue':
        return await dueSub(rest, context, true);
      case 'reproject':
        return await reprojectSub(rest, context);
      case 'outbox':
        return await outboxSub(rest, context);
      case 'migrate':
        return await migrateSub(rest, context);
      default:
        throw new UsageError(`store: unknown sub-command "${sub}"; expected one of ${SUBCOMMANDS.join(', ')}`);
    }
  } catch (error) {
    // A store refusal (conflict, unknown dossier, blocked migration) is the user's input, not a bug.
    if (error instanceof StoreError) throw new UsageError(`store ${sub}: ${error.message}`);
    throw error;
  }
}

/** `tthc store init|import|show|due|overdue|reproject|outbox|migrate [--db <folder|postgres://…>]`. */
export const storeCommand: Command = {
  name: 'store',
  summary: 'dossiers in PostgreSQL (embedded PGlite folder or a server): import, due/overdue, outbox, migrate',
  help: () =>
    commandHelp(
      'tthc store <init|import|show|due|overdue|reproject|outbox|migrate> [--db <folder|postgres://…>] [options]',
      'init                      create or upgrade the tables\n' +
        'import <folder>…          store procedure.json, process.json and every dossier-*.json of each folder\n' +
        'show <id>                 a dossier’s projection and events (replayed and checked)\n' +
        'due --at <ISO> [--within <duration>]   running dossiers due within that working time\n' +
        'overdue --at <ISO>        running dossiers past their due\n' +
        'reproject --run-id <id> --reason <text> --at <ISO> [--dry-run]   recompute dues under --calendar\n' +
        'outbox [status|parked|drain --to <url>]   the national-portal outbox\n' +
        'migrate --process <code> --agency <name> --from <v> --to <v> [--apply --at <ISO>]   move running dossiers\n\n' +
        'Instants are always given (--at); the library never reads the clock. Run `tthc store <sub> --help`.',
      DB_OPTIONS,
    ),
  run,
};
