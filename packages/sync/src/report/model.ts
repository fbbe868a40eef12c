/**
 * The report of a bulk run as data: every change of every procedure grouped by what it is about
 * (steps, performers, times, forms, legal limits, fees, legal bases), and the counts a department
 * head reads first. Markdown, HTML and JSON are renderings of this one model.
 */
import type { BilingualMessage, Change, ChangeCode, ChangePaths, ChangeSeverity } from '../diff/change.js';
import type { BulkProblem, BulkResult, BulkSources, UnpairedProcedure } from '../bulk/types.js';
import type { Conflict } from '../reconcile/merge.js';

/** What a change is about, in the order reports list them. */
export type ReportKind = 'steps' | 'performers' | 'times' | 'forms' | 'limits' | 'fees' | 'legalBases';

/** Every {@link ReportKind}, in report order. */
export const REPORT_KINDS: readonly ReportKind[] = [
  'steps',
  'performers',
  'times',
  'forms',
  'limits',
  'fees',
  'legalBases',
];

/** Headings of each kind in both languages. */
export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, BilingualMessage>> = {
  steps: { vi: 'Các bước', en: 'Steps' },
  performers: { vi: 'Người thực hiện', en: 'Performers' },
  times: { vi: 'Thời gian', en: 'Times' },
  forms: { vi: 'Biểu mẫu, thành phần hồ sơ', en: 'Forms and dossier components' },
  limits: { vi: 'Thời hạn giải quyết', en: 'Legal time limits' },
  fees: { vi: 'Phí, lệ phí', en: 'Fees' },
  legalBases: { vi: 'Căn cứ pháp lý', en: 'Legal bases' },
};

const KIND_OF: Readonly<Record<ChangeCode, ReportKind>> = {
  'step.added': 'steps',
  'step.removed': 'steps',
  'step.renamed': 'steps',
  'step.moved': 'steps',
  'step.kind': 'steps',
  'step.ambiguous': 'steps',
  'step.performer': 'performers',
  'step.duration': 'times',
  'total.changed': 'times',
  'total.mismatch': 'times',
  'step.forms': 'forms',
  'forms.notInComponents': 'forms',
  'component.added': 'forms',
  'component.removed': 'forms',
  'component.changed': 'forms',
  // ND 61/2018 art. 19 / ND 118/2025: the announced limit is the law; exceeding it is a legal-limit matter.
  'limit.changed': 'limits',
  'total.exceedsLimit': 'limits',
  'fee.changed': 'fees',
  'legalBasis.added': 'legalBases',
  'legalBasis.removed': 'legalBases',
  'legalBasis.superseded': 'legalBases',
};

/**
 * The kind of a change code.
 * @example reportKindOf('step.performer') // 'performers'
 */
export function reportKindOf(code: ChangeCode): ReportKind {
  return KIND_OF[code];
}

/** Which comparison found a change: e-ISO ↔ portal, catalogue checks, or the catalogue since the last sync. */
export type ChangeOrigin = 'drift' | 'checks' | 'announced';

/** One change as reports show it. */
export interface ReportChange {
  readonly code: ChangeCode;
  readonly severity: ChangeSeverity;
  readonly origin: ChangeOrigin;
  readonly stepKey?: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly paths: ChangePaths;
  readonly message: BilingualMessage;
}

/** One procedure in a report. */
export interface ReportProcedure {
  readonly code: string;
  readonly name?: string;
  readonly sources: BulkSources;
  /** No change of any kind and no conflict. */
  readonly agrees: boolean;
  readonly exceedsLimit: boolean;
  /** Changes by kind; every kind is present (empty when none), in {@link REPORT_KINDS} order. */
  readonly changes: Readonly<Record<ReportKind, readonly ReportChange[]>>;
  readonly conflicts: readonly Conflict[];
  /** Number of RFC 6902 operations the plan would apply (plan runs only). */
  readonly patchOperations?: { readonly eiso: number; readonly portal: number };
}

