/**
 * `tthc plan`: reads the catalogue records, e-ISO documents and portal configurations (files or
 * directories), pairs them by national TTHC code and writes the reconcile plan of every procedure
 * (Terraform's plan, DESIGN.md §5). Also the file reading the other sync commands share.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  apply,
  type BulkDocument,
  type BulkResult,
  buildReport,
  bulkDigest,
  checkBulkFile,
  detectFormat,
  documentHash,
  OpenCpsPackageError,
  planAll,
  processAdapterFor,
  ReconcileError,
  readIsoDocument,
  type ReconcilePolicy,
  readOpenCpsPackage,
  textHash,
  unzipOpenCpsPackage,
} from '@tthc/sync';
import { writeFileAtomic } from '../atomic-write.js';
import { commandHelp, type OptionSpecs, parseCommandArgs, stringList } from '../args.js';
import type { CommandContext } from '../context.js';
import { json } from '../format.js';
import { type CliIo, isTerminal, UsageError } from '../io.js';
import { jsonSyntaxError, readJsonFile } from '../json-file.js';
import type { Command } from './command.js';

/** Hashes of the e-ISO and portal documents once a procedure's plan is applied (value, and bytes). */
export interface AppliedHashes {
  readonly eiso: string;
  readonly portal: string;
  readonly bytes?: { readonly eiso?: string; readonly portal?: string };
}

/**
 * The file `tthc plan --out` writes: the bulk plan, plus the hash each document will have once
 * applied, so that `tthc apply` run twice knows the second time that there is nothing left to do, and
 * the `digest` of all of it (`bulkDigest`), checked by `tthc apply` and `tthc report`. Sources are
 * relative to the plan's root (the plan file's folder, or `--root`).
 */
export type PlanFile = BulkResult & {
  readonly appliedHashes?: Readonly<Record<string, AppliedHashes>>;
  readonly digest?: string;
};

/** A JSON document file as read: its text (without a byte-order mark), whether it had one, its value. */
export interface DocumentFile {
  readonly text: string;
  readonly bom: boolean;
  readonly raw: unknown;
}

/**
 * Reads a JSON document keeping its text, for plans that fingerprint the bytes and patch them in place.
 * @throws {UsageError} naming the file: unreadable, or the syntax error with its line and column.
 * @example readDocumentFile('portal/1.001193.json').text
 */
export function readDocumentFile(path: string): DocumentFile {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new UsageError(`"${path}" cannot be read (${code}); expected a JSON file`);
  }
  const bom = text.startsWith('\uFEFF');
  if (bom) text = text.slice(1);
  try {
    return { text, bom, raw: JSON.parse(text) };
  } catch (error) {
    const found = jsonSyntaxError(text);
    const reason = found
      ? `${found.message} at line ${found.line} column ${found.column} (position ${found.position})`
      : String((error as Error).message);
    throw new UsageError(`"${path}" is not valid JSON: ${reason}`);
  }
}

/**
 * A path as stored in a plan: relative to `root`, with `/` separators.
 * @throws {UsageError} when the path is outside the root (the plan could not be applied from it).
 * @example planPath('/data', '/data/portal/1.json', '--portal') // 'portal/1.json'
 */
export function planPath(root: string, path: string, option: string): string {
  const rel = relative(resolve(root), resolve(path));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new UsageError(
      `${option} "${path}" is outside the plan's root "${root}" (the folder of --out, or --root): sources are stored relative to it`,
    );
  }
  return rel.split(sep).join('/');
}

/** Documents read from a `--<option>` path, and whether it was a directory. */
export interface LoadedDocuments {
  readonly documents: BulkDocument[];
  readonly directory: boolean;
}

/** The `processes/` and `services/` XML files under a folder, by path relative to it (not following links). */
function importFiles(dir: string, prefix = '', depth = 0): Map<string, string> {
  const out = new Map<string, string>();
  if (depth > 4) return out;
  for (const name of readdirSync(resolve(dir)).sort()) {
    const path = join(dir, name);
    if (statSync(resolve(path)).isDirectory()) {
      for (const [k, v] of importFiles(path, `${prefix}${name}/`, depth + 1)) out.set(k, v);
    } else if (name.toLowerCase().endsWith('.xml') && /(^|\/)(processes|services)\/$/.test(prefix)) {
      out.set(`${prefix}${name}`, readFileSync(resolve(path), 'utf8'));
    }
  }
  return out;
}

/**
 * The process files of an OpenCPS import package (a zip, or a folder holding `processes/`), each a
 * document whose source is `<path>#<file in the package>`; a file that is not well-formed XML is
 * kept as a document, so that the run reports it.
 */
function loadPackage(path: string, option: string, files: Map<string, string>): BulkDocument[] {
  const pkg = readOpenCpsPackage(files);
  const docs: BulkDocument[] = pkg.processes.map((d) => ({ raw: d, source: `${path}#${d.file}` }));
  for (const problem of pkg.problems) {
    if (problem.file.includes('processes/')) {
      docs.push({ raw: { file: problem.file, xml: files.get(problem.file) ?? '' }, source: `${path}#${problem.file}` });
    }
  }
  if (docs.length === 0) throw new UsageError(`${option} "${path}" holds no processes/*.xml`);
  return docs;
}

