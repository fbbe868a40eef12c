/** Stable codes of the errors `@tthc/core` throws. */
export type CoreErrorCode =
  | 'INVALID_PROCEDURE'
  | 'INVALID_PROCESS'
  | 'INVALID_EVENT'
  | 'INVALID_ENVELOPE'
  | 'INVALID_DOSSIER_CODE'
  | 'NO_PROCESS_VERSION'
  | 'UNKNOWN_IMPLEMENTATION'
  | 'EVENT_REJECTED'
  | 'INVALID_OPTIONS'
  /** A resource limit of an operation was reached (the message names the limit and how to raise it). */
  | 'LIMIT_EXCEEDED';

/** One problem found in input data, with the JSON path to the offending value. */
export interface DataIssue {
  /** Path segments from the document root, e.g. `['steps', 2, 'budget', 'unit']`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** The offending value, when there is one. */
  readonly value?: unknown;
}

/**
 * The error class of `@tthc/core`: a stable `code`, a message naming the culprit, and the full
 * list of `issues` (each with its path) when the input was data.
 * @example
 * try { parseProcess(json) } catch (e) { if (e instanceof CoreError) console.error(e.issues) }
 */
export class CoreError extends Error {
  override readonly name = 'CoreError';
  constructor(
    readonly code: CoreErrorCode,
    message: string,
    readonly issues: readonly DataIssue[] = [],
  ) {
    super(message);
  }
}

/**
 * Formats a path as a JSON-pointer-like string: `steps[2].budget.unit`.
 * @example formatPath(['steps', 2, 'budget', 'unit']) // 'steps[2].budget.unit'
 */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(root)';
}
