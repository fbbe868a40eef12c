/**
 * The dossier file `{ id, receivedAt, channel, events }` (the example `dossier-*.json`): its shape,
 * its check against the `@tthc/core` schemas, and reading one for `tthc run`, `demo` and `dvcqg`.
 */
import {
  ChannelSchema,
  type ChannelKind,
  type DossierEvent,
  DossierEventSchema,
  InstantTextSchema,
  toDataIssues,
} from '@tthc/core';
import { isRecord } from './document-kind.js';
import { UsageError } from './io.js';
import { readJsonFile } from './json-file.js';
import { schemaIssues, type ValidationIssue } from './validation-issues.js';

/** A dossier file: what the desk recorded on receipt, and the events since (the example `dossier-*.json`). */
export interface DossierFile {
  readonly id: string;
  readonly receivedAt: string;
  readonly channel: ChannelKind;
  readonly events: readonly DossierEvent[];
}

const DOSSIER_KEYS = ['$schema', 'id', 'receivedAt', 'channel', 'events'];

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
 * Reads a dossier file `{ id, receivedAt, channel, events }`.
 * @throws {UsageError} naming the file, the path and the problem.
 * @example loadDossierFile('examples/procedures/dang-ky-khai-sinh/dossier-tet-2026.json').id
 */
export function loadDossierFile(path: string): DossierFile {
  const { value, issues } = checkDossierFile(readJsonFile(path));
  if (value) return value;
  const first = issues.find((i) => i.severity === 'error');
  throw new UsageError(`"${path}" is not a valid dossier file: ${first?.path}: ${first?.message}`);
}
