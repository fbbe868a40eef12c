/**
 * Procedure and process files: reading one (a schema failure is a `UsageError` naming the file and
 * its first issue), and finding the procedure a process belongs to.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Procedure, type Process, safeParseProcedure, safeParseProcess } from '@tthc/core';
import { UsageError } from './io.js';
import { readJsonFile } from './json-file.js';

/**
 * Reads a procedure file.
 * @throws {UsageError} naming the file and its first schema issue.
 * @example loadProcedure('examples/procedures/dang-ky-khai-sinh/procedure.json').code // '1.001193'
 */
export function loadProcedure(path: string): Procedure {
  const result = safeParseProcedure(readJsonFile(path));
  if (result.ok) return result.value;
  throw new UsageError(`"${path}" is not a valid procedure: ${result.issues[0]?.message} (tthc validate "${path}")`);
}

/**
 * Reads a process file.
 * @throws {UsageError} naming the file and its first schema issue.
 * @example loadProcess('examples/procedures/dang-ky-khai-sinh/process.json').version // '2025.1'
 */
export function loadProcess(path: string): Process {
  const result = safeParseProcess(readJsonFile(path));
  if (result.ok) return result.value;
  throw new UsageError(`"${path}" is not a valid process: ${result.issues[0]?.message} (tthc validate "${path}")`);
}

/**
 * The procedure a process is linted against: `--procedure <file>` when given, else `procedure.json` in
 * the process's folder; `null` when there is none.
 * @example procedurePathFor('examples/procedures/dang-ky-khai-sinh/process.json', undefined)
 */
export function procedurePathFor(processFile: string, explicit: string | undefined): string | null {
  if (explicit !== undefined) return explicit;
  const beside = join(dirname(processFile), 'procedure.json');
  return existsSync(resolve(beside)) ? beside : null;
}