/** The counts of the summary table. */
export interface ReportSummary {
  readonly procedures: number;
  readonly agree: number;
  /** Procedures with at least one change of each kind. */
  readonly differ: Readonly<Record<ReportKind, number>>;
  /** Procedures whose process exceeds the statutory time limit (`total.exceedsLimit`). */
  readonly exceedLimit: number;
  readonly withConflicts: number;
  readonly unpaired: number;
  readonly problems: number;
}

/** A report: plain JSON, versioned, procedures sorted by code. */
export interface SyncReport {
  readonly reportVersion: 1;
  readonly kind: BulkResult['kind'];
  readonly summary: ReportSummary;
  readonly procedures: readonly ReportProcedure[];
  readonly unpaired: readonly UnpairedProcedure[];
  readonly problems: readonly BulkProblem[];
}

function toReportChange(c: Change, origin: ChangeOrigin): ReportChange {
  return {
    code: c.code,
    severity: c.severity,
    origin,
    ...(c.stepKey === undefined ? {} : { stepKey: c.stepKey }),
    before: c.before,
    after: c.after,
    paths: c.paths,
    message: c.message,
  };
}

function emptyKinds(): Record<ReportKind, ReportChange[]> {
  return { steps: [], performers: [], times: [], forms: [], limits: [], fees: [], legalBases: [] };
}

function procedureOf(p: BulkResult['procedures'][number]): ReportProcedure {
  const changes = emptyKinds();
  const origins: [readonly Change[], ChangeOrigin][] = [
    [p.drift, 'drift'],
    [p.checks, 'checks'],
    [p.announced, 'announced'],
  ];
  for (const [list, origin] of origins)
    for (const c of list) changes[reportKindOf(c.code)].push(toReportChange(c, origin));
  const count = REPORT_KINDS.reduce((n, k) => n + changes[k].length, 0);
  return {
    code: p.code,
    ...(p.name === undefined ? {} : { name: p.name }),
    sources: p.sources,
    agrees: count === 0 && p.conflicts.length === 0,
    exceedsLimit: changes.limits.some((c) => c.code === 'total.exceedsLimit'),
    changes,
    conflicts: p.conflicts,
    ...(p.plan ? { patchOperations: { eiso: p.plan.patches.eiso.length, portal: p.plan.patches.portal.length } } : {}),
  };
}

/**
 * Builds the report model of a bulk run: changes grouped by kind, and the summary counts.
 * @example
 * const report = buildReport(diffAll({ eiso, portal }));
 * report.summary.differ.performers; // procedures whose performers differ
 */
export function buildReport(result: BulkResult): SyncReport {
  const procedures = [...result.procedures]
    .sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0))
    .map(procedureOf);
  const differ = Object.fromEntries(
    REPORT_KINDS.map((k) => [k, procedures.filter((p) => p.changes[k].length > 0).length]),
  ) as Record<ReportKind, number>;
  return {
    reportVersion: 1,
    kind: result.kind,
    summary: {
      procedures: procedures.length,
      agree: procedures.filter((p) => p.agrees).length,
      differ,
      exceedLimit: procedures.filter((p) => p.exceedsLimit).length,
      withConflicts: procedures.filter((p) => p.conflicts.length > 0).length,
      unpaired: result.unpaired.length,
      problems: result.problems.length,
    },
    procedures,
    unpaired: result.unpaired,
    problems: result.problems,
  };
}

/**
 * True when a bulk run found anything to act on: a change, a conflict, a patch operation, an
 * unpaired procedure or a document that could not be read (the CLI exits 2 then).
 * @example hasChanges(diffAll({ eiso, portal })) // true when the two systems disagree
 */
export function hasChanges(result: BulkResult): boolean {
  return (
    result.unpaired.length > 0 ||
    result.problems.length > 0 ||
    result.procedures.some(
      (p) =>
        p.drift.length + p.checks.length + p.announced.length + p.conflicts.length > 0 ||
        (p.plan !== undefined && p.plan.patches.eiso.length + p.plan.patches.portal.length > 0),
    )
  );
}
