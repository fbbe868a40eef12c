/**
 * DVCQG dossier status (TrangThaiHoSo 1–10) of a dossier, through a mapping table kept as data
 * (REFERENCE.md §3.2; OpenCPS `DossierStatusMapping` and Thanh Hóa `MaTrangThaiHoSo` per step do the
 * same). A step's own `portalStatus` overrides the table while the dossier is in that step.
 */
import { locate, type Phase } from '../machine/names.js';
import type { StepKind } from '../model/process.js';
import type { Dossier } from './dossier.js';

/** One row of the mapping: a phase (and optionally the kind of the step concerned) → a code. */
export interface PortalStatusRule {
  readonly phase: Phase;
  /** The current step's kind (for `rejected`: the step the refusal interrupted). */
  readonly stepKind?: StepKind;
  readonly code: number;
  /** The DVCQG label of the code. */
  readonly label: string;
}

/**
 * The default mapping; the first matching row wins. `rejected` during reception is 3 (Không được
 * tiếp nhận); a refusal after review has no code of its own on the DVCQG list and is reported as 8
 * (Dừng xử lý) — pass your own table if your portal expects otherwise.
 */
export const PORTAL_STATUS_MAPPING: readonly PortalStatusRule[] = Object.freeze([
  { phase: 'processing', stepKind: 'receive', code: 2, label: 'Được tiếp nhận' },
  { phase: 'processing', stepKind: 'return', code: 9, label: 'Đã xử lý xong' },
  { phase: 'processing', code: 4, label: 'Đang xử lý' },
  { phase: 'consulting', code: 4, label: 'Đang xử lý' },
  { phase: 'awaitingSupplement', code: 5, label: 'Yêu cầu bổ sung giấy tờ' },
  { phase: 'awaitingPayment', code: 6, label: 'Yêu cầu thực hiện nghĩa vụ tài chính' },
  { phase: 'withdrawn', code: 7, label: 'Công dân yêu cầu rút hồ sơ' },
  { phase: 'rejected', stepKind: 'receive', code: 3, label: 'Không được tiếp nhận' },
  { phase: 'rejected', code: 8, label: 'Dừng xử lý' },
  { phase: 'closed', code: 9, label: 'Đã xử lý xong' },
  { phase: 'returned', code: 10, label: 'Đã trả kết quả' },
]);

/** Options of {@link portalStatus}. */
export interface PortalStatusOptions {
  /** Replaces {@link PORTAL_STATUS_MAPPING}. */
  readonly mapping?: readonly PortalStatusRule[];
}

function stepKindConcerned(dossier: Dossier, phase: Phase, step: string | null): StepKind | undefined {
  const key = phase === 'rejected' ? dossier.ledger.steps.findLast((v) => v.interruptedBy === 'reject')?.step : step;
  return dossier.process.steps.find((s) => s.key === key)?.kind;
}

/**
 * The DVCQG TrangThaiHoSo of a dossier (1–10); 0 ("unknown" on the DVCQG list) when a custom
 * mapping has no row for the dossier's phase.
 * @example portalStatus(dossier) // 4 while a review step is in progress
 */
export function portalStatus(dossier: Dossier, options: PortalStatusOptions = {}): number {
  const { phase, step } = locate(dossier.snapshot.value);
  if (phase === 'processing' || phase === 'awaitingPayment') {
    const own = dossier.process.steps.find((s) => s.key === step)?.portalStatus;
    if (own !== undefined) return own;
  }
  const kind = stepKindConcerned(dossier, phase, step);
  const rule = (options.mapping ?? PORTAL_STATUS_MAPPING).find(
    (r) => r.phase === phase && (r.stepKind === undefined || r.stepKind === kind),
  );
  return rule?.code ?? 0;
}
