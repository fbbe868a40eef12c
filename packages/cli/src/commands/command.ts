import type { CommandContext } from '../context.js';

/** One `tthc` sub-command. */
export interface Command {
  readonly name: string;
  /** One line for `tthc --help`. */
  readonly summary: string;
  /** Full usage text for `tthc <name> --help`. */
  help(): string;
  /** Runs the command; returns the exit code. Bad input throws `UsageError` or `CalendarError`. */
  run(args: readonly string[], context: CommandContext): number | Promise<number>;
}
