/**
 * What a document file holds — a procedure, a process or a dossier — told from its shape, for
 * `tthc validate` without `--kind`.
 */

/** What a document file holds. */
export type DocumentKind = 'procedure' | 'process' | 'dossier';

/** Every {@link DocumentKind}, in the order `--kind` lists them. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['procedure', 'process', 'dossier'];

/**
 * True for a plain object (not `null`, not an array).
 * @example isRecord({ id: 'x' }) // true
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
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
