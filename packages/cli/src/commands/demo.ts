/**
 * `tthc demo`: a guided tour of the calendar on realistic dossiers (the README quick start), then of
 * the example procedures in `examples/procedures/` (validation, lint, each dossier run). Every number
 * printed is computed by the library at run time; nothing is canned.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CountingRule,
  countWorkingDays,
  type Duration,
  describeDay,
  explainDeadline,
  type IsoDate,
  parseDuration,
  type WorkCalendar,
} from '@tthc/calendar';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import { demoReplay, demoSimulation } from '../demo-sim.js';
import type { CommandContext } from '../context.js';
import { formatInstant, humanDate, humanInstant } from '../format.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';
import { deadlineText } from './deadline.js';
import { loadDossierFile, loadProcedure, loadProcess, runDossier, runReport, runText } from './run.js';
import { issueLine, readJsonFile, validateDocument } from './validate.js';

/** One section of the tour: a title and the text the library computed for it. */
export interface DemoSection {
  readonly title: string;
  readonly body: string;
}

function deadlineBlock(
  calendar: WorkCalendar,
  received: string,
  duration: Duration,
  rule: CountingRule = 'working-time',
): string {
  return deadlineText(explainDeadline(calendar, received, duration, { rule }), calendar.zone);
}

function dayLine(calendar: WorkCalendar, date: IsoDate): string {
  const info = describeDay(calendar, date);
  const status = info.working ? 'làm việc / working' : 'nghỉ / day off';
  const why = info.special.map((day) => day.name).join('; ');
  return `  ${humanDate(date)}: ${status}${why ? ` — ${why}` : ''}`;
}

/**
 * A certification dossier received late on the Friday before Tết 2026 with "03 ngày làm việc":
 * the Tết block (16–20 Feb) and two weekends are skipped.
 * @example tetSection(vietnamCalendar()).body
 */
export function tetSection(calendar: WorkCalendar): DemoSection {
  const received = '2026-02-13T16:30:00+07:00';
  return {
    title: '1. Chứng thực nhận chiều thứ Sáu trước Tết 2026 / Certification received before Tết 2026',
    body:
      `Nhận / Received: ${humanInstant(new Date(received), calendar.zone)}, thời hạn "03 ngày làm việc"\n` +
      deadlineBlock(calendar, received, parseDuration('03 ngày làm việc')),
  };
}

/**
 * A birth registration ("Trong ngày", 15:00 cut-off of the Law on Civil Status practice, cf. Decree
 * 61/2018 art. 18 for transfers) received before and after the cut-off on Friday 9 January 2026;
 * the next working day is the make-up Saturday 10 January.
 * @example civilStatusSection(vietnamCalendar()).body
 */
export function civilStatusSection(calendar: WorkCalendar): DemoSection {
  const sameDay = parseDuration('Trong ngày; sau 15 giờ trả vào ngày làm việc tiếp theo');
  const lines = ['2026-01-09T14:30:00+07:00', '2026-01-09T15:20:00+07:00'].map((received) => {
    const due = explainDeadline(calendar, received, sameDay).due;
    return `  nhận / received ${humanInstant(new Date(received), calendar.zone)} → trả / due ${humanInstant(due, calendar.zone)}`;
  });
  return {
    title:
      '2. Đăng ký khai sinh, "Trong ngày", sau 15:00 trả ngày làm việc tiếp theo / Birth registration, 15:00 cut-off',
    body: `${lines.join('\n')}\n${dayLine(calendar, '2026-01-10')}\n`,
  };
}

/**
 * The 2025 swap: Saturday 26 April 2025 is worked so that Friday 2 May joins 30/4–1/5 (Official
 * Dispatch of the Ministry of Home Affairs); a 2-working-day limit from Thursday 24 April uses it.
 * @example makeUpSaturdaySection(vietnamCalendar()).body
 */
