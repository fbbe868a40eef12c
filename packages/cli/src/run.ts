/**
 * The `tthc` entry point as a function: parse global options, dispatch to a command, and turn
 * every failure into one line on stderr with a non-zero exit code (DESIGN.md §7).
 */
import { CalendarError, type VietnamCalendarOptions } from '@tthc/calendar';
import { CoreError } from '@tthc/core';
import type { Command } from './commands/command.js';
import { applyCommand } from './commands/apply.js';
import { daysCommand } from './commands/days.js';
import { deadlineCommand } from './commands/deadline.js';
import { demoCommand } from './commands/demo.js';
import { diffCommand } from './commands/diff.js';
import { dvcqgCommand, exportDvcqgCommand, importProgressCommand } from './commands/dvcqg.js';
import { holidaysCommand } from './commands/holidays.js';
import { lunarCommand } from './commands/lunar.js';
import { planCommand } from './commands/plan.js';
import { replayCommand } from './commands/replay.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { simulateCommand } from './commands/simulate.js';
import { stepsCommand } from './commands/steps.js';
import { storeCommand } from './commands/store.js';
import { validateCommand } from './commands/validate.js';
import { createContext, loadCalendarOptions } from './context.js';
import { type CliIo, UsageError } from './io.js';
import { VERSION } from './version.js';

/** Every command, in the order `tthc --help` lists them. */
export const COMMANDS: readonly Command[] = [
  deadlineCommand,
  daysCommand,
  holidaysCommand,
  lunarCommand,
  validateCommand,
  schemaCommand,
  runCommand,
  stepsCommand,
  diffCommand,
  planCommand,
  applyCommand,
  reportCommand,
  dvcqgCommand,
  exportDvcqgCommand,
  importProgressCommand,
  simulateCommand,
  replayCommand,
  storeCommand,
  demoCommand,
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
    '  --version, -v           print the version\n\n' +
    'Machine output (--json) goes to stdout; messages go to stderr. Bad input exits 1 with one line.\n'
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

/** Bad input, as opposed to a bug: the user's arguments or data (calendar or core validation). */
function isInputError(error: unknown): boolean {
  return error instanceof UsageError || error instanceof CalendarError || error instanceof CoreError;
}

function describeFailure(error: unknown): string {
  if (isInputError(error)) return oneLine((error as Error).message);
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${oneLine(message)}`;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const { calendarPath, rest } = extractGlobal(argv);
  const [first, ...args] = rest;
  if (first === undefined) {
    throw new UsageError(`missing command; expected one of ${COMMANDS.map((c) => c.name).join(', ')} (tthc --help)`);
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(mainHelp());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    throw new UsageError(`unknown command "${first}"; expected one of ${COMMANDS.map((c) => c.name).join(', ')}`);
  }
  const options: VietnamCalendarOptions | undefined = calendarPath ? loadCalendarOptions(calendarPath) : undefined;
  return command.run(args, createContext(io, options, calendarPath));
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