/** A JSON document, or the rows of a case export (an array of TruongHopThuTuc rows), as documents. */
function jsonDocuments(path: string, option: string): BulkDocument[] {
  if (option === '--eiso' && ISO_FILES.has(extname(path).toLowerCase())) {
    return [{ raw: readIsoFile(path, option), source: path }];
  }
  const { raw, text } = readDocumentFile(path);
  if (Array.isArray(raw) && raw.length > 0 && raw.every((row) => detectFormat(row) === 'reactflow')) {
    return raw.map((row, i) => ({ raw: row, source: `${path}#${i}` }));
  }
  return [{ raw, text, source: path }];
}

/**
 * Reads one JSON file, or every `*.json` file of a directory (sorted by name, not recursive), as bulk
 * documents whose `source` is the path as given joined with the file name. An OpenCPS import package —
 * a `.zip`, or a directory with a `processes/` folder — gives one document per `processes/*.xml`
 * (linked to its `services/*.xml`); a JSON array of TruongHopThuTuc rows gives one document per row.
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
  if (!directory && path.toLowerCase().endsWith('.zip')) {
    try {
      return {
        documents: loadPackage(path, option, unzipOpenCpsPackage(readFileSync(resolve(path)))),
        directory: true,
      };
    } catch (error) {
      if (error instanceof OpenCpsPackageError) throw new UsageError(`${option} "${path}": ${error.message}`);
      throw error;
    }
  }
  if (!directory) {
    const documents = jsonDocuments(path, option);
    return { documents, directory: documents.length > 1 };
  }
  const files = readdirSync(resolve(path))
    .filter((f) => f.endsWith('.json') || (option === '--eiso' && ISO_FILES.has(extname(f).toLowerCase())))
    .sort();
  const xml = importFiles(path);
  if ([...xml.keys()].some((k) => k.includes('processes/'))) {
    const json = files.flatMap((f) => jsonDocuments(join(path, f), option));
    return { documents: [...loadPackage(path, option, xml), ...json], directory: true };
  }
  if (files.length === 0)
    throw new UsageError(
      `${option} "${path}" is a directory with no ${option === '--eiso' ? '.json, .docx or .html' : '.json'} file`,
    );
  return { documents: files.flatMap((f) => jsonDocuments(join(path, f), option)), directory: true };
}

/** ISO procedure documents as agencies keep them (Word, or Word saved as HTML): read into e-ISO documents. */
const ISO_FILES = new Set(['.docx', '.html', '.htm']);

/** An ISO procedure .docx/.html read with `readIsoDocument` into the e-ISO document it describes. */
function readIsoFile(path: string, option: string): unknown {
  const ext = extname(path).toLowerCase();
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
  const doc = readJsonFile(path);
  // Every member the report and apply read is checked, and the digest: a hand-edited file is bad input.
  const problem = checkBulkFile(doc);
  if (problem) throw new UsageError(`"${path}": ${problem.path || '/'}: ${problem.message}`);
  const file = doc as PlanFile;
  if (kind !== undefined && file.kind !== kind) {
    throw new UsageError(`"${path}": kind: expected "${kind}", got "${file.kind}"`);
  }
  return file;
}

/**
 * The hash of each procedure's documents after its plan is applied (see {@link PlanFile}).
 * @example appliedHashes(result, raws)['1.001193'].portal // 'ab12…'
 */
export function appliedHashes(
  result: BulkResult,
  docs: ReadonlyMap<string, { readonly raw: unknown; readonly text?: string | undefined }>,
): Record<string, AppliedHashes> {
  const out: Record<string, AppliedHashes> = {};
  for (const p of result.procedures) {
    if (!p.plan || !p.sources.eiso || !p.sources.portal || !p.formats.eiso || !p.formats.portal) continue;
    const doc = (source: string, format: NonNullable<typeof p.formats.eiso>) => {
      const d = docs.get(source);
      return { raw: d?.raw, adapter: processAdapterFor(format), ...(d?.text === undefined ? {} : { text: d.text }) };
    };
    const done = apply(p.plan, {
      eiso: doc(p.sources.eiso, p.formats.eiso),
      portal: doc(p.sources.portal, p.formats.portal),
    });
    const bytes = {
      ...(done.texts.eiso === undefined ? {} : { eiso: textHash(done.texts.eiso) }),
      ...(done.texts.portal === undefined ? {} : { portal: textHash(done.texts.portal) }),
    };
    out[p.code] = {
      eiso: documentHash(done.documents.eiso),
      portal: documentHash(done.documents.portal),
      ...(Object.keys(bytes).length > 0 ? { bytes } : {}),
    };
  }
  return out;
}

