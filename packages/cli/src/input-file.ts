/**
 * Reading a command's input file, where `-` stands for standard input (clig.dev: "-" reads stdin).
 * Standard input is read once and kept, so a command that names `-` twice reads the same bytes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The file argument that means standard input. */
export const STDIN = '-';

let stdinBytes: Buffer | undefined;

/**
 * The bytes of an input file, or of standard input for `-`.
 * @throws the `fs` error (with its `code`, e.g. `ENOENT`) when the file cannot be read.
 * @example readInputBytes('-') // the bytes piped in
 */
export function readInputBytes(path: string): Buffer {
  if (path !== STDIN) return readFileSync(resolve(path));
  // File descriptor 0: works for pipes, redirected files and terminals alike.
  if (stdinBytes === undefined) stdinBytes = readFileSync(0);
  return stdinBytes;
}

/**
 * The UTF-8 text of an input file, or of standard input for `-`.
 * @example readInputText('process.json')
 */
export function readInputText(path: string): string {
  return readInputBytes(path).toString('utf8');
}
