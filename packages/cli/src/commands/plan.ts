/**
 * `tthc plan`: reads the catalogue records, e-ISO documents and portal configurations (files or
 * directories), pairs them by national TTHC code and writes the reconcile plan of every procedure
 * (Terraform's plan, DESIGN.md §5). Also the file reading the other sync commands share.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import {
  apply,
  type BulkDocument,
  type BulkResult,
  buildReport,
  detectFormat,
  documentHash,
  hasChanges,
  planAll,
  processAdapterFor,
  ReconcileError,
  readIsoDocument,
  type ReconcilePolicy,
} from '@tthc/sync';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { json } from '../format.js';
import { type CliIo, UsageError } from '../io.js';
import { readJsonFile } from '../json-file.js';
import type { Command } from './command.js';

/** Hashes of the e-ISO and portal documents once a procedure's plan is applied. */
export interface AppliedHashes {
  readonly eiso: string;
  readonly portal: string;
}

/**
 * The file `tthc plan --out` writes: the bulk plan, plus the hash each document will have once
 * applied, so that `tthc apply` run twice knows the second time that there is nothing left to do.
 */
export type PlanFile = BulkResult & { readonly appliedHashes?: Readonly<Record<string, AppliedHashes>> };

/** Documents read from a `--<option>` path, and whether it was a directory. */
export interface LoadedDocuments {
  readonly documents: BulkDocument[];
  readonly directory: boolean;
}

/**
 * Reads one JSON file, or every `*.json` file of a directory (sorted by name, not recursive), as bulk
 * documents whose `source` is the path as given joined with the file name.
 * @throws {UsageError} naming the option, the path and the problem.
 * @example loadDocuments('examples/commune/eiso', '--eiso').documents.length // 21
 */
export function loadDocuments(path: string, option: string): LoadedDocuments {
  let directory: boolean;
  try {
    directory = statSync(resolve(path)).isDirectory();
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new UsageError(`${option} "${path}" cannot be read (${code}); expected a JSON file or a directory of them`);
  }
  if (!directory) return { documents: [{ raw: readDocumentFile(path, option), source: path }], directory };
  const files = readdirSync(resolve(path))
    .filter((f) => f.endsWith('.json') || (option === '--eiso' && ISO_FILES.has(extname(f).toLowerCase())))
    .sort();
  if (files.length === 0)
    throw new UsageError(
      `${option} "${path}" is a directory with no ${option === '--eiso' ? '.json, .docx or .html' : '.json'} file`,
    );
  return {
    documents: files.map((f) => ({ raw: readDocumentFile(join(path, f), option), source: join(path, f) })),
    directory,
  };
}

/** ISO procedure documents as agencies keep them (Word, or Word saved as HTML): read into e-ISO documents. */
const ISO_FILES = new Set(['.docx', '.html', '.htm']);

/** A JSON document, or (for `--eiso`) an ISO procedure .docx/.html read with `readIsoDocument`. */
function readDocumentFile(path: string, option: string): unknown {
  const ext = extname(path).toLowerCase();
  if (option !== '--eiso' || !ISO_FILES.has(ext)) return readJsonFile(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(path));
  } catch (error) {
    throw new UsageError(`${option} "${path}" cannot be read (${(error as { code?: string }).code ?? 'unreadable'})`);
  }
  const { document, issues } = readIsoDocument(ext === '.docx' ? bytes : new TextDecoder().decode(bytes));
  const error = issues.find((i) => i.severity === 'error');
  if (error) throw new UsageError(`${option} "${path}" is not a readable ISO procedure document: ${error.message}`);
  return document;
}

/** The last synced documents of `--base <dir>`: `catalogue/` and `eiso/` sub-directories, or files told apart by shape. */
export function loadBase(dir: string): { catalogue: BulkDocument[]; eiso: BulkDocument[] } {
  const sub = (name: string) => join(dir, name);
  if (existsSync(resolve(sub('catalogue'))) || existsSync(resolve(sub('eiso')))) {
    const read = (name: string) => (existsSync(resolve(sub(name))) ? loadDocuments(sub(name), '--base').documents : []);
    return { catalogue: read('catalogue'), eiso: read('eiso') };
  }
  const all = loadDocuments(dir, '--base').documents;
  const of = (format: string) => all.filter((d) => detectFormat(d.raw) === format);
  const other = all.find((d) => !['catalogue', 'eiso'].includes(detectFormat(d.raw) ?? ''));
  if (other) {
    throw new UsageError(`--base "${dir}": "${other.source}" is neither a catalogue record nor an e-ISO document`);
  }
  return { catalogue: of('catalogue'), eiso: of('eiso') };
}