/**
 * What `tthc plan` exits 2 for: something `tthc apply` would write, or a procedure that could not be
 * planned (unpaired, unreadable). Catalogue checks and legal changes since the base stay in the
 * summary and the report, for a person: re-planning after apply exits 0.
 * @example planHasWork(planAll(sets)) // false once the plan has been applied
 */
export function planHasWork(result: BulkResult): boolean {
  return (
    result.unpaired.length > 0 ||
    result.problems.length > 0 ||
    result.procedures.some((p) => p.plan !== undefined && p.plan.patches.eiso.length + p.plan.patches.portal.length > 0)
  );
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
    help: 'one-stop portal configuration(s): portal JSON, OpenCPS (import .zip, folder with processes/, REST or JSON), Thanh Hóa-style case rows; may be given several times (required)',
    multiple: true,
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
  root: {
    type: 'string',
    value: '<dir>',
    help: 'folder the plan’s source paths are relative to (default: the folder of --out, else the current one)',
  },
  json: { type: 'boolean', help: 'print the plan as JSON on stdout' },
  progress: {
    type: 'boolean',
    help: 'show a progress bar on stderr for directories (default: only when stderr is a terminal and without --json)',
  },
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
  const out = typeof values.out === 'string' ? values.out : undefined;
  const root = typeof values.root === 'string' ? values.root : out === undefined ? '.' : dirname(out);
  // Sources are stored relative to the root, and must be inside it: apply resolves them there only.
  const rooted = (loaded: LoadedDocuments, option: string): LoadedDocuments => ({
    ...loaded,
    documents: loaded.documents.map((d) => ({ ...d, source: planPath(root, d.source!, option) })),
  });
  const eiso = rooted(loadDocuments(need(values, 'eiso'), '--eiso'), '--eiso');
  const portals = stringList(values, 'portal');
  if (portals.length === 0) need(values, 'portal');
  const loaded = portals.map((path) => rooted(loadDocuments(path, '--portal'), '--portal'));
  const portal = {
    documents: loaded.flatMap((l) => l.documents),
    directory: loaded.length > 1 || loaded.some((l) => l.directory),
  };
  const catalogue =
    typeof values.catalogue === 'string'
      ? rooted(loadDocuments(values.catalogue, '--catalogue'), '--catalogue')
      : undefined;
  const base = typeof values.base === 'string' ? loadBase(values.base) : undefined;
  const policy = typeof values.policy === 'string' ? loadPolicy(values.policy) : undefined;
  const many = eiso.directory || portal.directory || catalogue?.directory === true;
  // A bar redrawn with `\r` garbles logs and files: only on a terminal, never with --json, unless asked.
  const showProgress = many && (values.progress === true || (isTerminal(context.io.stderr) && values.json !== true));
  let result: PlanFile;
  try {
    const planned = planAll(
      { eiso: eiso.documents, portal: portal.documents, catalogue: catalogue?.documents, base },
      { policy, onProgress: showProgress ? progressBar(context.io) : undefined },
    );
    const docs = new Map([...eiso.documents, ...portal.documents].map((d) => [d.source!, d]));
    const file = { ...planned, appliedHashes: appliedHashes(planned, docs) };
    result = { ...file, digest: bulkDigest(file) };
  } catch (error) {
    if (error instanceof ReconcileError) throw new UsageError(error.message);
    throw error;
  }
  if (out !== undefined) {
    writeFileAtomic(resolve(out), json(result));
    context.io.stderr.write(`plan written to ${out}\n`);
  }
  context.io.stdout.write(values.json ? json(result) : bulkText(result));
  return planHasWork(result) ? 2 : 0;
}

/** `tthc plan --eiso <f|dir> --portal <f|dir> [--catalogue <f|dir>] [--base <dir>] [--policy <f>] [--out plan.json] [--json]`. */
export const planCommand: Command = {
  name: 'plan',
  summary:
    'plan the sync of e-ISO and portal processes (and check them against the catalogue); exit 2 when there is something to apply',
  help: () =>
    commandHelp(
      'tthc plan --eiso <file|dir> --portal <file|dir> [--catalogue <file|dir>] [--base <dir>] [--policy <file.json>] [--out <plan.json>] [--root <dir>] [--json] [--progress]',
      'Pairs the documents by national TTHC code (X.NNNNNN, provincial suffix stripped), and for every\n' +
        'procedure plans the sync: the merged process by field ownership (default: e-ISO owns steps,\n' +
        'performers, times and forms; the portal its technical fields), the RFC 6902 patch of each native\n' +
        'document, the drift between e-ISO and portal, conflicts, and the catalogue checks (statutory\n' +
        'limit, forms). Unpaired and unreadable documents are listed, never dropped. A progress bar goes\n' +
        'to stderr for directories. Source paths are stored relative to the plan’s root (the folder of\n' +
        '--out, or --root) and must be inside it. The plan carries a digest; tthc apply refuses an edited one.\n' +
        'Exit 0: nothing to apply; 2: something to apply, or unpaired or unreadable documents; 1: bad input.',
      OPTIONS,
    ),
  run,
};
