/**
 * Catalogue index — the public list of procedures (danh sách TTHC) a province or the national portal
 * publishes: one row per procedure with its code and name (`TTHC_MA`, `NAME`, `TYPE`, …, or the
 * catalogue's own `MATTHC`/`TENTTHC`), no channels or time limits. It is not a catalogue record: it is
 * read as an index to pair systems by code and to see what has no process yet (`tthc coverage`).
 */
import { nationalCode, ProcedureCodeSchema } from '@tthc/core';

/** One procedure of the list. */
export interface CatalogueIndexEntry {
  /** The code as listed (trimmed), e.g. "1.001193" or "1.001193.000.00.00.H12". */
  readonly code: string;
  /** Its national part X.NNNNNN, the key systems pair on. */
  readonly national: string;
  readonly name?: string;
  /** TYPE / LOAITTHC as listed. */
  readonly type?: string;
  /** The row as given, every column kept. */
  readonly row: Readonly<Record<string, unknown>>;
}

/** A row of the list that cannot be used. */
export interface CatalogueIndexProblem {
  readonly code: 'index.invalid' | 'row.noCode' | 'row.badCode' | 'row.duplicate';
  /** 0-based row index (-1: the input as a whole). */
  readonly index: number;
  readonly message: string;
}

/** What {@link readCatalogueIndex} returns. */
export interface CatalogueIndex {
  readonly entries: CatalogueIndexEntry[];
  readonly problems: CatalogueIndexProblem[];
}

/** Column names for each meaning, compared without case, diacritics, spaces and underscores. */
const CODE_KEYS = ['tthcma', 'matthc', 'mathutuc', 'ma', 'code', 'procedurecode'];
const NAME_KEYS = ['name', 'tentthc', 'tenthutuc', 'ten', 'tthcten'];
const TYPE_KEYS = ['type', 'loaitthc', 'loaithutuc', 'loai'];

const keyOf = (k: string): string =>
  k
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Largest list read (bounded work on untrusted input). */
export const MAX_INDEX_ROWS = 200_000;

function pick(row: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const [k, v] of Object.entries(row)) {
    if (keys.includes(keyOf(k)) && (typeof v === 'string' || typeof v === 'number')) {
      const t = String(v).trim();
      if (t !== '') return t;
    }
  }
  return undefined;
}

/**
 * Reads the public list of procedures from its JSON (an array of rows, or `{ data | result | items:
 * [...] }`): each row's code (TTHC_MA, MATTHC, MA_THU_TUC…), name and type; rows without a TTHC code,
 * with a malformed one, or repeating a code already listed are reported and left out.
 * @example
 * const { entries } = readCatalogueIndex([{ TTHC_MA: '1.001193', NAME: 'Đăng ký khai sinh', TYPE: 'TTHC' }]);
 * entries[0].national // '1.001193'
 */
export function readCatalogueIndex(doc: unknown): CatalogueIndex {
  const problems: CatalogueIndexProblem[] = [];
  const container = doc as { data?: unknown; result?: unknown; items?: unknown } | null;
  const list = Array.isArray(doc) ? doc : (container?.data ?? container?.result ?? container?.items);
  if (!Array.isArray(list)) {
    return {
      entries: [],
      problems: [
        { code: 'index.invalid', index: -1, message: 'expected an array of procedure rows (or { data: [...] })' },
      ],
    };
  }
  if (list.length > MAX_INDEX_ROWS) {
    problems.push({
      code: 'index.invalid',
      index: -1,
      message: `${list.length} rows: only the first ${MAX_INDEX_ROWS} are read`,
    });
  }
  const entries: CatalogueIndexEntry[] = [];
  const seen = new Map<string, number>();
  list.slice(0, MAX_INDEX_ROWS).forEach((raw, index) => {
    const row = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const code = pick(row, CODE_KEYS);
    if (code === undefined) {
      problems.push({
        code: 'row.noCode',
        index,
        message: `no TTHC code (TTHC_MA, MATTHC…) in ${JSON.stringify(raw)}`,
      });
      return;
    }
    if (!ProcedureCodeSchema.safeParse(code).success) {
      problems.push({ code: 'row.badCode', index, message: `"${code}" is not a TTHC code X.NNNNNN` });
      return;
    }
    const national = nationalCode(code);
    const first = seen.get(national);
    if (first !== undefined) {
      problems.push({ code: 'row.duplicate', index, message: `${national} is already listed at row ${first}` });
      return;
    }
    seen.set(national, index);
    const name = pick(row, NAME_KEYS);
    const type = pick(row, TYPE_KEYS);
    entries.push({ code, national, ...(name ? { name } : {}), ...(type ? { type } : {}), row });
  });
  return { entries, problems };
}

/** A process document known by its code, and where it came from. */
export interface CoverageProcess {
  /** The TTHC code the process is for (any form: the national part is compared). */
  readonly code: string;
  /** File, system or id, to name it in the report. */
  readonly source: string;
  /** Which system holds it (e.g. `eiso`, `portal`, `opencps`). */
  readonly system: string;
}

/** What {@link catalogueCoverage} finds. */
export interface CatalogueCoverage {
  /** Listed procedures with no process in any of the systems given. */
  readonly uncovered: CatalogueIndexEntry[];
  /** Processes whose code is not in the list (retired, mistyped, or another province's). */
  readonly unlisted: CoverageProcess[];
  /** Listed procedures with their processes. */
  readonly covered: { readonly entry: CatalogueIndexEntry; readonly processes: CoverageProcess[] }[];
}

/**
 * Pairs the list with the processes by national code (REFERENCE.md §3.1: systems join on X.NNNNNN):
 * the procedures no e-ISO or portal process implements, and the processes whose code is not listed.
 * @example
 * catalogueCoverage(index, [{ code: '1.001193.000.00.00.H56', source: 'eiso/ks.json', system: 'eiso' }]).uncovered.length
 */
export function catalogueCoverage(index: CatalogueIndex, processes: readonly CoverageProcess[]): CatalogueCoverage {
  const byCode = new Map<string, CoverageProcess[]>();
  for (const p of processes) {
    const key = nationalCode(p.code.trim());
    byCode.set(key, [...(byCode.get(key) ?? []), p]);
  }
  const listed = new Set(index.entries.map((e) => e.national));
  const covered = index.entries.flatMap((entry) => {
    const found = byCode.get(entry.national);
    return found ? [{ entry, processes: found }] : [];
  });
  return {
    uncovered: index.entries.filter((e) => !byCode.has(e.national)),
    unlisted: processes.filter((p) => !listed.has(nationalCode(p.code.trim()))),
    covered,
  };
}
