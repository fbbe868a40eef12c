/**
 * @tthc/sync — adapters for the three systems that describe a TTHC (the national catalogue, the
 * e-ISO procedure document, the one-stop portal configuration), step-table readers, and the
 * normalisation used to compare them.
 *
 * @example
 * import { eisoAdapter, portalAdapter } from '@tthc/sync';
 * const iso = eisoAdapter.parse(isoJson);       // { ok, value: Process, issues, provenance }
 * const portal = portalAdapter.parse(portalJson);
 * const written = portalAdapter.serialize(iso.value!, portalJson); // keeps every unknown field
 * @packageDocumentation
 */
export { catalogueAdapter } from './adapters/catalogue.js';
export { type EisoParseOptions, eisoAdapter } from './adapters/eiso.js';
export { type PortalParseOptions, portalAdapter } from './adapters/portal.js';
export {
  type CatalogueChannel,
  CatalogueChannelSchema,
  type CatalogueComponent,
  CatalogueComponentSchema,
  type CatalogueFee,
  CatalogueFeeSchema,
  type CatalogueLegalDoc,
  CatalogueLegalDocSchema,
  type CatalogueRecord,
  CatalogueRecordSchema,
  type CatalogueTime,
  CatalogueTimeSchema,
  NumberLikeSchema,
} from './formats/catalogue.js';
export {
  EisoContentSchema,
  type EisoDocument,
  EisoDocumentSchema,
  type EisoStep,
  EisoStepSchema,
} from './formats/eiso.js';
export { FORMAT_SCHEMAS, type FormatName, formatJsonSchema } from './formats/json-schema.js';
export {
  type PortalCase,
  PortalCaseSchema,
  type PortalEdge,
  PortalEdgeSchema,
  type PortalProcess,
  PortalProcessSchema,
  type PortalStep,
  PortalStepSchema,
} from './formats/portal.js';
export type {
  Adapter,
  AdapterIssue,
  AdapterIssueCode,
  AdapterResult,
  Origin,
  Provenance,
  SourceName,
  SystemName,
} from './issues.js';
export { jsonPointer, readCivilDate, sameDuration } from './native.js';
export {
  foldVietnamese,
  sameUnit,
  toWorkingMinutes,
  UNIT_ABBREVIATIONS,
  UNIT_ALIASES,
  type UnitAlias,
  type UnitNameOptions,
  unitKey,
  type WorkingMinutesOptions,
} from './normalize.js';
export {
  formatPerformer,
  inferStepKind,
  type ParsePerformerOptions,
  parsePerformer,
  type StepLabel,
  splitForms,
  stepLabel,
} from './steps.js';
export { type CsvOptions, parseCsv, readStepTableCsv, type StepTableCsvOptions } from './tables/csv.js';
export {
  type DecisionDocument,
  type DecisionFormat,
  type DecisionTable,
  detectDecisionFormat,
  type PickTableOptions,
  pickTable,
  type ReadDecisionOptions,
  readDecision,
} from './tables/decision.js';
export { type DecisionTableOptions, readProcessDecisionTable } from './tables/decision-table.js';
export type { DecisionRef, ProcedureRef } from './tables/document-facts.js';
export type { GridReadOptions, StepTable, StepTableRow, TableSection, TimeGroup } from './tables/grid.js';
export { type IsoDocumentOptions, readIsoDocument } from './tables/iso-document.js';
export { DEFAULT_TABLE_LIMITS, type TableLimits } from './tables/limits.js';
export { splitPerformers } from './tables/performers.js';
export { type StepTableToStepsOptions, stepTableToSteps } from './tables/to-steps.js';
export { readStepTableXlsx, type StepTableXlsxOptions, type XlsxLimits } from './tables/xlsx.js';
export type { SheetLimits } from './tables/xlsx-sheet.js';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './tables/xlsx-zip.js';
export {
  type CatalogueCoverage,
  type CatalogueIndex,
  type CatalogueIndexEntry,
  type CatalogueIndexProblem,
  type CoverageProcess,
  catalogueCoverage,
  MAX_INDEX_ROWS,
  readCatalogueIndex,
} from './adapters/catalogue-index.js';
export { readCurrency, writeCurrency } from './adapters/catalogue-money.js';
export { type StatedLimit, statedLimits } from './adapters/catalogue-text.js';
export * from './dvcqg/index.js';
export {
  createOpencpsAdapter,
  isOpenCpsXml,
  type OpenCpsAdapter,
  type OpenCpsAdapterOptions,
  type OpenCpsDocument,
  type OpenCpsParseOptions,
  opencpsAdapter,
} from './adapters/opencps.js';
export {
  OpenCpsPackageError,
  type OpenCpsPackage,
  type OpenCpsPackageLimits,
  type OpenCpsPackageProblem,
  readOpenCpsPackage,
  unzipOpenCpsPackage,
  zipOpenCpsPackage,
} from './adapters/opencps-package.js';
export { REACTFLOW_UNKNOWN, type ReactFlowParseOptions, reactflowAdapter } from './adapters/reactflow.js';
export {
  type ReactFlowCase,
  ReactFlowCaseSchema,
  type ReactFlowEdge,
  ReactFlowEdgeSchema,
  type ReactFlowNode,
  ReactFlowNodeSchema,
} from './formats/reactflow.js';
export {
  DEFAULT_OPENCPS_STATUS_MAPPING,
  type OpenCpsServiceLink,
  type OpenCpsStatusMappingRow,
  type OpenCpsXmlDocument,
  OPENCPS_TO_DVCQG,
  OpenCpsProcessSchema,
  OpenCpsStepSchema,
  OpenCpsActionSchema,
  OpenCpsSequenceSchema,
  OpenCpsRoleSchema,
  type OpenCpsProcess,
  type OpenCpsStep,
  type OpenCpsAction,
  type OpenCpsSequence,
} from './formats/opencps.js';
export {
  type AmbiguousMatch,
  DEFAULT_MATCH_THRESHOLD,
  type IndexedStep,
  type MatchBy,
  type MatchOptions,
  matchSteps,
  type StepMatching,
  type StepPair,
} from './match/match-steps.js';
export { nameSimilarity, performerSimilarity } from './match/similarity.js';
export {
  type BilingualMessage,
  CHANGE_CODES,
  type Change,
  type ChangeCode,
  type ChangePaths,
  type ChangeSeverity,
  DEFAULT_SEVERITY,
} from './diff/change.js';
export { comparableFields, type DiffOptions, type DiffSide, diff, SYSTEM_FIELDS } from './diff/diff.js';
export { type CrossCheckOptions, crossCheck, mainPathSteps } from './diff/cross-check.js';
export { diffProcesses, type ProcessDiffOptions, STEP_FIELDS, type StepField } from './diff/process-diff.js';
export { diffProcedures, type ProcedureDiffOptions } from './diff/procedure-diff.js';
export { comparableMinutes, sameTime } from './diff/time.js';
// `apply` mirrors Terraform's plan/apply; `applyPlan` is the same function for code that also imports
// the dossier runtime's `apply` from @tthc/core.
export {
  type ApplyDocuments,
  type ApplyOptions,
  type ApplyResult,
  apply,
  apply as applyPlan,
} from './reconcile/apply.js';
export { ReconcileError, type ReconcileErrorCode } from './reconcile/errors.js';
export { canonicalJson, documentHash, sha256Hex, sha256HexPure, textHash } from './reconcile/hash.js';
export {
  planDigest,
  pointerSegments,
  type StructuralChange,
  structuralChanges,
  structuralKind,
} from './reconcile/integrity.js';
export { patchText, textFormatting } from './reconcile/text-patch.js';
export type { Conflict } from './reconcile/merge.js';
export {
  type Plan,
  type PlanInputs,
  type PlanOptions,
  type PlanSources,
  plan,
  type SyncDocument,
} from './reconcile/plan.js';
export {
  DEFAULT_OWNERS,
  RECONCILED_STEP_FIELDS,
  type ReconcilePolicy,
  type ReconciledStepField,
} from './reconcile/policy.js';
export {
  adapterFor,
  type AnyAdapter,
  DOCUMENT_FORMATS,
  type DocumentFormat,
  detectFormat,
  type FormatAdapter,
  nativeCode,
  processAdapterFor,
} from './bulk/detect.js';
export { type BulkFileProblem, bulkDigest, checkBulkFile } from './bulk/integrity.js';
export { diffAll, planAll } from './bulk/run.js';
export { pairDocuments } from './bulk/pair.js';
export type {
  BulkDocument,
  BulkFormats,
  BulkInput,
  BulkOptions,
  BulkPair,
  BulkProblem,
  BulkProblemCode,
  BulkResult,
  BulkRole,
  BulkSets,
  BulkSources,
  ProcedureOutcome,
  UnpairedProcedure,
} from './bulk/types.js';
export {
  buildReport,
  type ChangeOrigin,
  hasChanges,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  type ReportChange,
  type ReportKind,
  reportKindOf,
  type ReportProcedure,
  type ReportSummary,
  type SyncReport,
} from './report/model.js';
export { reportJson } from './report/json.js';
export { DEFAULT_REPORT_TITLE, type ReportOptions, reportMarkdown } from './report/markdown.js';
export { escapeHtml, reportHtml } from './report/html.js';
export { summaryRows, type SummaryRow } from './report/rows.js';
