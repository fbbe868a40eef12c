/**
 * The first part of `tthc demo`, the project's main job: a ward's procedures as the national
 * catalogue, the e-ISO software and the one-stop portal each hold them (examples/commune), where they
 * disagree in steps, performers, times and forms, the reconcile plan, the HTML report written to disk,
 * then the plan applied to copies of the documents and a re-plan that finds nothing left to patch.
 * Every figure is computed at run time from the example files.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import {
  apply,
  type BulkDocument,
  type BulkResult,
  buildReport,
  planAll,
  processAdapterFor,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  reportHtml,
} from '@tthc/sync';
import { readJsonFile } from './json-file.js';

/** Options of {@link demoSync}. */
export interface DemoSyncOptions {
  /** The `examples/` folder holding `commune/`. */
  readonly examplesRoot: string | null;
  /** Where the plan, the report and the patched copies are written. */
  readonly outDir: string;
  /** The working directory paths are shown relative to (default `process.cwd()`). */
  readonly cwd?: string;
}

/** What {@link demoSync} printed and whether it ran. */
export interface DemoSyncResult {
  readonly text: string;
  readonly ok: boolean;
  /** The HTML report's path, when written. */
  readonly reportPath?: string;
}

const COMMUNE = 'commune';

function readFolder(dir: string): BulkDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ raw: readJsonFile(join(dir, f)), source: join(dir, f) }));
}

function readSets(root: string) {
  return {
    catalogue: readFolder(join(root, 'catalogue')),
    eiso: readFolder(join(root, 'eiso')),
    portal: readFolder(join(root, 'portal')),
    base: { catalogue: readFolder(join(root, 'base', 'catalogue')) },
  };
}

/** Patch operations of a bulk plan, per system. */
function operations(result: BulkResult): { eiso: number; portal: number; procedures: number } {
  let eiso = 0;
  let portal = 0;
  let procedures = 0;
  for (const p of result.procedures) {
    const e = p.plan?.patches.eiso.length ?? 0;
    const o = p.plan?.patches.portal.length ?? 0;
    eiso += e;
    portal += o;
    if (e + o > 0) procedures += 1;
  }
  return { eiso, portal, procedures };
}

/**
 * Applies every procedure's plan to its documents and writes the results (and the documents no plan
 * touches) as `<outDir>/eiso/<file>` and `<outDir>/portal/<file>`; returns the folders.
 */
function applyToCopies(result: BulkResult, sets: ReturnType<typeof readSets>, outDir: string) {
  const raws = new Map<string, unknown>();
  for (const d of [...sets.eiso, ...sets.portal]) raws.set(d.source ?? '', d.raw);
  const written = new Map<string, unknown>(raws);
  for (const p of result.procedures) {
    const { eiso, portal } = p.sources;
    if (!p.plan || !eiso || !portal || !p.formats.eiso || !p.formats.portal) continue;
    const done = apply(p.plan, {
      eiso: { raw: raws.get(eiso), adapter: processAdapterFor(p.formats.eiso) },
      portal: { raw: raws.get(portal), adapter: processAdapterFor(p.formats.portal) },
    });
    written.set(eiso, done.documents.eiso);
    written.set(portal, done.documents.portal);
  }
  const folders = { eiso: join(outDir, 'eiso'), portal: join(outDir, 'portal') };
  for (const [system, docs] of [
    ['eiso', sets.eiso],
    ['portal', sets.portal],
  ] as const) {
    mkdirSync(folders[system], { recursive: true });
    for (const d of docs) {
      const source = d.source ?? '';
      writeFileSync(join(folders[system], basename(source)), `${JSON.stringify(written.get(source), null, 2)}\n`);
    }
  }
  return folders;
}

/**
 * Runs the sync part of the tour and returns its text. Writes `plan.json`, `report.html` and the
 * patched `eiso/` and `portal/` copies under `options.outDir`; the example files are never changed.
 * @example
 * const { text, reportPath } = demoSync({ examplesRoot: 'examples', outDir: 'tthc-demo' });
 */
