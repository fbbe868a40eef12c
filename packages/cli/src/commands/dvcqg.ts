/**
 * `tthc dvcqg`: the DVCQG (Cổng Dịch vụ công quốc gia) dossier sync from the command line — `export`
 * runs a dossier and prints its `DongBoHoSoMC` object and `CapNhatTienDoHoSoMC` rows; `import` reads
 * progress rows (JSON or CSV) and rebuilds the dossier files.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DVCQG_PROFILES,
  type DvcqgOwner,
  type DvcqgProfile,
  readDvcqgProgress,
  rebuildDossiers,
  styleDossier,
  toDvcqgClientProgress,
  toDvcqgDossier,
  writeDvcqgProgressCsv,
} from '@tthc/sync';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { loadDossierFile } from '../dossier-file.js';
import { runDossier } from '../dossier-run.js';
import { json } from '../format.js';
import { UsageError } from '../io.js';
import { readJsonFile } from '../json-file.js';
import { loadProcedure, loadProcess, procedurePathFor } from '../procedure-files.js';
import type { Command } from './command.js';
import { readInputText } from '../input-file.js';

const EXPORT_OPTIONS: OptionSpecs = {
  procedure: { type: 'string', value: '<file>', help: 'procedure file (default: procedure.json beside the process)' },
  agency: {
    type: 'string',
    value: '<code>',
    help: 'DonViXuLy, the agency identifier (default: the process agency code)',
  },
  owner: {
    type: 'string',
    value: '<json|file>',
    help: 'ChuHoSo as JSON or a JSON file: {"name", "kind": 1-4, "idNumber", …}',
  },
  field: { type: 'string', value: '<code>', help: 'MaLinhVuc when the procedure has no field code' },
  csv: { type: 'string', value: '<file.csv>', help: 'also write the progress rows as CSV' },
  profile: {
    type: 'string',
    value: '<strict|thanhhoa|opencps>',
    help: 'write what that client writes (strings where it writes strings, its own rows); default strict',
  },
  tag: { type: 'boolean', help: 'add the [tthc] {json} line to NoiDungXuLy so import reads events back exactly' },
};

function readProfile(value: string | boolean | undefined): DvcqgProfile {
  if (value === undefined) return 'strict';
  if (typeof value === 'string' && (DVCQG_PROFILES as readonly string[]).includes(value)) return value as DvcqgProfile;
  throw new UsageError(`--profile "${String(value)}" is not a client profile; expected ${DVCQG_PROFILES.join(', ')}`);
}

const IMPORT_OPTIONS: OptionSpecs = {
  process: { type: 'string', value: '<file>', help: 'the process the rows follow (required)' },
  procedure: { type: 'string', value: '<file>', help: 'procedure file (default: procedure.json beside the process)' },
};

function procedureFor(processFile: string, explicit: string | undefined) {
  const path = procedurePathFor(processFile, explicit);
  if (path === null) throw new UsageError(`--procedure <file> is required: no procedure.json beside "${processFile}"`);
  return loadProcedure(path);
}

function readOwner(value: string): DvcqgOwner {
  let owner: unknown;
  if (value.trim().startsWith('{')) {
    try {
      owner = JSON.parse(value);
    } catch (error) {
      throw new UsageError(`--owner "${value}" is not valid JSON (${(error as Error).message.split('\n')[0]})`);
    }
  } else {
    owner = readJsonFile(value);
  }
  const o = owner as Partial<DvcqgOwner> | null;
  if (typeof o !== 'object' || o === null) throw new UsageError(`--owner "${value}": expected a JSON object`);
  if (typeof o.name !== 'string' || o.name === '')
    throw new UsageError(`--owner: name: expected the owner's name, got ${JSON.stringify(o.name)}`);
  if (![1, 2, 3, 4].includes(o.kind as number)) {
    throw new UsageError(
      `--owner: kind: expected 1 (citizen), 2 (business), 3 (state agency) or 4 (organisation), got ${JSON.stringify(o.kind)}`,
    );
  }
  if (typeof o.idNumber !== 'string' || o.idNumber === '') {
    throw new UsageError(
      `--owner: idNumber: expected the ID or tax number as a string, got ${JSON.stringify(o.idNumber)}`,
    );
  }
  return o as DvcqgOwner;
}

function exportRun(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, EXPORT_OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(dvcqgCommand.help());
    return 0;
  }
  if (positionals.length !== 2) {
    throw new UsageError(
      `expected a process and a dossier file (tthc dvcqg export <process.json> <dossier.json>), got ${positionals.length}`,
    );
  }
  const [processFile, dossierFile] = positionals as [string, string];
  const process = loadProcess(processFile);
  const procedure = procedureFor(processFile, typeof values.procedure === 'string' ? values.procedure : undefined);
  if (typeof values.owner !== 'string')
    throw new UsageError(`--owner ${EXPORT_OPTIONS.owner!.value} is required: ${EXPORT_OPTIONS.owner!.help}`);
  const owner = readOwner(values.owner);
  const agencyCode = typeof values.agency === 'string' ? values.agency : process.agency.code;
  if (agencyCode === undefined) throw new UsageError(`--agency <code> is required: the process agency has no code`);
  const dossier = runDossier(
    { procedure, process, dossier: loadDossierFile(dossierFile), dossierFile },
    context.calendar(),
  );
  const dongBo = toDvcqgDossier(dossier, procedure, {
    owner,
    agencyCode,
    ...(typeof values.field === 'string' ? { fieldCode: values.field } : {}),
  });
  const profile = readProfile(values.profile);
  const progress = toDvcqgClientProgress(dossier, { profile, tag: values.tag === true });
  if (typeof values.csv === 'string') {
    writeFileSync(resolve(values.csv), writeDvcqgProgressCsv(progress), 'utf8');
    context.io.stderr.write(`progress rows written to ${values.csv}\n`);
  }
  context.io.stdout.write(json({ dossier: styleDossier(dongBo, profile), progress }));
  return 0;
}

function importRun(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, IMPORT_OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(dvcqgCommand.help());
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      `expected one rows file (tthc dvcqg import <rows.json|csv> --process <file>), got ${positionals.length}`,
    );
  }
  if (typeof values.process !== 'string')
    throw new UsageError(`--process <file> is required: ${IMPORT_OPTIONS.process!.help}`);
  const file = positionals[0]!;
  let text: string;
  try {
    text = readInputText(file);
  } catch (error) {
    throw new UsageError(
      `"${file}" cannot be read (${(error as { code?: string }).code ?? 'unreadable'}); expected progress rows as JSON or CSV`,
    );
  }
  const process = loadProcess(values.process);
  const procedure = procedureFor(values.process, typeof values.procedure === 'string' ? values.procedure : undefined);
  const read = readDvcqgProgress(text, file.toLowerCase().endsWith('.csv') ? { format: 'csv' } : {});
  const input = read.problems.find((p) => p.code === 'input.invalid');
  if (input) throw new UsageError(`"${file}": ${input.message}`);
  const rebuilt = rebuildDossiers(read.rows, {
    procedure,
    process,
    calendar: context.calendar(),
    positions: read.positions,
  });
  const problems = [...read.problems, ...rebuilt.problems].sort((a, b) => a.index - b.index);
  for (const p of problems) {
    const level = p.severity === undefined ? '' : `${p.severity}: `;
    context.io.stderr.write(
      `${file}${p.line === undefined ? '' : `:${p.line}`}: row ${p.index}: ${level}${p.code}: ${p.message}\n`,
    );
  }
  const steps = rebuilt.mappings.filter((m) => m.kind === 'event').length;
  context.io.stderr.write(
    `${rebuilt.mappings.length}/${read.rows.length} rows understood: ${steps} events, ` +
      `${rebuilt.mappings.filter((m) => m.kind === 'receipt').length} receipts, ` +
      `${rebuilt.mappings.filter((m) => m.kind === 'synthetic').length} client rows\n`,
  );
  const dossiers = rebuilt.dossiers.map((d) => ({
    id: d.id,
    receivedAt: d.receivedAt,
    channel: d.channel,
    events: d.events,
  }));
  context.io.stdout.write(json({ dossiers, mappings: rebuilt.mappings, problems }));
  // Rows that could not be placed are data to act on, as changes are for plan: exit 2 (notes on a
  // client's own rows and warnings are not).
  return problems.some((p) => p.severity === undefined) ? 2 : 0;
}

/** `tthc dvcqg export …` and `tthc dvcqg import …`. */
export const dvcqgCommand: Command = {
  name: 'dvcqg',
  summary: 'DVCQG dossier sync: export a dossier’s DongBoHoSoMC and progress rows; import rows back into dossiers',
  help: () =>
    `${commandHelp(
      'tthc dvcqg export <process.json> <dossier.json> --owner <json|file> [--procedure <file>] [--agency <code>] [--field <code>] [--csv <file>] [--profile strict|thanhhoa|opencps] [--tag]',
      'Runs the dossier under the process and prints {"dossier": DongBoHoSoMC object, "progress": [CapNhatTienDoHoSoMC rows]}\n' +
        'as the chosen client writes them; NoiDungXuLy holds only readable text unless --tag is given.',
      EXPORT_OPTIONS,
    )}\n${commandHelp(
      'tthc dvcqg import <rows.json|rows.csv> --process <file> [--procedure <file>]',
      'Reads progress rows as any real client writes them (string or number codes, "" for absent values) and\n' +
        'rebuilds the dossier files ({"id", "receivedAt", "channel", "events"}), mapping rows to steps through the\n' +
        'process\'s step names, action labels, performers and statuses ("mappings"); rows that cannot be placed are\n' +
        'listed on stderr and in "problems" (exit 2). Exit 1 on bad input.',
      IMPORT_OPTIONS,
    )}`,
  run(args, context) {
    const [sub, ...rest] = args;
    if (sub === 'export') return exportRun(rest, context);
    if (sub === 'import') return importRun(rest, context);
    if (sub === undefined || sub === '--help' || sub === '-h') {
      if (sub === undefined) throw new UsageError('expected a sub-command: export or import (tthc dvcqg --help)');
      context.io.stdout.write(dvcqgCommand.help());
      return 0;
    }
    throw new UsageError(`unknown sub-command "${sub}"; expected export or import`);
  },
};

