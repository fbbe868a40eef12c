import type * as z from 'zod';
import { CoreError, type DataIssue, formatPath } from '../errors.js';
import { type Process, ProcessSchema } from './process.js';
import { type Procedure, ProcedureSchema } from './procedure.js';

/** Result of a non-throwing parse. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly issues: readonly [] }
  | { readonly ok: false; readonly issues: readonly DataIssue[] };

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/** A short rendering of an offending value that never throws (BigInt, cycles, deep nesting). */
function showValue(value: unknown): string {
  try {
    return (typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value))).slice(0, 80);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Turns zod issues into `DataIssue`s that carry the path and the offending value.
 * @example const r = ProcessSchema.safeParse(json); if (!r.success) toDataIssues(r.error, json)
 */
export function toDataIssues(error: z.ZodError, input: unknown): DataIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const value = valueAt(input, path);
    const shown = value === undefined ? '' : ` (got ${showValue(value)})`;
    return { path, message: `${formatPath(path)}: ${issue.message}${shown}`, value };
  });
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data, issues: [] } : { ok: false, issues: toDataIssues(r.error, input) };
}

/**
 * Validates a procedure without throwing.
 * @example const r = safeParseProcedure(json); if (!r.ok) console.error(r.issues.map((i) => i.message));
 */
export function safeParseProcedure(input: unknown): ParseResult<Procedure> {
  return parseWith(ProcedureSchema, input);
}

/**
 * Validates a process without throwing.
 * @example const r = safeParseProcess(json); if (r.ok) console.log(r.value.steps.length);
 */
export function safeParseProcess(input: unknown): ParseResult<Process> {
  return parseWith(ProcessSchema, input);
}

/**
 * Validates a procedure (catalogue facts) and fills defaults.
 * @throws {CoreError} `INVALID_PROCEDURE` with every issue and its path.
 * @example const procedure = parseProcedure(JSON.parse(text));
 */
export function parseProcedure(input: unknown): Procedure {
  const r = safeParseProcedure(input);
  if (r.ok) return r.value;
  throw new CoreError('INVALID_PROCEDURE', `invalid procedure: ${r.issues[0]?.message}`, r.issues);
}

/**
 * Validates a process and fills defaults (counting rule `working-time`, supplementation `restart`).
 * @throws {CoreError} `INVALID_PROCESS` with every issue and its path.
 * @example const process = parseProcess(JSON.parse(text));
 */
export function parseProcess(input: unknown): Process {
  const r = safeParseProcess(input);
  if (r.ok) return r.value;
  throw new CoreError('INVALID_PROCESS', `invalid process: ${r.issues[0]?.message}`, r.issues);
}
