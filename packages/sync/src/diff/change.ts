/**
 * `Change` — one typed difference between two documents (STYLE habit 5: problems are data with a
 * closed code union), with before/after, where it sits in both documents, a severity and a message
 * in Vietnamese and English.
 */

/** Closed list of change codes. */
export type ChangeCode =
  | 'step.added'
  | 'step.removed'
  | 'step.renamed'
  | 'step.moved'
  | 'step.performer'
  | 'step.duration'
  | 'step.forms'
  | 'step.kind'
  /** Two or more steps tie for the same partner: not paired, a person must decide. */
  | 'step.ambiguous'
  | 'limit.changed'
  /** The declared total of the process (tổng thời gian) differs between the two documents. */
  | 'total.changed'
  | 'total.exceedsLimit'
  | 'total.mismatch'
  | 'legalBasis.added'
  | 'legalBasis.removed'
  | 'legalBasis.superseded'
  | 'fee.changed'
  | 'component.added'
  | 'component.removed'
  | 'component.changed'
  | 'forms.notInComponents';

/** Every {@link ChangeCode}, in the order reports list them. */
export const CHANGE_CODES: readonly ChangeCode[] = [
  'step.added',
  'step.removed',
  'step.renamed',
  'step.moved',
  'step.performer',
  'step.duration',
  'step.forms',
  'step.kind',
  'step.ambiguous',
  'limit.changed',
  'total.changed',
  'total.exceedsLimit',
  'total.mismatch',
  'legalBasis.added',
  'legalBasis.removed',
  'legalBasis.superseded',
  'fee.changed',
  'component.added',
  'component.removed',
  'component.changed',
  'forms.notInComponents',
];

/** `error`: breaks the law; `warning`: the systems disagree on substance; `info`: wording only. */
export type ChangeSeverity = 'error' | 'warning' | 'info';

/** A message in both languages of a report. */
export interface BilingualMessage {
  readonly vi: string;
  readonly en: string;
}

/** Where a change sits: JSON pointers into document a and document b (native when provenance was given). */
export interface ChangePaths {
  readonly a?: string;
  readonly b?: string;
}

/** One difference between two documents. */
export interface Change {
  readonly code: ChangeCode;
  readonly severity: ChangeSeverity;
  readonly before: unknown;
  readonly after: unknown;
  readonly paths: ChangePaths;
  /** Key of the step in document a (in b for an added step). */
  readonly stepKey?: string;
  readonly message: BilingualMessage;
}

/** The severity each code has unless a rule says otherwise. */
export const DEFAULT_SEVERITY: Readonly<Record<ChangeCode, ChangeSeverity>> = {
  'step.added': 'warning',
  'step.removed': 'warning',
  'step.renamed': 'warning',
  'step.moved': 'warning',
  'step.performer': 'warning',
  'step.duration': 'warning',
  'step.forms': 'warning',
  'step.kind': 'info',
  'step.ambiguous': 'warning',
  'limit.changed': 'warning',
  'total.changed': 'warning',
  // ND 61/2018 art. 19 / ND 118/2025: the internal process must fit inside the announced time limit.
  'total.exceedsLimit': 'error',
  'total.mismatch': 'warning',
  'legalBasis.added': 'info',
  'legalBasis.removed': 'warning',
  'legalBasis.superseded': 'warning',
  'fee.changed': 'warning',
  'component.added': 'warning',
  'component.removed': 'warning',
  'component.changed': 'warning',
  'forms.notInComponents': 'warning',
};

/** What {@link change} needs besides the code. */
export interface ChangeInput {
  readonly before: unknown;
  readonly after: unknown;
  readonly paths: ChangePaths;
  readonly stepKey?: string | undefined;
  readonly vi: string;
  readonly en: string;
  readonly severity?: ChangeSeverity;
}

/**
 * Builds a frozen change with the code's default severity.
 * @example change('step.duration', { before: 240, after: 480, paths: { a: '/steps/1/budget' }, vi: '…', en: '…' })
 */
export function change(code: ChangeCode, input: ChangeInput): Change {
  return Object.freeze({
    code,
    severity: input.severity ?? DEFAULT_SEVERITY[code],
    before: input.before,
    after: input.after,
    paths: Object.freeze({ ...input.paths }),
    ...(input.stepKey === undefined ? {} : { stepKey: input.stepKey }),
    message: Object.freeze({ vi: input.vi, en: input.en }),
  });
}

/**
 * Formats working minutes for messages: 240 → "4 giờ" / "4 h", 30 → "0,5 giờ" / "0.5 h".
 * @example formatHours(90) // { vi: '1,5 giờ', en: '1.5 h' }
 */
export function formatHours(minutes: number): BilingualMessage {
  const h = Math.round((minutes / 60) * 100) / 100;
  return { vi: `${String(h).replace('.', ',')} giờ`, en: `${h} h` };
}
