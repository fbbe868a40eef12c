/**
 * Bounds on untrusted documents (STYLE: untrusted input is bounded, with defaults, at linear cost).
 * Real step tables are small — a decision with eight procedures is a few hundred rows — so the
 * defaults leave room by two orders of magnitude and stop a crafted file (huge spans, a zip bomb,
 * deeply nested tables) long before it costs memory or time.
 */

/** Limits of the document and table readers; every one has a default ({@link DEFAULT_TABLE_LIMITS}). */
export interface TableLimits {
  /** Characters of HTML/Markdown text, or bytes of a DOCX/XLSX file, read at most. */
  readonly maxInputBytes: number;
  /** Rows of one table. */
  readonly maxRows: number;
  /** Columns of one table. */
  readonly maxColumns: number;
  /** Grid cells of one table once spans are expanded. */
  readonly maxCells: number;
  /** A rowspan/colspan (or a DOCX gridSpan / vMerge run) is cut at this. */
  readonly maxSpan: number;
  /** Tables inside table cells, deepest level read. */
  readonly maxDepth: number;
  /** Tables of one document. */
  readonly maxTables: number;
  /** Total inflated bytes of the zip parts read from a DOCX/XLSX package. */
  readonly maxZipBytes: number;
  /** Entries of a DOCX/XLSX zip. */
  readonly maxZipEntries: number;
}

/**
 * The default limits.
 * @example readDecision(html, { limits: { ...DEFAULT_TABLE_LIMITS, maxRows: 500 } })
 */
export const DEFAULT_TABLE_LIMITS: TableLimits = Object.freeze({
  maxInputBytes: 32 * 1024 * 1024,
  maxRows: 5_000,
  maxColumns: 64,
  maxCells: 100_000,
  maxSpan: 1_000,
  maxDepth: 4,
  maxTables: 1_000,
  maxZipBytes: 128 * 1024 * 1024,
  maxZipEntries: 10_000,
});

/**
 * The limits with the caller's overrides; a non-positive or non-finite override keeps the default.
 * @example resolveLimits({ maxRows: 10 }).maxRows // 10
 */
export function resolveLimits(overrides: Partial<TableLimits> | undefined): TableLimits {
  if (!overrides) return DEFAULT_TABLE_LIMITS;
  const out: Record<string, number> = { ...DEFAULT_TABLE_LIMITS };
  for (const [k, v] of Object.entries(overrides)) {
    if (k in out && typeof v === 'number' && Number.isFinite(v) && v > 0) out[k] = Math.floor(v);
  }
  return out as unknown as TableLimits;
}
