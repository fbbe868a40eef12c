/**
 * `tthc apply`: Terraform's apply for a plan file — refuses a plan whose documents changed since it
 * was made, writes each patched native document (in place, or into `--out-dir`), and is idempotent:
 * a document that already has its planned result is left alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  type ApplyDocuments,
  apply,
  catalogueAdapter,
  documentHash,
  type Plan,
  type ProcedureOutcome,
  processAdapterFor,
  ReconcileError,
} from '@tthc/sync';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { json } from '../format.js';
import { UsageError } from '../io.js';
import { readJsonFile } from '../json-file.js';
import type { Command } from './command.js';
import { type AppliedHashes, readBulkFile } from './plan.js';

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

function sourceOf(p: ProcedureOutcome, system: System): string {
  const source = p.sources[system];
  if (source === undefined) throw new UsageError(`procedure ${p.code}: sources.${system}: missing in the plan`);
  return source;
}

/** One procedure: checks freshness per document, then applies what is left to apply. */
function applyOne(p: ProcedureOutcome & { plan: Plan }, done: AppliedHashes | undefined, outDir: string | undefined) {
  const raws = { eiso: readJsonFile(sourceOf(p, 'eiso')), portal: readJsonFile(sourceOf(p, 'portal')) };
  let plan = p.plan;
  const fresh: Record<System, boolean> = { eiso: true, portal: true };
  for (const system of SYSTEMS) {
    const hash = documentHash(raws[system]);
    if (hash === plan.createdFrom[system]) continue;
    if (done && hash === done[system]) {
      // Already applied (a second run, or a run stopped half-way): nothing left to do for this document.
      fresh[system] = false;
      plan = {
        ...plan,
        createdFrom: { ...plan.createdFrom, [system]: hash },
        patches: { ...plan.patches, [system]: [] },
      };
      continue;
    }
    throw new UsageError(
      `"${sourceOf(p, system)}" changed since the plan was made (sha256 ${hash.slice(0, 12)}…, plan has ${plan.createdFrom[system].slice(0, 12)}…); run tthc plan again`,
    );
  }
  const documents: ApplyDocuments = {
    eiso: { raw: raws.eiso, adapter: processAdapterFor(p.formats.eiso ?? 'eiso') },
    portal: { raw: raws.portal, adapter: processAdapterFor(p.formats.portal ?? 'portal') },
    ...(p.sources.catalogue
      ? { catalogue: { raw: readJsonFile(p.sources.catalogue), adapter: catalogueAdapter } }
      : {}),
  };
  const result = apply(plan, documents);
  return SYSTEMS.map((system): { doc: AppliedDocument; raw: unknown } => {
    const source = sourceOf(p, system);
    const operations = p.plan.patches[system].length;
    const state = !fresh[system] ? 'applied' : operations === 0 ? 'unchanged' : 'patched';
    const target = outDir === undefined ? source : join(outDir, system, basename(source));
    return {
      doc: {
        procedure: p.code,
        system,
        source,
        operations,
        state,
        ...(state === 'patched' ? { written: target } : {}),
      },
      raw: result.documents[system],
    };
  });
}

const OPTIONS: OptionSpecs = {
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
  const outDir = typeof values['out-dir'] === 'string' ? values['out-dir'] : undefined;
  const planned = file.procedures.filter((p): p is ProcedureOutcome & { plan: Plan } => p.plan !== undefined);
  let results: { doc: AppliedDocument; raw: unknown }[];
  try {
    // Every document is checked and patched in memory first: a stale one refuses the whole plan, nothing written.
    results = planned.flatMap((p) => applyOne(p, file.appliedHashes?.[p.code], outDir));
  } catch (error) {
    if (error instanceof ReconcileError) throw new UsageError(error.message);
    throw error;
  }
  for (const { doc, raw } of results) {
    if (doc.written === undefined) continue;
    if (outDir !== undefined) mkdirSync(resolve(outDir, doc.system), { recursive: true });
    writeFileSync(resolve(doc.written), `${JSON.stringify(raw, null, 2)}\n`, 'utf8');
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

/** `tthc apply <plan.json> [--out-dir <dir>] [--json]`. */
export const applyCommand: Command = {
  name: 'apply',
  summary: 'apply a plan: write the patched e-ISO and portal documents; exit 2 when something was written',
  help: () =>
    commandHelp(
      'tthc apply <plan.json> [--out-dir <dir>] [--json]',
      'Applies each procedure’s RFC 6902 patches (prototype-pollution guard on) and writes the patched\n' +
        'documents over the originals, or into --out-dir/eiso and --out-dir/portal. Refuses the whole\n' +
        'plan, writing nothing, when a document (or its catalogue record) changed since tthc plan.\n' +
        'Idempotent: a document that already has its planned result is left alone.\n' +
        'Exit 0: nothing written; 2: documents written; 1: bad input or a stale plan.',
      OPTIONS,
    ),
  run,
};
