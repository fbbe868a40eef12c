/**
 * `tthc validate`: checks procedure, process and dossier files against the `@tthc/core` schemas and
 * lints a process against its procedure. The file reading it shares with `run` and `demo` lives in
 * `../json-file.ts`, `../document-kind.ts`, `../dossier-file.ts` and `../procedure-files.ts`; the
 * findings and their text in `../validation-issues.ts`.
 */
import type { WorkCalendar } from '@tthc/calendar';
import {
  formatPath,
  lintProcess,
  type Procedure,
  type Process,
  safeParseProcedure,
  safeParseProcess,
} from '@tthc/core';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { DOCUMENT_KINDS, type DocumentKind, detectKind } from '../document-kind.js';
import { checkDossierFile } from '../dossier-file.js';
import { json } from '../format.js';
import { UsageError } from '../io.js';
import { readJsonFile } from '../json-file.js';
import { procedurePathFor } from '../procedure-files.js';
import {
  type FileValidation,
  schemaIssues,
  type ValidationIssue,
  validationText,
  withoutPath,
} from '../validation-issues.js';
import type { Command } from './command.js';

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
