/**
 * The `tthc` entry point as a function: parse global options, dispatch to a command, and turn
 * every failure into one line on stderr with a non-zero exit code (DESIGN.md §7).
 */
import { CalendarError, type VietnamCalendarOptions } from '@tthc/calendar';
import type { Command } from './commands/command.js';
import { createContext, loadCalendarOptions } from './context.js';
import { type CliIo, UsageError } from './io.js';
import { VERSION } from './version.js';

/**
 * A command as the registry knows it before it is loaded: its name, its help line, and how to load
 * it. Each command module is imported only when it runs, so `tthc deadline` loads the calendar and
 * nothing of core, sync or sim (issue 13: cold start).
 */
export interface CommandEntry {
  readonly name: string;
  /** One line for `tthc --help` (equal to the loaded command's `summary`; a test keeps them equal). */
  readonly summary: string;
  load(): Promise<Command>;
}

/** Every command, in the order `tthc --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'deadline',
    summary: 'due instant of a time limit from a receipt instant, with skipped days and reasons',
    load: async () => (await import('./commands/deadline.js')).deadlineCommand,
  },
  {
    name: 'days',
    summary: 'number of working days between two dates (both ends inclusive)',
    load: async () => (await import('./commands/days.js')).daysCommand,
  },
  {
    name: 'holidays',
    summary: 'official days off, compensatory days, swaps and make-up workdays of a year',
    load: async () => (await import('./commands/holidays.js')).holidaysCommand,
  },
  {
    name: 'lunar',
    summary: 'Vietnamese lunar dates (âm lịch) of solar dates',
    load: async () => (await import('./commands/lunar.js')).lunarCommand,
  },
  {
    name: 'validate',
    summary: 'check procedure, process and dossier JSON files; lint processes against their procedure',
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  {
    name: 'schema',
    summary: 'print the JSON Schema of a procedure, a process or a dossier event',
    load: async () => (await import('./commands/schema.js')).schemaCommand,
  },
  {
    name: 'run',
    summary: 'apply a dossier’s events to a process; print the control sheet, due, status and portal status',
    load: async () => (await import('./commands/run.js')).runCommand,
  },
  {
    name: 'steps',
    summary: 'read a work-flow table (.csv, .xlsx, .html, .md, .docx): steps, group budgets, declared total',
    load: async () => (await import('./commands/steps.js')).stepsCommand,
  },
  {
    name: 'diff',
    summary: 'typed differences between two catalogue / e-ISO / portal / OpenCPS documents; exit 2 on differences',
    load: async () => (await import('./commands/diff.js')).diffCommand,
  },
  {
    name: 'plan',
    summary:
      'plan the sync of e-ISO and portal processes (and check them against the catalogue); exit 2 when there is something to apply',
    load: async () => (await import('./commands/plan.js')).planCommand,
  },
  {
    name: 'apply',
    summary: 'apply a plan: write the patched e-ISO and portal documents; exit 2 when something was written',
    load: async () => (await import('./commands/apply.js')).applyCommand,
  },
  {
    name: 'coverage',
    summary:
      'compare the public list of procedures with the process documents: what has no process, what is not listed',
    load: async () => (await import('./commands/coverage.js')).coverageCommand,
  },
  {
    name: 'report',
    summary: 'report a plan: summary and per-procedure disagreements as HTML, Markdown or JSON',
    load: async () => (await import('./commands/report.js')).reportCommand,
  },
  {
    name: 'dvcqg',
    summary: 'DVCQG dossier sync: export a dossier’s DongBoHoSoMC and progress rows; import rows back into dossiers',
    load: async () => (await import('./commands/dvcqg.js')).dvcqgCommand,
  },
  {
    name: 'export-dvcqg',
    summary: 'same as `tthc dvcqg export`: a dossier as DVCQG DongBoHoSoMC payload + CapNhatTienDoHoSoMC rows',
    load: async () => (await import('./commands/dvcqg.js')).exportDvcqgCommand,
  },
  {
    name: 'import-progress',
    summary: 'same as `tthc dvcqg import`: rebuild dossiers from DVCQG progress rows (JSON or CSV)',
    load: async () => (await import('./commands/dvcqg.js')).importProgressCommand,
  },
  {
    name: 'simulate',
    summary: 'simulate dossiers through a process: on-time rate ± 95 % CI, lead times, bottlenecks, HTML report',
    load: async () => (await import('./commands/simulate.js')).simulateCommand,
  },
  {
    name: 'replay',
    summary: 'replay a dossier event log against a process: fitness, deviations, lateness, HTML report',
    load: async () => (await import('./commands/replay.js')).replayCommand,
  },
  {
    name: 'store',
    summary: 'dossiers in PostgreSQL (embedded PGlite folder or a server): import, due/overdue, outbox, migrate',
    load: async () => (await import('./commands/store.js')).storeCommand,
  },
  {
    name: 'demo',
    summary:
      "a tour: the sync of a ward's e-ISO and portal processes (plan, report, apply), then the calendar, dossiers, simulation",
    load: async () => (await import('./commands/demo.js')).demoCommand,
  },
];

/**
 * Top-level help: commands and global options.
 * @example mainHelp().startsWith('tthc ') // true
 */