export function makeUpSaturdaySection(calendar: WorkCalendar): DemoSection {
  const received = '2025-04-24T09:00:00+07:00';
  return {
    title: '3. Thứ Bảy làm bù 26/4/2025 / The 2025 make-up Saturday',
    body:
      `${dayLine(calendar, '2025-04-26')}\n${dayLine(calendar, '2025-05-02')}\n` +
      `Nhận / Received: ${humanInstant(new Date(received), calendar.zone)}, thời hạn "02 ngày làm việc"\n` +
      deadlineBlock(calendar, received, parseDuration('02 ngày làm việc')),
  };
}

/**
 * The same 5-working-day limit under both counting rules (Civil Code 2015 art. 147–148 vs exact
 * working time), and a 15-calendar-day limit whose last day is a day off (art. 148(5)).
 * @example civilCodeSection(vietnamCalendar()).body
 */
export function civilCodeSection(calendar: WorkCalendar): DemoSection {
  const received = '2025-04-29T10:00:00+07:00';
  const fiveDays = parseDuration('05 ngày làm việc');
  const byRule = (['working-time', 'civil-code'] as const).map((rule) => {
    const due = explainDeadline(calendar, received, fiveDays, { rule }).due;
    return `  ${rule.padEnd(12)} → ${humanInstant(due, calendar.zone)}  (${formatInstant(due, calendar.zone)})`;
  });
  // Plain "ngày" (without "làm việc") is a calendar-day period in law.
  const calendarDays = parseDuration('15 ngày');
  return {
    title: '4. Bộ luật Dân sự 2015 điều 147–148 / Civil Code counting',
    body:
      `Nhận / Received: ${humanInstant(new Date(received), calendar.zone)}, thời hạn "05 ngày làm việc":\n${byRule.join('\n')}\n\n` +
      'Thời hạn "15 ngày" (ngày lịch / calendar days) nhận 11/4/2026; ngày cuối 26/4 là Chủ Nhật và Giỗ Tổ:\n' +
      deadlineBlock(calendar, '2026-04-11T09:00:00+07:00', calendarDays, 'civil-code'),
  };
}

/**
 * Working days in February 2026 (the Tết month) versus February 2025.
 * @example workingDaysSection(vietnamCalendar()).body
 */
export function workingDaysSection(calendar: WorkCalendar): DemoSection {
  const feb2025 = countWorkingDays(calendar, '2025-02-01', '2025-02-28');
  const feb2026 = countWorkingDays(calendar, '2026-02-01', '2026-02-28');
  return {
    title: '5. Số ngày làm việc / Working days per month',
    body: `  02/2025: ${feb2025} ngày làm việc / working days\n  02/2026: ${feb2026} ngày làm việc / working days (Tết 16–20/02)\n`,
  };
}

/** The sections of the tour, in order. */
export const DEMO_SECTIONS: readonly ((calendar: WorkCalendar) => DemoSection)[] = [
  tetSection,
  civilStatusSection,
  makeUpSaturdaySection,
  civilCodeSection,
  workingDaysSection,
];

/**
 * The whole tour as text.
 * @example demoText(vietnamCalendar())
 */
export function demoText(calendar: WorkCalendar): string {
  const intro =
    'tthc — lịch làm việc của cơ quan nhà nước Việt Nam / Vietnam’s state working-time calendar\n' +
    `Lịch / Calendar: ${calendar.name} (${calendar.zone}, ${calendar.validFrom} … ${calendar.validTo})\n`;
  const sections = DEMO_SECTIONS.map((section) => section(calendar)).map(
    ({ title, body }) => `\n== ${title} ==\n${body}`,
  );
  return fitWidth(intro + sections.join(''));
}

/** Wraps every line longer than {@link WIDTH} columns, continuation indented 4 more than the line. */
function fitWidth(text: string): string {
  return text
    .split('\n')
    .map((line) => wrap(line, `${/^\s*/.exec(line)?.[0] ?? ''}    `))
    .join('\n');
}

