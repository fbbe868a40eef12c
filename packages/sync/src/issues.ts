/**
 * What adapters report: problems found in a native document (as data, never thrown), and where each
 * canonical value came from (provenance). STYLE habit 5: problems are data with a closed code union.
 */
import type { DataIssue } from '@tthc/core';

/** The three systems `@tthc/sync` reads and writes. */
export type SystemName = 'catalogue' | 'eiso' | 'portal';

/**
 * Where a problem or a value came from: one of the systems, a step table read from a file, or the
 * one-stop product whose export it is (`opencps`: an OpenCPS v2 process; `reactflow`: a Thanh Hóa-style
 * case with its ReactFlow graph) — both play the portal's part in a sync.
 */
export type SourceName = SystemName | 'table' | 'opencps' | 'reactflow';

/** Closed list of adapter issue codes. */
export type AdapterIssueCode =
  /** The native document does not have the documented shape (wrong type, missing required field). */
  | 'format.invalid'
  /** A value is present but cannot be read (duration text, date, number). */
  | 'value.unreadable'
  /** A catalogue channel code (KENH) outside 1 | 2 | 3. */
  | 'channel.unknown'
  /** Two steps would get the same key. */
  | 'step.duplicateKey'
  /** A step id that cannot be a canonical step key. */
  | 'step.badKey'
  /** An edge or "return to step" that names a step which does not exist. */
  | 'step.unknownTarget'
  /** A portal case (TruongHop) that was asked for and does not exist. */
  | 'case.notFound'
  /** More than one value where the canonical model keeps one (the first is used). */
  | 'value.ignored'
  /** The canonical document built from the native one is invalid (e.g. no steps). */
  | 'canonical.invalid'
  /** A bare number read in the default unit: neither the header nor the caller named one (a warning). */
  | 'value.assumedUnit'
  /** A fact the document does not hold (agency, effective date, performer), read as a stated placeholder (a warning). */
  | 'value.assumed'
  /** The product's own programs read a value differently (e.g. importer and due-date code), read as the due dates are computed (a warning). */
  | 'value.ambiguous'
  /** A step table without a recognisable header row. */
  | 'table.noHeader'
  /** A workbook sheet that was asked for (by name or index) and does not exist, or is not a worksheet. */
  | 'sheet.notFound'
  /** The description (MOTA) of a time limit states a different limit than the structured field (a warning). */
  | 'limit.textMismatch'
  /** A step table whose header names a content and a time column but not a column the reading needs. */
  | 'table.noColumn'
  /** A bound on untrusted input was reached (size, rows, cells, spans, nesting, zip entries). */
  | 'table.limit'
  /** An unnumbered note row, folded into the step above it (a warning). */
  | 'table.noteRow'
  /** The step times do not add up to the declared total (a warning naming the difference). */
  | 'table.totalMismatch'
  /** A document holds several step tables and none was chosen (a warning; the first is read). */
  | 'table.notChosen'
  /** A table that was asked for (by index or procedure code) does not exist. */
  | 'table.notFound'
  /**
   * A resource limit was reached (input size, inflated bytes, entries, cells, merges, spans, depth):
   * the message names the limit and how to raise it; nothing past it is read.
   */
  | 'limit.exceeded';

/** One problem an adapter found, with the path and the JSON pointer into the native document. */
export interface AdapterIssue extends DataIssue {
  readonly code: AdapterIssueCode;
  /** `error` makes the parse fail (no value); `warning` is reported and the value is still built. */
  readonly severity: 'error' | 'warning';
  readonly system: SourceName;
  /** RFC 6901 JSON pointer into the native document (`/NoiDung/QuyTrinhXuLy/2/ThoiGian`). */
  readonly pointer: string;
}

/** Where one canonical value came from. */
export interface Origin {
  readonly system: SourceName;
  /** RFC 6901 JSON pointer into the native document. */
  readonly pointer: string;
}

/** Canonical JSON pointer (`/steps/2/budget`) → origin in the native document. */
export type Provenance = Map<string, Origin>;

/** The result of `adapter.parse`: the canonical value when there is no error, always the issues. */
export interface AdapterResult<T> {
  /** True when no issue has severity `error`; then `value` is set. */
  readonly ok: boolean;
  readonly value: T | undefined;
  readonly issues: readonly AdapterIssue[];
  readonly provenance: Provenance;
}

/** An adapter: one system's native document ↔ one canonical value (STYLE habit 9). */
export interface Adapter<T, Native, ParseOptions = undefined> {
  readonly system: SystemName;
  /** Reads a native document; data problems come back as issues, never as a throw. */
  parse(raw: unknown, options?: ParseOptions): AdapterResult<T>;
  /**
   * Writes `value` back into a copy of `original` (every field the adapter does not understand is
   * kept; a field whose canonical meaning did not change keeps its native wording), or builds a new
   * native document when there is no original.
   */
  serialize(value: T, original?: Native): Native;
}