/** `tthc export-dvcqg …`: the name issue 6 gives `tthc dvcqg export`. */
export const exportDvcqgCommand: Command = {
  name: 'export-dvcqg',
  summary: 'same as `tthc dvcqg export`: a dossier as DVCQG DongBoHoSoMC payload + CapNhatTienDoHoSoMC rows',
  help: () => `Usage: tthc export-dvcqg … (alias of tthc dvcqg export)\n\n${dvcqgCommand.help()}`,
  run(args, context) {
    if (args.includes('--help') || args.includes('-h')) {
      context.io.stdout.write(exportDvcqgCommand.help());
      return 0;
    }
    return dvcqgCommand.run(['export', ...args], context);
  },
};

/** `tthc import-progress …`: the name issue 6 gives `tthc dvcqg import`. */
export const importProgressCommand: Command = {
  name: 'import-progress',
  summary: 'same as `tthc dvcqg import`: rebuild dossiers from DVCQG progress rows (JSON or CSV)',
  help: () => `Usage: tthc import-progress … (alias of tthc dvcqg import)\n\n${dvcqgCommand.help()}`,
  run(args, context) {
    if (args.includes('--help') || args.includes('-h')) {
      context.io.stdout.write(importProgressCommand.help());
      return 0;
    }
    return dvcqgCommand.run(['import', ...args], context);
  },
};