/**
 * A progress callback drawing `[####----] 120/2000` on stderr, redrawn only when the bar moves.
 * @example const onProgress = progressBar(io); onProgress(120, 2000);
 */
export function progressBar(io: CliIo, width = 20): (done: number, total: number) => void {
  let drawn = -1;
  return (done, total) => {
    const filled = total === 0 ? width : Math.floor((done / total) * width);
    if (filled === drawn && done !== total) return;
    drawn = filled;
    io.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
    if (done === total) io.stderr.write('\n');
  };
}

/**
 * Reads a plan or diff file written by `tthc plan --out` / `--json` (a bulk result, `bulkVersion: 1`).
 * @throws {UsageError} naming the file and the field that is wrong.
 * @example readBulkFile('plan.json').procedures.length
 */
export function readBulkFile(path: string, kind?: BulkResult['kind']): PlanFile {
  const doc = readJsonFile(path) as Partial<BulkResult> | null;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new UsageError(`"${path}" must hold a plan object written by tthc plan`);
  }
  if (doc.bulkVersion !== 1) {
    throw new UsageError(`"${path}": bulkVersion: expected 1, got ${JSON.stringify(doc.bulkVersion) ?? 'nothing'}`);
  }
  if (doc.kind !== 'plan' && doc.kind !== 'diff') {
    throw new UsageError(`"${path}": kind: expected "plan" or "diff", got ${JSON.stringify(doc.kind) ?? 'nothing'}`);
  }
  if (kind !== undefined && doc.kind !== kind)
    throw new UsageError(`"${path}": kind: expected "${kind}", got "${doc.kind}"`);
  for (const field of ['procedures', 'unpaired', 'problems'] as const) {
    if (!Array.isArray(doc[field])) throw new UsageError(`"${path}": ${field}: expected an array`);
  }
  return doc as PlanFile;
}

/**
 * The hash of each procedure's documents after its plan is applied (see {@link PlanFile}).
 * @example appliedHashes(result, raws)['1.001193'].portal // 'ab12…'
 */
export function appliedHashes(result: BulkResult, raws: ReadonlyMap<string, unknown>): Record<string, AppliedHashes> {
  const out: Record<string, AppliedHashes> = {};
  for (const p of result.procedures) {
    if (!p.plan || !p.sources.eiso || !p.sources.portal || !p.formats.eiso || !p.formats.portal) continue;
    const doc = (source: string, format: NonNullable<typeof p.formats.eiso>) => ({
      raw: raws.get(source),
      adapter: processAdapterFor(format),
    });
    const done = apply(p.plan, {
      eiso: doc(p.sources.eiso, p.formats.eiso),
      portal: doc(p.sources.portal, p.formats.portal),
    });
    out[p.code] = { eiso: documentHash(done.documents.eiso), portal: documentHash(done.documents.portal) };
  }
  return out;
}

/**
 * A short bilingual text of a bulk run: one line per procedure that differs, then the counts.
 * @example bulkText(planAll(sets)).split('\n')[0]
 */
export function bulkText(result: BulkResult): string {
  const report = buildReport(result);
  const lines: string[] = [];
  for (const p of report.procedures) {
    if (p.agrees && !(p.patchOperations && p.patchOperations.eiso + p.patchOperations.portal > 0)) continue;
    const counts = Object.entries(p.changes)
      .filter(([, list]) => list.length > 0)
      .map(([kind, list]) => `${kind} ${list.length}`);
    const ops = p.patchOperations ? [`patch e-ISO ${p.patchOperations.eiso}, portal ${p.patchOperations.portal}`] : [];
    const conflicts = p.conflicts.length > 0 ? [`conflicts ${p.conflicts.length}`] : [];
    lines.push(`${p.code}${p.name ? ` ${p.name}` : ''}: ${[...counts, ...conflicts, ...ops].join('; ')}`);
  }
  for (const u of result.unpaired) lines.push(`${u.code}: chưa ghép được / unpaired (missing ${u.missing.join(', ')})`);
  for (const pr of result.problems) lines.push(`${pr.code}: ${pr.message}`);
  const s = report.summary;
  lines.push(
    `${s.procedures} thủ tục / procedures: ${s.agree} thống nhất / agree, ${s.procedures - s.agree} khác nhau / differ, ` +
      `${s.exceedLimit} vượt thời hạn / exceed the limit, ${s.unpaired} chưa ghép / unpaired, ${s.problems} lỗi / problems`,
  );
  return `${lines.join('\n')}\n`;
}