export function demoSync(options: DemoSyncOptions): DemoSyncResult {
  const heading = '\n== 1. Đồng bộ ISO điện tử ↔ một cửa điện tử / Sync: e-ISO ↔ one-stop portal ==\n';
  const root = options.examplesRoot === null ? null : join(options.examplesRoot, COMMUNE);
  if (root === null || !existsSync(join(root, 'eiso'))) {
    return { text: `${heading}  (bỏ qua — skipped: examples/${COMMUNE} not found)\n`, ok: false };
  }
  const cwd = options.cwd ?? process.cwd();
  const shown = (path: string) => {
    const near = relative(cwd, path);
    return near.startsWith('..') || near === '' ? path : near;
  };
  const sets = readSets(root);
  const result = planAll(sets);
  const report = buildReport(result);
  const s = report.summary;
  const lines: string[] = [
    `Phường An Bình (ví dụ / example, ${shown(root)}): ${s.procedures} thủ tục / procedures, mỗi thủ tục trong 3 hệ thống:`,
    `  ${sets.catalogue.length} bản ghi CSDL quốc gia (national catalogue), ${sets.eiso.length} quy trình ISO điện tử (e-ISO),` +
      ` ${sets.portal.length} quy trình điện tử một cửa (portal)`,
    `Khác nhau / Disagree: ${s.procedures - s.agree} thủ tục, thống nhất / agree: ${s.agree}; ` +
      `vượt thời hạn luật định / exceed the legal limit: ${s.exceedLimit}`,
  ];
  for (const kind of REPORT_KINDS) {
    const n = s.differ[kind];
    if (n === 0) continue;
    const label = REPORT_KIND_LABELS[kind];
    const changes = report.procedures.reduce((sum, p) => sum + p.changes[kind].length, 0);
    lines.push(`  ${label.vi} / ${label.en}: ${n} thủ tục, ${changes} khác biệt (differences)`);
  }
  const examples = report.procedures
    .flatMap((p) => REPORT_KINDS.flatMap((k) => p.changes[k].map((c) => ({ p, c }))))
    .filter(({ c }) => c.severity !== 'info')
    .slice(0, 4);
  if (examples.length > 0) lines.push('Ví dụ / For example:');
  for (const { p, c } of examples) lines.push(`  ${p.code}${c.stepKey ? ` bước ${c.stepKey}` : ''}: ${c.message.vi}`);

  mkdirSync(options.outDir, { recursive: true });
  const planPath = join(options.outDir, 'plan.json');
  const reportPath = join(options.outDir, 'report.html');
  writeFileSync(planPath, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(reportPath, reportHtml(result, { title: 'Phường An Bình — đối chiếu ISO điện tử và một cửa' }));
  const ops = operations(result);
  lines.push(
    `Kế hoạch / Plan: ${ops.eiso} thao tác vá ISO điện tử, ${ops.portal} thao tác vá cổng một cửa ` +
      `(patch operations) trong ${ops.procedures} thủ tục → ${shown(planPath)}`,
    `Báo cáo / Report: ${shown(reportPath)} (HTML; mở bằng trình duyệt / open it in a browser)`,
  );

  const folders = applyToCopies(result, sets, options.outDir);
  lines.push(`Áp dụng / Apply: bản sao đã vá / patched copies → ${shown(folders.eiso)}, ${shown(folders.portal)}`);
  const again = planAll({
    catalogue: sets.catalogue,
    eiso: readFolder(folders.eiso),
    portal: readFolder(folders.portal),
    base: sets.base,
  });
  const left = operations(again);
  const afterReport = buildReport(again).summary;
  const clean = left.eiso + left.portal === 0;
  lines.push(
    `Lập lại kế hoạch / Re-plan after apply: ${clean ? 'không còn gì phải vá / nothing left to patch' : `còn ${left.eiso + left.portal} thao tác / operations left`}` +
      `; ${afterReport.exceedLimit} thủ tục vẫn vượt thời hạn luật định cần người quyết định ` +
      '(still exceed the legal limit: a person must decide)',
  );
  return { text: `${heading}${lines.join('\n')}\n`, ok: clean && result.problems.length === 0, reportPath };
}
