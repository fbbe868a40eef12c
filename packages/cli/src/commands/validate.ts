/**
 * `tthc validate`: checks procedure, process and dossier files against the `@tthc/core` schemas and
 * lints a process against its procedure. Also the file reading the other document commands share
 * (`run`, `demo`): JSON with a precise syntax position, kind detection, the dossier file shape.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { WorkCalendar } from '@tthc/calendar';
import {
  ChannelSchema,
  type ChannelKind,
  type DataIssue,
  type DossierEvent,
  DossierEventSchema,
  formatPath,
  InstantTextSchema,
  type LintSeverity,
  lintProcess,
  type Procedure,
  type Process,
  safeParseProcedure,
  safeParseProcess,
  toDataIssues,
} from '@tthc/core';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { json } from '../format.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

/** What a document file holds. */
export type DocumentKind = 'procedure' | 'process' | 'dossier';

/** Every {@link DocumentKind}, in the order `--kind` lists them. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['procedure', 'process', 'dossier'];

/** One finding of `tthc validate`: a schema issue (`code: 'schema'`), a lint issue, or a file-level note. */
export interface ValidationIssue {
  /** Path in the document, e.g. `steps[2].budget`; lint paths starting with `procedure` point into the procedure. */
  readonly path: string;
  readonly message: string;
  /** `schema`, a `LintCode`, or `unknown-kind`, `unknown-key`, `lint-skipped`. */
  readonly code: string;
  readonly severity: LintSeverity;
}

/** The result of validating one file (`--json` → `files[i]`). */
export interface FileValidation {
  readonly file: string;
  readonly kind: DocumentKind | null;
  /** False when any issue is an error. */
  readonly valid: boolean;
  readonly issues: readonly ValidationIssue[];
}

/** Where a JSON text stops being JSON. */
export interface JsonSyntaxError {
  readonly position: number;
  /** 1-based line and column of {@link JsonSyntaxError.position}. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Scans one JSON string starting at `i` (on the quote); returns the index after it, or the error offset. */
function scanString(text: string, i: number): { end: number } | { error: number; message: string } {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (c === '"') return { end: j + 1 };
    if (c === '\\') {
      ESCAPE.lastIndex = j;
      if (!ESCAPE.test(text)) return { error: j, message: 'bad escape in string' };
      j = ESCAPE.lastIndex;
    } else if (c < ' ') {
      return { error: j, message: 'control character in string' };
    } else {
      j++;
    }
  }
  return { error: text.length, message: 'unterminated string' };
}

