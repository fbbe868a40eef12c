/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ (TT 01/2018 Mẫu 05 before 2025-07-01; TT 03/2025 Phụ lục I
 * from then, Mẫu 06 in some 2025 decisions) —
 * the hand-off log that travels with a dossier: one row per step visit and per consulted agency,
 * each classified early / on time / late on its own share (TT 01/2018 art. 13 index 2).
 */
import type { Actor } from './events.js';
import type { Dossier } from './dossier.js';
import { citeRule } from './law.js';
import { formatInstant } from './time.js';
import { classifyCompletion, type CompareMode } from './views.js';

/** One row of the control sheet. */
export interface ControlSheetRow {
  readonly kind: 'step' | 'consult';
  /** The step key (for a consult row: the step that asked). */
  readonly step: string | null;
  readonly stepName: string | null;
  /** Tên cơ quan / đơn vị: the performer's unit, or the consulted agency. */
  readonly unit: string;
  readonly role: string | null;
  /** Giao: who handed the dossier over, and when. */
  readonly handedOverBy: Actor | null;
  readonly handedOverAt: string;
  /** Nhận: when the unit received it (electronic hand-over: the same instant). */
  readonly receivedAt: string;
  readonly due: string | null;
  readonly doneAt: string | null;
  /** Kết quả giải quyết: trước hạn / đúng hạn / quá hạn on this share; `null` while open or uncounted. */
  readonly result: 'early' | 'on-time' | 'late' | null;
  readonly note: string | null;
}

/** The control sheet of a dossier. */
export interface ControlSheet {
  readonly dossierId: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly receivedAt: string;
  readonly appointment: string;
  /**
   * The form this sheet is, by the text in force on the receipt date: TT 01/2018 Mẫu 05 before
   * 2025-07-01, TT 03/2025 Phụ lục I from then (law.ts).
   */
  readonly legalBasis: string;
  readonly rows: readonly ControlSheetRow[];
}

/** Options of {@link controlSheet}. */
export interface ControlSheetOptions {
  /** Default `instant`. */
  readonly compare?: CompareMode;
}

/**
 * The Phiếu kiểm soát quá trình giải quyết hồ sơ of a dossier, rows in hand-over order.
 * @example controlSheet(dossier).rows.map((r) => `${r.unit}: ${r.result}`)
 */
export function controlSheet(dossier: Dossier, options: ControlSheetOptions = {}): ControlSheet {
  const compare = options.compare ?? 'instant';
  const cal = dossier.calendar;
  const fmt = (ms: number): string => formatInstant(ms, cal);
  const result = (done: number | null, due: number | null) =>
    done === null || due === null ? null : classifyCompletion(done, due, cal, compare);
  const rows: { at: number; row: ControlSheetRow }[] = [];
  for (const v of dossier.ledger.steps) {
    const step = dossier.process.steps.find((s) => s.key === v.step);
    rows.push({
      at: v.enteredAt,
      row: {
        kind: 'step',
        step: v.step,
        stepName: step?.name ?? null,
        unit: step?.performer.unit ?? '',
        role: step?.performer.role ?? null,
        handedOverBy: v.handedOverBy,
        handedOverAt: fmt(v.enteredAt),
        receivedAt: fmt(v.enteredAt),
        due: v.due === null ? null : fmt(v.due),
        doneAt: v.doneAt === null ? null : fmt(v.doneAt),
        result: result(v.doneAt, v.due),
        note: v.note ?? (v.interruptedBy ? `interrupted by ${v.interruptedBy}` : null),
      },
    });
  }
  for (const c of dossier.ledger.consults) {
    rows.push({
      at: c.sentAt,
      row: {
        kind: 'consult',
        step: c.step,
        stepName: dossier.process.steps.find((s) => s.key === c.step)?.name ?? null,
        unit: c.agency,
        role: null,
        handedOverBy: c.sentBy,
        handedOverAt: fmt(c.sentAt),
        receivedAt: fmt(c.sentAt),
        due: c.due === null ? null : fmt(c.due),
        doneAt: c.returnedAt === null ? null : fmt(c.returnedAt),
        result: result(c.returnedAt, c.due),
        note: null,
      },
    });
  }
  // Stable sort: rows handed over at the same instant keep steps before consultations.
  rows.sort((a, b) => a.at - b.at);
  const l = dossier.ledger;
  return {
    dossierId: dossier.id,
    procedureCode: dossier.procedure.code,
    procedureName: dossier.procedure.name,
    receivedAt: fmt(l.receivedAt),
    appointment: fmt(l.extension?.newDue ?? l.legalDue),
    legalBasis: citeRule('control-sheet', l.receivedAt),
    rows: rows.map((r) => r.row),
  };
}
