/**
 * State names of a dossier machine. Steps live under `processing` (or `awaitingPayment` for steps of
 * kind `pay`); a step key may contain `.`, which xstate reads as a path separator, so state names
 * encode it as `:` (a character step keys cannot contain).
 */

/** Id of every dossier machine; absolute targets are `#dossier.<path>`. */
export const MACHINE_ID = 'dossier';

/** Top-level states (phases) of a dossier machine. */
export const PHASES = [
  'processing', // đang xử lý: one child state per step
  'awaitingSupplement', // chờ bổ sung, hoàn thiện hồ sơ (Mẫu 02)
  'consulting', // lấy ý kiến / liên thông: waiting for other agencies
  'awaitingPayment', // chờ thực hiện nghĩa vụ tài chính: one child per step of kind `pay`
  'closed', // xử lý xong, chờ trả kết quả (processed, result awaiting return)
  'returned', // đã trả kết quả (final)
  'rejected', // từ chối giải quyết (final; the refusal is the result)
  'withdrawn', // công dân rút hồ sơ (final)
] as const;

/** A top-level state of a dossier machine. */
export type Phase = (typeof PHASES)[number];

/** Final phases: no event is accepted any more. */
export const FINAL_PHASES: readonly Phase[] = ['returned', 'rejected', 'withdrawn'];

/** Name of the shallow history child of `processing` (not a possible step key). */
export const RESUME = '(resume)';

/**
 * The state name of a step key.
 * @example stateNameOf('review.legal') // 'review:legal'
 */
export function stateNameOf(stepKey: string): string {
  return stepKey.replaceAll('.', ':');
}

/**
 * The step key of a state name (inverse of {@link stateNameOf}).
 * @example stepKeyOf('review:legal') // 'review.legal'
 */
export function stepKeyOf(stateName: string): string {
  return stateName.replaceAll(':', '.');
}

/**
 * Where a machine state value puts the dossier: its phase and, inside `processing` or
 * `awaitingPayment`, the current step key.
 * @example locate({ processing: 'review' }) // { phase: 'processing', step: 'review' }
 */
export function locate(value: unknown): { phase: Phase; step: string | null } {
  if (typeof value === 'string') return { phase: value as Phase, step: null };
  const [phase, child] = Object.entries(value as Record<string, unknown>)[0] ?? ['processing', null];
  return { phase: phase as Phase, step: typeof child === 'string' ? stepKeyOf(child) : null };
}