/**
 * The folder holding `pnpm-workspace.yaml` at or above `start` (the repository root), or `null`.
 * @example findRepoRoot('/work/main/packages/cli/dist') // '/work/main'
 */
export function findRepoRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Where this CLI file lives: `import.meta.url` in ESM (bin, tests); the CJS build has `__filename`. */
function cliFile(): string {
  return typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
}

/**
 * `examples/procedures` of the repository the CLI runs from (found from the CLI file, then the working
 * directory), or `null` outside a checkout (an npm install has no examples).
 * @example defaultExamplesDir() // '/work/main/examples/procedures'
 */
export function defaultExamplesDir(): string | null {
  for (const start of [dirname(cliFile()), process.cwd()]) {
    const root = findRepoRoot(start);
    const dir = root === null ? null : join(root, 'examples', 'procedures');
    if (dir !== null && existsSync(dir)) return dir;
  }
  return null;
}

const WIDTH = 120;

/** Wraps a long line at spaces to {@link WIDTH} columns, continuation lines indented by `indent`. */
function wrap(line: string, indent: string): string {
  const out: string[] = [];
  let rest = line;
  while (rest.length > WIDTH) {
    const cut = rest.lastIndexOf(' ', WIDTH);
    if (cut <= indent.length) break;
    out.push(rest.slice(0, cut));
    rest = indent + rest.slice(cut + 1);
  }
  out.push(rest);
  return out.join('\n');
}

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
export function exampleSections(calendar: WorkCalendar, examplesDir: string): ExampleSections {
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
    return { title: `6.${i + 1} Thủ tục mẫu (example procedure) ${slug}: ${name}`.slice(0, WIDTH - 6), body };
  });
  return { sections, ok };
}

const OPTIONS: OptionSpecs = {
  examples: {
    type: 'string',
    value: '<dir>',
    help: 'folder of example procedures (default: examples/procedures of the repository)',
  },
};

function examplesPart(calendar: WorkCalendar, dir: string | null): { text: string; ok: boolean } {
  const heading = '\n== 6. Thủ tục mẫu / Example procedures ==\n';
  if (dir === null || !existsSync(dir)) {
    const where = dir === null ? 'examples/procedures (no repository checkout found)' : `"${dir}"`;
    return {
      text: `${heading}Không tìm thấy thủ tục mẫu / example procedures not found: ${where}; skipped.\n`,
      ok: true,
    };
  }
  const { sections, ok } = exampleSections(calendar, dir);
  const near = relative(process.cwd(), dir);
  const shown = near.startsWith('..') ? dir : near || '.';
  const text = sections.map(({ title, body }) => `\n== ${title} ==\n${body}`).join('');
  return { text: `${heading}Thư mục / folder: ${shown}\n${text}`, ok };
}

function run(args: readonly string[], context: CommandContext): number {
  const { values } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    context.io.stdout.write(demoCommand.help());
    return 0;
  }
  const calendar = context.calendar();
  context.io.stdout.write(demoText(calendar));
  const dir = typeof values.examples === 'string' ? values.examples : defaultExamplesDir();
  const examples = examplesPart(calendar, dir);
  context.io.stdout.write(examples.text);
  // Auditors' side (issue 5): a Monte-Carlo run of the ward scenario and a replay of the example log.
  const io = { ...context.io, stdout: { write: (text: string) => context.io.stdout.write(fitWidth(text)) } };
  const simulated = demoSimulation(io);
  const replayed = demoReplay(io);
  return examples.ok && simulated === 0 && replayed === 0 ? 0 : 1;
}

/** `tthc demo [--examples <dir>]`. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'a tour: the calendar on realistic dossiers (Tết 2026, 15:00 cut-off…), then the example procedures run',
  help: () =>
    commandHelp(
      'tthc demo [--examples <dir>]',
      'Prints worked deadlines on embedded example dossiers, computed live by @tthc/calendar, then validates,\n' +
        'lints and runs every example procedure of examples/procedures with @tthc/core (skipped when not found).',
      OPTIONS,
    ),
  run,
};
