/** Where the CLI writes: machine output on `stdout`, messages and progress on `stderr`. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * True when the stream is a terminal. Progress lines redrawn with `\r` are drawn only there: in a log,
 * a file or a pipe they would be garbage (clig.dev).
 * @example isTerminal(process.stderr)
 */
export function isTerminal(stream: CliIo['stderr']): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

/**
 * Bad input from the user: printed as ONE line `tthc <command>: <message>` with exit code 1
 * (DESIGN.md §7: non-zero exit with a one-line message naming the bad field).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Collects everything written to it, for tests and for embedding the CLI.
 * @example
 * const io = memoryIo(); await run(['days', '--from', '2026-02-01', '--to', '2026-02-28'], io); io.out();
 */
export function memoryIo(): CliIo & { out(): string; err(): string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  };
}
