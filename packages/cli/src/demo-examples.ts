/**
 * The example-procedures part of `tthc demo`: for each folder of `examples/procedures`, validation and
 * lint, then every `dossier-*.json` run to its last event with its control sheet.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { WorkCalendar } from '@tthc/calendar';
import { validateDocument } from './commands/validate.js';
import { runText } from './control-sheet-text.js';
import type { DemoSection } from './demo-calendar.js';
import { WIDTH, wrap } from './demo-width.js';
import { loadDossierFile } from './dossier-file.js';
import { runReport } from './dossier-report.js';
import { runDossier } from './dossier-run.js';
import { UsageError } from './io.js';
import { readJsonFile } from './json-file.js';
import { loadProcedure, loadProcess } from './procedure-files.js';
import { issueLine } from './validation-issues.js';

function dossierBlock(calendar: WorkCalendar, dir: string, file: string): string {
  const procedure = loadProcedure(join(dir, 'procedure.json'));
  const process = loadProcess(join(dir, 'process.json'));
  const dossierFile = join(dir, file);
  const dossier = loadDossierFile(dossierFile);
  const end = runDossier({ procedure, process, dossier, dossierFile: file }, calendar);
  const at = end.events.at(-1)?.at ?? end.receivedAt;
  return runText(runReport(end, at, { eventsTotal: dossier.events.length }), calendar.zone);
}

function validationBlock(calendar: WorkCalendar, dir: string): { text: string; valid: boolean } {
  const lines: string[] = [];
  let valid = true;
  for (const file of ['procedure.json', 'process.json']) {
    const result = validateDocument(file, readJsonFile(join(dir, file)), {
      calendar,
      procedureFile: join(dir, 'procedure.json'),
    });
    valid &&= result.valid;
    const verdict = result.valid ? 'hợp lệ (valid)' : 'không hợp lệ (invalid)';
    lines.push(`  ${file}: ${verdict}${result.issues.length === 0 ? ', không có lỗi lint (lint-clean)' : ''}`);
    for (const issue of result.issues) lines.push(wrap(`    ${issueLine(issue)}`, '      '));
  }
  return { text: `Kiểm tra (validation + lint, vietnamCalendar):\n${lines.join('\n')}\n`, valid };
}

/** The example sections, and whether every example validated and ran. */
export interface ExampleSections {
  readonly sections: readonly DemoSection[];
  readonly ok: boolean;
}

/**
 * One section per example procedure folder (with `procedure.json` and `process.json`): validation and
 * lint, then every `dossier-*.json` run to its last event — control sheet, due, classification,
 * portal status. A broken example is reported in its section (one line) and makes `ok` false.
 * @example exampleSections(vietnamCalendar(), 'examples/procedures').sections.length // 3
 */
export function exampleSections(calendar: WorkCalendar, examplesDir: string, part = 7): ExampleSections {
  const slugs = readdirSync(examplesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(examplesDir, d.name, 'process.json')))
    .map((d) => d.name)
    .sort();
  let ok = true;
  const sections = slugs.map((slug, i): DemoSection => {
    const dir = join(examplesDir, slug);
    let body: string;
    let name = slug;
    try {
      const procedure = loadProcedure(join(dir, 'procedure.json'));
      name = `${procedure.code} ${procedure.name}`;
      const validation = validationBlock(calendar, dir);
      ok &&= validation.valid;
      const dossiers = readdirSync(dir)
        .filter((f) => /^dossier-.*\.json$/.test(f))
        .sort()
        .map((f) => `\nHồ sơ mẫu (example dossier) ${f}:\n${dossierBlock(calendar, dir, f)}`);
      body = validation.text + dossiers.join('');
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      ok = false;
      body = wrap(`  lỗi (error): ${error.message}`, '    ') + '\n';
    }
    return { title: `${part}.${i + 1} Thủ tục mẫu (example procedure) ${slug}: ${name}`.slice(0, WIDTH - 6), body };
  });
  return { sections, ok };
}

/**
 * Part 7 of the tour: a heading, the folder, then {@link exampleSections}; a note instead when the
 * folder is not there (`dir` is `null` outside a checkout), which does not fail the demo.
 * @example examplesPart(vietnamCalendar(), defaultExamplesDir()).ok // true
 */
export function examplesPart(calendar: WorkCalendar, dir: string | null, part = 7): { text: string; ok: boolean } {
  const heading = `\n== ${part}. Thủ tục mẫu / Example procedures ==\n`;
  if (dir === null || !existsSync(dir)) {
    const where = dir === null ? 'examples/procedures (no repository checkout found)' : `"${dir}"`;
    return {
      text: `${heading}Không tìm thấy thủ tục mẫu / example procedures not found: ${where}; skipped.\n`,
      ok: true,
    };
  }
  const { sections, ok } = exampleSections(calendar, dir, part);
  const near = relative(process.cwd(), dir);
  const shown = near.startsWith('..') ? dir : near || '.';
  const text = sections.map(({ title, body }) => `\n== ${title} ==\n${body}`).join('');
  return { text: `${heading}Thư mục / folder: ${shown}\n${text}`, ok };
}
