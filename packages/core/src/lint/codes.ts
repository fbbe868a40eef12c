/**
 * The closed list of lint codes of {@link lintProcess}, each with its severity and the rule it
 * checks. `docs/lints.md` gives a minimal failing example of every code.
 */

/** How bad a lint finding is: `error` breaks the law or the process graph, `warning` is suspicious, `info` is a note. */
export type LintSeverity = 'error' | 'warning' | 'info';

/** Every code a lint issue can carry (closed union; new codes are a minor release). */
export type LintCode =
  | 'budget-exceeds-limit'
  | 'total-exceeds-limit'
  | 'total-mismatch'
  | 'limit-not-comparable'
  | 'missing-performer'
  | 'unreachable-step'
  | 'dead-end-step'
  | 'no-receive-step'
  | 'no-return-step'
  | 'form-not-declared'
  | 'legal-basis-not-in-force'
  | 'duplicate-step-key'
  | 'outcome-target-missing'
  | 'duplicate-outcome'
  | 'cycle-without-exit'
  | 'procedure-mismatch'
  | 'channel-not-offered'
  | 'performer-expired'
  | 'performer-not-yet-valid'
  | 'same-day-without-cutoff'
  | 'limit-not-stated';

/** One finding of {@link lintProcess}. */
export interface LintIssue {
  readonly code: LintCode;
  /**
   * Path to the offending value. Paths start at the process document (`['steps', 2, 'budget']`);
   * a path whose first segment is `'procedure'` points into the procedure instead
   * (`['procedure', 'legalBases', 0]`).
   */
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly severity: LintSeverity;
  /** Machine-readable facts behind the message (minutes, step keys, dates…). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** What each code means, its default severity and the rule behind it. */
export interface LintRule {
  readonly severity: LintSeverity;
  readonly title: string;
  readonly rule: string;
}

/** The rule table: one entry per {@link LintCode}, in the order the linter runs them. */
export const LINT_RULES: Readonly<Record<LintCode, LintRule>> = {
  'procedure-mismatch': {
    severity: 'error',
    title: 'Process belongs to another procedure',
    rule: 'The national part X.NNNNNN of process.procedureCode must equal the procedure code (systems join on it, REFERENCE.md §3.1).',
  },
  'channel-not-offered': {
    severity: 'warning',
    title: 'Process serves a channel the procedure does not offer',
    rule: 'Every channel in process.channels must be one of the procedure channels (cách thức thực hiện).',
  },
  'duplicate-step-key': {
    severity: 'error',
    title: 'Two steps share a key',
    rule: 'Step keys are stable identifiers; outcomes, the runtime and sync address steps by key.',
  },
  'missing-performer': {
    severity: 'error',
    title: 'Step without performer',
    rule: 'Every step names a unit and a role (ND 61/2018 art. 19; TT 01/2018 art. 8: the internal process states who performs each step).',
  },
  'performer-expired': {
    severity: 'error',
    title: 'Performer no longer exists when the process takes effect',
    rule: 'performer.validTo is before process.effectiveFrom (units renamed or merged in 2025).',
  },
  'performer-not-yet-valid': {
    severity: 'warning',
    title: 'Performer does not exist yet when the process takes effect',
    rule: 'performer.validFrom is after process.effectiveFrom.',
  },
  'outcome-target-missing': {
    severity: 'error',
    title: 'Outcome (or start) points to no step',
    rule: 'outcome.next and process.start must be keys of steps of the process.',
  },
  'duplicate-outcome': {
    severity: 'error',
    title: 'Two outcomes of a step share a name',
    rule: 'Outcome names are the events of the state machine; a step cannot have two with one name.',
  },
  'unreachable-step': {
    severity: 'warning',
    title: 'Step cannot be reached from the start',
    rule: 'Every step is reachable from process.start (default: the first step) through outcomes.',
  },
  'dead-end-step': {
    severity: 'error',
    title: 'Step with no way out',
    rule: 'A step without outcomes must be a return step (kind "return"); elsewhere a dossier would be stuck.',
  },
  'cycle-without-exit': {
    severity: 'error',
    title: 'Loop the dossier can never leave',
    rule: 'Every loop of steps (e.g. "not approved → back to review") must have an outcome leading out of it.',
  },
  'no-receive-step': {
    severity: 'warning',
    title: 'No reception step',
    rule: 'A one-stop process starts with receipt at the Bộ phận Một cửa / TTPVHCC (ND 61/2018 art. 17; ND 118/2025).',
  },
  'no-return-step': {
    severity: 'warning',
    title: 'No return step',
    rule: 'The result is returned at the one-stop desk (ND 61/2018 art. 20).',
  },
  'form-not-declared': {
    severity: 'warning',
    title: 'Step form not declared',
    rule: 'Each form a step uses is listed in process.forms or is a form of a procedure component.',
  },
  'legal-basis-not-in-force': {
    severity: 'warning',
    title: 'Legal basis or approving decision not in force',
    rule: 'Each procedure legal basis and the process approvedBy must be in force on process.effectiveFrom.',
  },
  'limit-not-comparable': {
    severity: 'info',
    title: 'Limit or budget skipped: needs a calendar',
    rule: 'Calendar-day and same-day durations have no fixed length in working minutes; pass options.calendar to compare them.',
  },
  'budget-exceeds-limit': {
    severity: 'error',
    title: 'Step budgets exceed the statutory limit',
    rule: 'The sum of step budgets along the longest path from the start to an end (not-counted steps excluded) must not exceed the procedure time limit of each channel the process serves.',
  },
  'total-exceeds-limit': {
    severity: 'error',
    title: 'Declared total exceeds the statutory limit',
    rule: 'process.totalLimit must not exceed the procedure time limit of any channel the process serves.',
  },
  'total-mismatch': {
    severity: 'warning',
    title: 'Declared total differs from the sum of the main path',
    rule: 'process.totalLimit equals the sum of the step budgets along the main path (each step’s first outcome), as process decisions declare it.',
  },
  'same-day-without-cutoff': {
    severity: 'info',
    title: 'Same-day limit without a cut-off time',
    rule: 'Where the law sets one (civil status: Law 60/2014/QH13 and its decrees; certification: ND 23/2015/NĐ-CP art. 7) a same-day limit has a cut-off, usually 15:00, after which the result is due the next working day.',
  },
  'limit-not-stated': {
    severity: 'warning',
    title: 'The catalogue states no time limit for a channel',
    rule: 'A channel whose timeLimit is null ("Không có thông tin") has no statutory limit to check budgets against; the appointment comes from process.totalLimit (an error when the process declares none: no dossier can get an appointment).',
  },
};

/**
 * The codes in rule order.
 * @example LINT_CODES.includes('dead-end-step') // true
 */
export const LINT_CODES: readonly LintCode[] = Object.keys(LINT_RULES) as LintCode[];