/** Reads `--policy <file.json>`: `{ "force": { "/steps/*\/budget": "portal" } }`. */
function loadPolicy(path: string): ReconcilePolicy {
  const doc = readJsonFile(path);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new UsageError(`--policy "${path}" must hold a JSON object like {"force": {"/steps/*/budget": "portal"}}`);
  }
  return doc as ReconcilePolicy;
}

const OPTIONS: OptionSpecs = {
  catalogue: { type: 'string', value: '<file|dir>', help: 'national catalogue record(s) (CSDLQG format)' },
  eiso: { type: 'string', value: '<file|dir>', help: 'e-ISO procedure document(s) (required)' },
  portal: {
    type: 'string',
    value: '<file|dir>',
    help: 'one-stop portal or OpenCPS process configuration(s) (required)',
  },
  base: {
    type: 'string',
    value: '<dir>',
    help: 'last synced documents: catalogue/ (diffed against the current records) and eiso/ (base of conflicts)',
  },
  policy: {
    type: 'string',
    value: '<file.json>',
    help: 'field ownership, e.g. {"force": {"/steps/*/budget": "portal"}}',
  },
  out: { type: 'string', value: '<plan.json>', help: 'write the plan to this file (for tthc apply and tthc report)' },
  json: { type: 'boolean', help: 'print the plan as JSON on stdout' },
};

function need(values: Readonly<Record<string, unknown>>, name: string): string {
  const value = values[name];
  if (typeof value === 'string') return value;
  throw new UsageError(
    `--${name} ${OPTIONS[name]!.value} is required: ${OPTIONS[name]!.help.replace(' (required)', '')}`,
  );
}

function run(args: readonly string[], context: CommandContext): number {
  const { values } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    context.io.stdout.write(planCommand.help());
    return 0;
  }
  const eiso = loadDocuments(need(values, 'eiso'), '--eiso');
  const portal = loadDocuments(need(values, 'portal'), '--portal');
  const catalogue = typeof values.catalogue === 'string' ? loadDocuments(values.catalogue, '--catalogue') : undefined;
  const base = typeof values.base === 'string' ? loadBase(values.base) : undefined;
  const policy = typeof values.policy === 'string' ? loadPolicy(values.policy) : undefined;
  const many = eiso.directory || portal.directory || catalogue?.directory === true;
  let result: PlanFile;
  try {
    const planned = planAll(
      { eiso: eiso.documents, portal: portal.documents, catalogue: catalogue?.documents, base },
      { policy, onProgress: many ? progressBar(context.io) : undefined },
    );
    const raws = new Map([...eiso.documents, ...portal.documents].map((d) => [d.source!, d.raw]));
    result = { ...planned, appliedHashes: appliedHashes(planned, raws) };
  } catch (error) {
    if (error instanceof ReconcileError) throw new UsageError(error.message);
    throw error;
  }
  if (typeof values.out === 'string') {
    writeFileSync(resolve(values.out), json(result), 'utf8');
    context.io.stderr.write(`plan written to ${values.out}\n`);
  }
  context.io.stdout.write(values.json ? json(result) : bulkText(result));
  return hasChanges(result) ? 2 : 0;
}

/** `tthc plan --eiso <f|dir> --portal <f|dir> [--catalogue <f|dir>] [--base <dir>] [--policy <f>] [--out plan.json] [--json]`. */
export const planCommand: Command = {
  name: 'plan',
  summary: 'plan the sync of e-ISO and portal processes (and check them against the catalogue); exit 2 on changes',
  help: () =>
    commandHelp(
      'tthc plan --eiso <file|dir> --portal <file|dir> [--catalogue <file|dir>] [--base <dir>] [--policy <file.json>] [--out <plan.json>] [--json]',
      'Pairs the documents by national TTHC code (X.NNNNNN, provincial suffix stripped), and for every\n' +
        'procedure plans the sync: the merged process by field ownership (default: e-ISO owns steps,\n' +
        'performers, times and forms; the portal its technical fields), the RFC 6902 patch of each native\n' +
        'document, the drift between e-ISO and portal, conflicts, and the catalogue checks (statutory\n' +
        'limit, forms). Unpaired and unreadable documents are listed, never dropped. A progress bar goes\n' +
        'to stderr for directories. Source paths are stored as given: run tthc apply from the same\n' +
        'directory. Exit 0: nothing to change; 2: changes; 1: bad input.',
      OPTIONS,
    ),
  run,
};
