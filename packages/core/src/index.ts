/**
 * @tthc/core — typed TTHC procedures and processes, lints, state machines and the dossier runtime.
 * @packageDocumentation
 */
export { CoreError, type CoreErrorCode, type DataIssue, formatPath } from './errors.js';
export {
  DurationSchema,
  IsoDateSchema,
  TimeOfDaySchema,
  CountingRuleSchema,
  LegalReferenceSchema,
  type LegalReference,
} from './model/common.js';
export {
  ProcedureSchema,
  ProcedureCodeSchema,
  ChannelSchema,
  ComponentSchema,
  FeeSchema,
  nationalCode,
  type Procedure,
  type ProcedureInput,
  type Channel,
  type ChannelKind,
  type Component,
  type Fee,
} from './model/procedure.js';
export {
  ProcessSchema,
  StepSchema,
  StepKeySchema,
  StepKindSchema,
  PerformerSchema,
  OutcomeSchema,
  SupplementationPolicySchema,
  type Process,
  type ProcessInput,
  type Step,
  type StepKind,
  type Performer,
  type Outcome,
  type SupplementationPolicy,
} from './model/process.js';
export {
  parseProcedure,
  parseProcess,
  safeParseProcedure,
  safeParseProcess,
  toDataIssues,
  type ParseResult,
} from './model/parse.js';
export {
  lintProcess,
  isLintClean,
  LINT_CODES,
  LINT_RULES,
  type LintCode,
  type LintIssue,
  type LintRule,
  type LintSeverity,
  type LintOptions,
} from './lint/index.js';
export { selectProcess, type SelectProcessOptions } from './select.js';
export * from './machine/index.js';
export * from './runtime/index.js';
export {
  readCsv,
  forEachCsvRecord,
  sniffDelimiter,
  type CsvReadOptions,
  type CsvProblem,
  type CsvProblemCode,
  type CsvReadSummary,
  type CsvTable,
} from './text/csv.js';
export {
  formatDossierCode,
  parseDossierCode,
  type DossierCodeFormat,
  type DossierCodeParts,
  type ParsedDossierCode,
} from './dossier-code.js';
