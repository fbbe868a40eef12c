/**
 * `tthc apply`: Terraform's apply for a plan file — refuses an edited plan (digest), a source path that
 * leaves the plan's root, and a plan whose documents changed since it was made; writes each patched
 * native document in place of the original, changing only the bytes of the patched values, through a
 * temporary file, fsync and rename (or into `--out-dir`); and is idempotent: a document that already
 * has its planned result is left alone.
 */
import { mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  type ApplyDocuments,
  apply,
  catalogueAdapter,
  documentHash,
  type Plan,
  type ProcedureOutcome,
  processAdapterFor,
  ReconcileError,
  textHash,
} from '@tthc/sync';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { CommandContext } from '../context.js';
import { json } from '../format.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';
import { type AppliedHashes, type DocumentFile, readBulkFile, readDocumentFile } from './plan.js';

/** What happened to one document. */
export interface AppliedDocument {
  readonly procedure: string;
  readonly system: 'eiso' | 'portal';
  readonly source: string;
  /** Where the patched document was written (absent when nothing was written). */
  readonly written?: string;
  readonly operations: number;
  /** `patched`: written now; `applied`: it already had the planned result; `unchanged`: empty patch. */
  readonly state: 'patched' | 'applied' | 'unchanged';
}

type System = 'eiso' | 'portal';
const SYSTEMS: readonly System[] = ['eiso', 'portal'];

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

/**
 * The file a plan's source names, under `root`. Refused: an absolute path (also `C:\…`), a `..`
 * segment, and a path whose real location (symlinks followed) is outside the root's.
 * @throws {UsageError} naming the procedure, the member and the path.
 * @example confined('/data', 'portal/1.001193.json', '1.001193 sources.portal') // '/data/portal/1.001193.json'
 */
export function confined(root: string, source: string, what: string): string {
  const segments = source.split(/[\\/]/);
  if (isAbsolute(source) || /^[A-Za-z]:/.test(source) || source.startsWith('\\')) {
    throw new UsageError(`${what}: "${source}" is an absolute path; a plan names files relative to its root`);
  }
  if (segments.includes('..')) {
    throw new UsageError(`${what}: "${source}" goes up out of the plan's root ("..")`);
  }
  const path = resolve(root, source);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new UsageError(`${what}: "${source}" cannot be read (${code})`);
  }
  if (!inside(realpathSync(root), real)) {
    throw new UsageError(`${what}: "${source}" leads out of the plan's root (a symbolic link to ${real})`);
  }
  return path;
}

function sourceOf(p: ProcedureOutcome, system: System | 'catalogue'): string {
  const source = p.sources[system];
  if (source === undefined) throw new UsageError(`procedure ${p.code}: sources.${system}: missing in the plan`);
  return source;
}

interface Target {
  readonly path: string;
  readonly file: DocumentFile;
}

/** Which documents already have their planned result (value and, when recorded, bytes). */
function alreadyApplied(p: ProcedureOutcome & { plan: Plan }, files: Record<System, Target>, done?: AppliedHashes) {
  const applied: { eiso?: string; portal?: string } = {};
  for (const system of SYSTEMS) {
    const { file } = files[system];
    const hash = documentHash(file.raw);
    if (hash === p.plan.createdFrom[system] || done === undefined || hash !== done[system]) continue;
    const bytes = done.bytes?.[system];
    if (bytes === undefined || bytes === textHash(file.text)) applied[system] = hash;
  }
  return applied;
}