function describeAt(text: string, i: number): string {
  return i >= text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}`;
}

function syntaxError(text: string, position: number, message: string): JsonSyntaxError {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { position, line, column: position - before.lastIndexOf('\n'), message };
}

/**
 * Finds the first syntax error of a JSON text (RFC 8259) with its line and column, or `null` when
 * the text is valid JSON. Node 20's `JSON.parse` messages do not always give a position; this does.
 * Iterative (an explicit stack), so deep nesting cannot overflow the call stack.
 * @example jsonSyntaxError('{"a": }') // { position: 6, line: 1, column: 7, message: 'unexpected "}"' }
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: string[] = [];
  let i = 0;
  let state: 'value' | 'key' | 'after' = 'value';
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  for (;;) {
    skip();
    const c = text[i];
    if (state === 'key') {
      if (c !== '"') return syntaxError(text, i, `${describeAt(text, i)}, expected a property name`);
      const s = scanString(text, i);
      if ('error' in s) return syntaxError(text, s.error, s.message);
      i = s.end;
      skip();
      if (text[i] !== ':') return syntaxError(text, i, `${describeAt(text, i)}, expected ":"`);
      i++;
      state = 'value';
    } else if (state === 'value') {
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skip();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) {
          stack.pop();
          i++;
          state = 'after';
        } else {
          state = c === '{' ? 'key' : 'value';
        }
      } else if (c === '"') {
        const s = scanString(text, i);
        if ('error' in s) return syntaxError(text, s.error, s.message);
        i = s.end;
        state = 'after';
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        NUMBER.lastIndex = i;
        if (literal) i += literal.length;
        else if (NUMBER.test(text)) i = NUMBER.lastIndex;
        else return syntaxError(text, i, `${describeAt(text, i)}, expected a value`);
        state = 'after';
      }
    } else {
      const top = stack.at(-1);
      if (top === undefined)
        return i >= text.length ? null : syntaxError(text, i, `${describeAt(text, i)} after the JSON value`);
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if (c === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else {
        return syntaxError(text, i, `${describeAt(text, i)}, expected "," or "${top === '{' ? '}' : ']'}"`);
      }
    }
  }
}

/**
 * Reads and parses a JSON file (a leading byte-order mark is allowed).
 * @throws {UsageError} naming the file and the reason: `cannot be read (ENOENT)`, or the syntax error with
 * its line, column and position.
 * @example readJsonFile('examples/procedures/dang-ky-khai-sinh/procedure.json')
 */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new UsageError(`"${path}" cannot be read (${code}); expected a JSON file`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const found = jsonSyntaxError(text);
    const reason = found
      ? `${found.message} at line ${found.line} column ${found.column} (position ${found.position})`
      : String((error as Error).message);
    throw new UsageError(`"${path}" is not valid JSON: ${reason}`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The kind of a parsed document by its shape: `events` → dossier, `steps` → process, `channels` →
 * procedure; `null` when none fits.
 * @example detectKind({ code: '1.001193', channels: [] }) // 'procedure'
 */
export function detectKind(doc: unknown): DocumentKind | null {
  if (!isRecord(doc)) return null;
  if (Array.isArray(doc.events)) return 'dossier';
  if (Array.isArray(doc.steps)) return 'process';
  if (Array.isArray(doc.channels)) return 'procedure';
  return null;
}

/** A dossier file: what the desk recorded on receipt, and the events since (the example `dossier-*.json`). */
export interface DossierFile {
  readonly id: string;
  readonly receivedAt: string;
  readonly channel: ChannelKind;
  readonly events: readonly DossierEvent[];
}

const DOSSIER_KEYS = ['$schema', 'id', 'receivedAt', 'channel', 'events'];

function schemaIssues(issues: readonly DataIssue[], prefix: readonly (string | number)[]): ValidationIssue[] {
  return issues.map((issue) => {
    const message = withoutPath(issue.message, formatPath(issue.path));
    return { path: formatPath([...prefix, ...issue.path]), message, code: 'schema', severity: 'error' };
  });
}

/** Anything with zod's `safeParse` (the core schemas), without importing zod here. */
interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: Parameters<typeof toDataIssues>[0] };
}

function zodIssues(schema: SafeParser, value: unknown, prefix: readonly (string | number)[]): ValidationIssue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : schemaIssues(toDataIssues(result.error, value), prefix);
}

/**
 * Checks a dossier file: `id` (mã số hồ sơ), `receivedAt` (ISO 8601 with offset), `channel`, and every
 * event against `DossierEventSchema`. Unknown top-level keys are warnings (a file may carry notes).
 * @example checkDossierFile(JSON.parse(text)).issues // [] when valid
 */
export function checkDossierFile(doc: unknown): { value: DossierFile | null; issues: ValidationIssue[] } {
  if (!isRecord(doc)) {
    const message = 'expected a dossier object {"id", "receivedAt", "channel", "events"}';
    return { value: null, issues: [{ path: '(root)', message, code: 'schema', severity: 'error' }] };
  }
  const issues: ValidationIssue[] = [];
  if (typeof doc.id !== 'string' || doc.id.trim() === '') {
    const message = `expected the dossier id (mã số hồ sơ), a non-empty string (got ${JSON.stringify(doc.id) ?? 'nothing'})`;
    issues.push({ path: 'id', message, code: 'schema', severity: 'error' });
  }
  issues.push(...zodIssues(InstantTextSchema, doc.receivedAt, ['receivedAt']));
  issues.push(...zodIssues(ChannelSchema.shape.channel, doc.channel, ['channel']));
  issues.push(...zodIssues(DossierEventSchema.array(), doc.events, ['events']));
  for (const key of Object.keys(doc).filter((k) => !DOSSIER_KEYS.includes(k))) {
    const message = `unknown key "${key}" (a dossier file has ${DOSSIER_KEYS.slice(1).join(', ')})`;
    issues.push({ path: key, message, code: 'unknown-key', severity: 'warning' });
  }
  const ok = issues.every((i) => i.severity !== 'error');
  return { value: ok ? (doc as unknown as DossierFile) : null, issues };
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

/** Options of {@link validateDocument}. */
export interface ValidateDocumentOptions {
  readonly calendar: WorkCalendar;
  /** The procedure file to lint a process against (see {@link procedurePathFor}). */
  readonly procedureFile?: string | null;
  /** Forces the kind instead of detecting it. */
  readonly kind?: DocumentKind;
}

function lintIssues(doc: unknown, options: ValidateDocumentOptions): ValidationIssue[] {
  const process = safeParseProcess(doc);
  if (!process.ok) return schemaIssues(process.issues, []);
  const file = options.procedureFile;
  if (!file) {
    const message = 'no procedure.json beside the process and no --procedure <file>: lint skipped';
    return [{ path: '(root)', message, code: 'lint-skipped', severity: 'warning' }];
  }
  const procedure = safeParseProcedure(readJsonFile(file));
  if (!procedure.ok) {
    const message = `procedure "${file}" is not a valid procedure (${procedure.issues[0]?.message}): lint skipped`;
    return [{ path: '(root)', message, code: 'lint-skipped', severity: 'warning' }];
  }
  return lintWith(procedure.value, process.value, options.calendar);
}

/** Drops a leading `path: ` from a message (core messages name their path; the line shows it once). */
function withoutPath(message: string, path: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}

function lintWith(procedure: Procedure, process: Process, calendar: WorkCalendar): ValidationIssue[] {
  return lintProcess(procedure, process, { calendar }).map((issue) => {
    const path = formatPath(issue.path);
    return { path, message: withoutPath(issue.message, path), code: issue.code, severity: issue.severity };
  });
}

/**
 * Validates one parsed document: schema issues, plus the lint of a process against its procedure
 * (with the given calendar, so calendar-day and same-day limits are compared).
 * @example validateDocument('process.json', json, { calendar: vietnamCalendar(), procedureFile: 'procedure.json' })
 */
export function validateDocument(file: string, doc: unknown, options: ValidateDocumentOptions): FileValidation {
  const kind = options.kind ?? detectKind(doc);
  let issues: ValidationIssue[];
  if (kind === null) {
    const message =
      'cannot tell a procedure ("channels"), a process ("steps") or a dossier ("events") apart: pass --kind';
    issues = [{ path: '(root)', message, code: 'unknown-kind', severity: 'error' }];
  } else if (kind === 'procedure') {
    const result = safeParseProcedure(doc);
    issues = result.ok ? [] : schemaIssues(result.issues, []);
  } else if (kind === 'process') {
    issues = lintIssues(doc, options);
  } else {
    issues = checkDossierFile(doc).issues;
  }
  return { file, kind, valid: issues.every((i) => i.severity !== 'error'), issues };
}

const OPTIONS: OptionSpecs = {
  kind: { type: 'string', value: '<kind>', help: 'procedure, process or dossier (default: detected from the shape)' },
  procedure: {
    type: 'string',
    value: '<file>',
    help: 'procedure to lint processes against (default: procedure.json beside each process)',
  },
  json: { type: 'boolean', help: 'print {"files": [{"file", "kind", "valid", "issues"}]} as JSON' },
};

function parseKind(value: string | boolean | undefined): DocumentKind | undefined {
  if (value === undefined) return undefined;
  const kind = DOCUMENT_KINDS.find((k) => k === value);
  if (!kind)
    throw new UsageError(`--kind "${String(value)}" is not a document kind; expected ${DOCUMENT_KINDS.join(', ')}`);
  return kind;
}

const SEVERITY_VI: Record<LintSeverity, string> = { error: 'lỗi', warning: 'cảnh báo', info: 'ghi chú' };

/**
 * One issue as one line: `path: message [code/severity]`.
 * @example issueLine({ path: 'steps[1].budget', message: 'too long', code: 'budget-exceeds-limit', severity: 'error' })
 */
export function issueLine(issue: ValidationIssue): string {
  return `${issue.path}: ${issue.message} [${issue.code}/${issue.severity}]`;
}

/**
 * A file's result for people: a header line, then one indented line per issue.
 * @example validationText(validateDocument(file, doc, { calendar }))
 */
export function validationText(result: FileValidation): string {
  const count = (severity: LintSeverity) => result.issues.filter((i) => i.severity === severity).length;
  const counts = (['error', 'warning', 'info'] as const)
    .filter((s) => count(s) > 0)
    .map((s) => `${count(s)} ${SEVERITY_VI[s]} (${s})`);
  const verdict = result.valid ? 'hợp lệ (valid)' : 'không hợp lệ (invalid)';
  const header = `${result.file} [${result.kind ?? '?'}]: ${verdict}${counts.length ? ` — ${counts.join(', ')}` : ''}`;
  return [header, ...result.issues.map((i) => `  ${issueLine(i)}`)].join('\n') + '\n';
}

function run(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(validateCommand.help());
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('expected at least one <file> to validate (tthc validate --help)');
  const kind = parseKind(values.kind);
  const explicit = typeof values.procedure === 'string' ? values.procedure : undefined;
  if (explicit !== undefined) readJsonFile(explicit);
  const files = positionals.map((file) =>
    validateDocument(file, readJsonFile(file), {
      calendar: context.calendar(),
      procedureFile: procedurePathFor(file, explicit),
      ...(kind ? { kind } : {}),
    }),
  );
  context.io.stdout.write(values.json ? json({ files }) : files.map(validationText).join(''));
  return files.every((f) => f.valid) ? 0 : 1;
}

/** `tthc validate <file...> [--kind procedure|process|dossier] [--procedure <file>] [--json]`. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check procedure, process and dossier JSON files; lint processes against their procedure',
  help: () =>
    commandHelp(
      'tthc validate <file...> [--kind procedure|process|dossier] [--procedure <file>] [--json]',
      'Validates each file with the @tthc/core schema of its kind (detected from its shape) and lints a\n' +
        'process against its procedure on the Vietnam calendar. One line per issue: path: message [code/severity].\n' +
        'Exit 1 when any file has an error (schema or lint error); warnings and notes keep exit 0.',
      OPTIONS,
    ),
  run,
};
