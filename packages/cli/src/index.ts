/**
 * @tthc/cli — the `tthc` command as a library: `run(argv, io)` returns the exit code.
 * @packageDocumentation
 */
export { run, mainHelp, COMMANDS, type CommandEntry } from './run.js';
export { type CliIo, UsageError, memoryIo } from './io.js';
export type { Command } from './commands/command.js';
export { VERSION } from './version.js';