/** One procedure: checks paths and freshness, patches in memory; nothing is written here. */
function applyOne(
  p: ProcedureOutcome & { plan: Plan },
  done: AppliedHashes | undefined,
  root: string,
  outDir: string | undefined,
) {
  const target = (system: System | 'catalogue'): Target => {
    const path = confined(root, sourceOf(p, system), `procedure ${p.code}: sources.${system}`);
    return { path, file: readDocumentFile(path) };
  };
  const files = { eiso: target('eiso'), portal: target('portal') };
  const catalogue = p.sources.catalogue === undefined ? undefined : target('catalogue');
  const documents: ApplyDocuments = {
    eiso: {
      raw: files.eiso.file.raw,
      text: files.eiso.file.text,
      adapter: processAdapterFor(p.formats.eiso ?? 'eiso'),
    },
    portal: {
      raw: files.portal.file.raw,
      text: files.portal.file.text,
      adapter: processAdapterFor(p.formats.portal ?? 'portal'),
    },
    ...(catalogue
      ? { catalogue: { raw: catalogue.file.raw, text: catalogue.file.text, adapter: catalogueAdapter } }
      : {}),
  };
  const applied = alreadyApplied(p, files, done);
  let result: ReturnType<typeof apply>;
  try {
    result = apply(p.plan, documents, { applied });
  } catch (error) {
    if (!(error instanceof ReconcileError)) throw error;
    const system = error.details.system as System | 'catalogue' | undefined;
    if (error.code === 'PLAN_STALE' && system !== undefined && p.sources[system] !== undefined) {
      const { expected, actual } = error.details as { expected?: string; actual?: string };
      const seen = expected && actual ? ` (sha256 ${actual.slice(0, 12)}…, plan has ${expected.slice(0, 12)}…)` : '';
      throw new UsageError(`"${p.sources[system]}" changed since the plan was made${seen}; run tthc plan again`);
    }
    throw new UsageError(`procedure ${p.code}: ${error.message}`);
  }
  return SYSTEMS.map((system): { doc: AppliedDocument; text: string; bom: boolean } => {
    const source = sourceOf(p, system);
    const operations = p.plan.patches[system].length;
    const state = applied[system] !== undefined ? 'applied' : operations === 0 ? 'unchanged' : 'patched';
    const written = outDir === undefined ? files[system].path : join(outDir, system, basename(source));
    return {
      doc: { procedure: p.code, system, source, operations, state, ...(state === 'patched' ? { written } : {}) },
      text: result.texts[system] ?? files[system].file.text,
      bom: files[system].file.bom,
    };
  });
}

const OPTIONS: OptionSpecs = {
  root: {
    type: 'string',
    value: '<dir>',
    help: 'folder the plan’s sources are relative to (default: the folder of the plan file)',
  },
  'out-dir': {
    type: 'string',
    value: '<dir>',
    help: 'write patched documents to <dir>/eiso/ and <dir>/portal/ instead of over the originals',
  },
  json: { type: 'boolean', help: 'print what was done as JSON' },
};

function run(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(applyCommand.help());
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(`expected one plan file (tthc apply <plan.json>), got ${positionals.length} arguments`);
  }
  const file = readBulkFile(positionals[0]!, 'plan');
  const root = typeof values.root === 'string' ? values.root : dirname(positionals[0]!);
  const outDir = typeof values['out-dir'] === 'string' ? values['out-dir'] : undefined;
  const planned = file.procedures.filter((p): p is ProcedureOutcome & { plan: Plan } => p.plan !== undefined);
  // Every document is checked and patched in memory first: a stale one refuses the whole plan, nothing written.
  const results = planned.flatMap((p) => applyOne(p, file.appliedHashes?.[p.code], root, outDir));
  for (const { doc, text, bom } of results) {
    if (doc.written === undefined) continue;
    if (outDir !== undefined) mkdirSync(resolve(outDir, doc.system), { recursive: true });
    // Temp file + fsync + rename: a crash leaves the old document or the new one, never a cut one.
    writeFileAtomic(resolve(doc.written), bom ? `\uFEFF${text}` : text);
  }
  const docs = results.map((r) => r.doc);
  const patched = docs.filter((d) => d.state === 'patched');
  if (values.json) {
    context.io.stdout.write(json({ documents: docs }));
  } else {
    for (const d of patched) context.io.stdout.write(`patched ${d.written} (${d.operations} operations)\n`);
    const applied = docs.filter((d) => d.state === 'applied').length;
    context.io.stdout.write(
      `${patched.length} tài liệu được cập nhật / documents patched, ${applied} đã áp dụng trước đó / already applied, ` +
        `${docs.length - patched.length - applied} không đổi / unchanged\n`,
    );
  }
  return patched.length > 0 ? 2 : 0;
}

/** `tthc apply <plan.json> [--root <dir>] [--out-dir <dir>] [--json]`. */
export const applyCommand: Command = {
  name: 'apply',
  summary: 'apply a plan: write the patched e-ISO and portal documents; exit 2 when something was written',
  help: () =>
    commandHelp(
      'tthc apply <plan.json> [--root <dir>] [--out-dir <dir>] [--json]',
      'Applies each procedure’s RFC 6902 patches (prototype-pollution guard on) and writes the patched\n' +
        'documents over the originals, or into --out-dir/eiso and --out-dir/portal: only the bytes of the\n' +
        'patched values change (indentation, line endings, escapes, number spellings kept), through a\n' +
        'temporary file, fsync and rename. Refuses the whole plan, writing nothing, when it was edited\n' +
        '(digest), names a file outside its root, or a document (or its catalogue record) changed since\n' +
        'tthc plan. Idempotent: a document that already has its planned result is left alone.\n' +
        'Exit 0: nothing written; 2: documents written; 1: bad input or a stale plan.',
      OPTIONS,
    ),
  run,
};