export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const commands = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return (
    `tthc ${VERSION} — Vietnamese administrative procedures (thủ tục hành chính): working-time calendar,\n` +
    'procedure and process validation, dossier runs\n\n' +
    'Usage: tthc [--calendar <file.json>] <command> [options] [--json]\n\n' +
    `Commands:\n${commands}\n\n` +
    'Global options:\n' +
    '  --calendar <file.json>  VietnamCalendarOptions as JSON (extraDaysOff, extraWorkingDays, removeDaysOff,\n' +
    '                          fixedHolidays, weekly, zone…): a province’s own days or a new notice, no release needed\n' +
    '  --help, -h              show help (also: tthc <command> --help)\n' +
    '  --version, -V, -v      print the version\n\n' +
    'A file argument `-` reads standard input. Machine output (--json) goes to stdout; messages go to stderr.\n' +
    'Bad input exits 1 with one line; an internal error exits 70 with one line naming the error.\n'
  );
}

interface GlobalArgs {
  readonly calendarPath: string | undefined;
  readonly rest: readonly string[];
}

/** Pulls `--calendar <file>` / `--calendar=<file>` out of argv wherever it appears. */
function extractGlobal(argv: readonly string[]): GlobalArgs {
  const rest: string[] = [];
  let calendarPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--calendar') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) {
        throw new UsageError('--calendar needs a value <file.json>: a JSON file of VietnamCalendarOptions');
      }
      calendarPath = value;
      i++;
    } else if (arg.startsWith('--calendar=')) {
      calendarPath = arg.slice('--calendar='.length);
    } else {
      rest.push(arg);
    }
  }
  return { calendarPath, rest };
}

/** One line, whatever the error: messages never span lines and never carry a stack trace. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Bad input, as opposed to a bug: the user's arguments or data (calendar or core validation). A
 * CoreError is recognised by its name, so that this file need not load @tthc/core (commands that do
 * not use it start faster); core's error class sets `name = 'CoreError'`.
 */
function isInputError(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    error instanceof CalendarError ||
    (error instanceof Error && error.name === 'CoreError')
  );
}

/**
 * The one line of an internal error, naming the error's class and code so that a report of it can be
 * told apart (`internal error: RangeError: Maximum call stack size exceeded`); never a stack trace.
 * @example describeInternalError(Object.assign(new Error('x'), { code: 'EIO' })) // 'internal error: Error EIO: x'
 */
export function describeInternalError(error: unknown): string {
  if (!(error instanceof Error)) return `internal error: ${oneLine(String(error))}`;
  const code = (error as { code?: unknown }).code;
  const label = typeof code === 'string' || typeof code === 'number' ? `${error.name} ${code}` : error.name;
  return `internal error: ${label}: ${oneLine(error.message)}`;
}

function describeFailure(error: unknown): string {
  if (isInputError(error)) return oneLine((error as Error).message);
  return describeInternalError(error);
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const { calendarPath, rest } = extractGlobal(argv);
  const [first, ...args] = rest;
  // clig.dev: a bare command prints its help (on stdout, exit 0) rather than an error.
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(mainHelp());
    return 0;
  }
  if (first === '--version' || first === '-V' || first === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    throw new UsageError(`unknown command "${first}"; expected one of ${COMMANDS.map((c) => c.name).join(', ')}`);
  }
  const options: VietnamCalendarOptions | undefined = calendarPath ? loadCalendarOptions(calendarPath) : undefined;
  return (await command.load()).run(args, createContext(io, options, calendarPath));
}

/** The command name for error prefixes: the first known command in argv, if any. */
function commandName(argv: readonly string[]): string {
  const name = argv.find((arg) => COMMANDS.some((c) => c.name === arg));
  return name ? `tthc ${name}` : 'tthc';
}

/**
 * Runs `tthc` with the given arguments (without `node` and the script path) and returns the exit
 * code: 0 on success, 1 on bad input (one line on stderr naming the argument, the value and the
 * accepted forms), 70 on an internal error.
 * @example
 * const code = await run(['deadline', '--start', '2026-02-13T16:30:00+07:00', '--duration', '3d', '--json']);
 */
export async function run(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    io.stderr.write(`${commandName(argv)}: ${describeFailure(error)}\n`);
    return isInputError(error) ? 1 : 70;
  }
}
