/**
 * Mapping real clients' progress rows to steps (issue 11). Real rows do not name steps: Thanh Hóa's
 * client sends the action performed (`ThaoTac`, the edge label: "Chuyển xử lý", "Trình ký") and the
 * person who did it; OpenCPS sends the action note; both add rows of their own. A row with no step
 * name is read against the step the dossier is in when the row comes: the step's own outcome labels
 * (the process's edge labels), its performer's role or unit, the status the row reports (the
 * portalStatus of the step an outcome leads to), and last its place in the sequence (a step with a
 * single way out).
 */
import { type Dossier, portalStatus, type Step } from '@tthc/core';
import type { DvcqgProgressRow } from './schemas.js';

/** What told a row's step (reported with each mapping). */
export type MappingVia =
  | 'tag'
  | 'receipt'
  | 'step-name'
  | 'convention'
  | 'action-label'
  | 'performer'
  | 'status'
  | 'sequence'
  | 'synthetic';

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Rows the Thanh Hóa client adds at the end (SyncLocalDataToDVCQGService.PushData), folded. */
const SYNTHETIC_END: ReadonlyMap<string, string> = new Map([
  ['ket thuc xu ly ho so', 'end of processing, status 9'],
  ['ho so khong co ngay hen tra', 'dossier without appointment, status 9'],
  ['can bo tra ho so bo sung', 'closing row for status 5, sent as 9'],
  ['can bo tra bo sung ho so', 'closing row for status 8, sent as 9'],
  ['cong dan thuc hien nvtc', 'closing row for status 6, sent as 9'],
]);

/**
 * `receipt` for a client's own first row ("Tiếp nhận hồ sơ…", status 2), the reason for one of its
 * closing rows (status 9), else `undefined`.
 * @example syntheticKind('Kết thúc xử lý hồ sơ', { TrangThai: 9 } as DvcqgProgressRow) // 'end of processing, status 9'
 */
export function syntheticKind(text: string, row: DvcqgProgressRow): string | undefined {
  const key = fold(text);
  if (row.TrangThai === 2 && key.startsWith('tiep nhan ho so') && !key.startsWith('tiep nhan ho so bo sung')) {
    return 'receipt';
  }
  return row.TrangThai === 9 ? SYNTHETIC_END.get(key) : undefined;
}

/** The step the dossier is in (its last open visit). */
function openStep(d: Dossier): Step | undefined {
  const key = d.ledger.steps.findLast((v) => v.doneAt === null)?.step;
  return d.process.steps.find((s) => s.key === key);
}

/**
 * The outcome of `step` that the next row tells: the one leading to the step shown with the next
 * row's status (a status the dossier is not in), when exactly one does.
 * @example outcomeFromNext(review, { TrangThai: 10 } as DvcqgProgressRow, process, 4) // 'refuse'
 */
export function outcomeFromNext(
  step: Step,
  next: DvcqgProgressRow | undefined,
  process: Dossier['process'],
  now: number,
): string | undefined {
  if (!next || next.TrangThai === now) return undefined;
  const fits = step.outcomes.filter(
    (o) => process.steps.find((s) => s.key === o.next)?.portalStatus === next.TrangThai,
  );
  return fits.length === 1 ? fits[0]!.name : undefined;
}

/** An event found for a row, and what told it. */
export interface ContextualEvent {
  readonly event: Record<string, unknown>;
  readonly via: MappingVia;
}

/**
 * The event a row with no step name stands for, read against the dossier's open step; `undefined`
 * when nothing tells it (the row is then reported unmapped, never guessed at random).
 * With several ways out and nothing else to go by, the next row's status picks the outcome.
 * @example contextualEvent(dossier, row, '2026-02-13T09:00:00+07:00', { name: 'Lê Thị Hoa' })
 */
export function contextualEvent(
  d: Dossier,
  row: DvcqgProgressRow,
  at: string,
  by: Record<string, string>,
  next?: DvcqgProgressRow,
): ContextualEvent | undefined {
  const step = openStep(d);
  if (!step) return undefined;
  const text = fold(row.NoiDungXuLy);
  const complete = (outcome: string | undefined, via: MappingVia): ContextualEvent => ({
    event: { type: 'complete-step', step: step.key, ...(outcome ? { outcome } : {}), at, by },
    via,
  });
  const now = portalStatus(d);
  if (step.kind === 'return' && row.TrangThai === 10)
    return { event: { type: 'return-result', at, by }, via: 'status' };
  // 1. The process's own action labels: the open step's outcomes, by label or name.
  if (text !== '') {
    const byLabel = step.outcomes.filter((o) => fold(o.label ?? '') === text || fold(o.name) === text);
    if (byLabel.length === 1) return complete(byLabel[0]!.name, 'action-label');
  }
  // 2. A status the dossier is not in yet tells the move: 5 a supplement request, 7 a withdrawal,
  //    else the outcome leading to the step shown with that status (step.portalStatus).
  const moves = row.TrangThai !== now;
  if (moves && row.TrangThai === 5) {
    return {
      event: { type: 'request-supplement', reason: row.NoiDungXuLy || 'Yêu cầu bổ sung hồ sơ', at, by },
      via: 'status',
    };
  }
  if (moves && row.TrangThai === 7) return { event: { type: 'withdraw', at, by }, via: 'status' };
  const toStatus = moves
    ? step.outcomes.filter((o) => d.process.steps.find((s) => s.key === o.next)?.portalStatus === row.TrangThai)
    : [];
  if (toStatus.length === 1) return complete(toStatus[0]!.name, 'status');
  const single =
    step.outcomes.length === 1
      ? step.outcomes[0]
      : step.outcomes.find((o) => o.name === outcomeFromNext(step, next, d.process, row.TrangThai));
  // 3. The actor is the open step's performer (role or unit) and the step has a single way out.
  const actor = [row.ChucDanh, row.PhongBanXuLy].map(fold).filter((x) => x !== '');
  const performer = [step.performer.role, step.performer.unit].map(fold);
  if (single && actor.some((a) => performer.includes(a))) return complete(single.name, 'performer');
  // 4. The sequence: the row moves the status on, and the open step has a single way out.
  if (single && row.TrangThai > now) return complete(single.name, 'sequence');
  return undefined;
}
