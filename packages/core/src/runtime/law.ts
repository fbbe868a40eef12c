/**
 * The one-stop law by date: which decree and circular govern an event, and what each rule the
 * runtime applies cites on that date (REFERENCE.md §0, §1, §9; docs/runtime.md "The law by date").
 *
 * - Events before 2025-07-01 (Vietnam time): Nghị định 61/2018/NĐ-CP as amended by Nghị định
 *   107/2021/NĐ-CP, guided by Thông tư 01/2018/TT-VPCP. Articles are cited from the codified text.
 * - Events from 2025-07-01: Nghị định 118/2025/NĐ-CP (signed 09/6/2025, in force 01/7/2025), guided by
 *   Thông tư 03/2025/TT-VPCP (15/9/2025). The full texts could not be read (REFERENCE.md §9.1), so these
 *   citations name the instrument and no article number rather than guess one, and every rule keeps the
 *   2018–2021 behaviour: no change to it was found. Where a 2025 text was read repeating a rule, the
 *   rule says so (`evidence`).
 */
import { toEpochMs } from '@tthc/calendar';
import type { Dossier } from './dossier.js';
import type { DossierEvent } from './events.js';

/** Which set of one-stop texts governs. */
export type OneStopRegime = 'nd61-2018' | 'nd118-2025';

/** A rule of the one-stop mechanism that the runtime applies or reports. */
export type OneStopRule =
  | 'receipt-cutoff'
  | 'supplement-request-window'
  | 'supplement-clock'
  | 'refusal'
  | 'apology'
  | 'single-reappointment'
  | 'control-sheet';

/** The texts in force on a date and the citation of each rule. */
export interface OneStopLaw {
  readonly regime: OneStopRegime;
  /** The decree, e.g. "ND 118/2025/NĐ-CP". */
  readonly decree: string;
  /** The guiding circular, e.g. "TT 03/2025/TT-VPCP". */
  readonly circular: string;
  /** First local date (Asia/Ho_Chi_Minh) the texts govern. */
  readonly from: string;
  /** Last local date, or `null` while in force. */
  readonly to: string | null;
  /** Short citation of each rule, for messages. */
  readonly cite: Readonly<Record<OneStopRule, string>>;
}

/**
 * 2025-07-01T00:00:00+07:00 as epoch ms: ND 118/2025 art. on entry into force (01/7/2025). Vietnam has
 * kept UTC+7 without daylight saving since 1975, so the boundary is one fixed instant.
 */
export const ND118_IN_FORCE_MS = Date.UTC(2025, 5, 30, 17, 0, 0);

const ND61: OneStopLaw = Object.freeze({
  regime: 'nd61-2018',
  decree: 'ND 61/2018/NĐ-CP (as amended by ND 107/2021/NĐ-CP)',
  circular: 'TT 01/2018/TT-VPCP',
  from: '2018-06-21',
  to: '2025-06-30',
  cite: Object.freeze({
    // Art. 18: paper dossiers received after 15:00 move at the start of the next working day.
    'receipt-cutoff': 'ND 61 art. 18',
    'supplement-request-window': 'ND 61 art. 19(3)',
    'supplement-clock': 'ND 61 art. 19(3) as amended by ND 107/2021',
    refusal: 'ND 61 art. 19(7)',
    apology: 'ND 61 art. 19(8)',
    'single-reappointment': 'ND 61 art. 19(8) as amended by ND 107/2021',
    'control-sheet': 'TT 01/2018 Mẫu 05',
  }),
});

const ND118: OneStopLaw = Object.freeze({
  regime: 'nd118-2025',
  decree: 'ND 118/2025/NĐ-CP',
  circular: 'TT 03/2025/TT-VPCP',
  from: '2025-07-01',
  to: null,
  cite: Object.freeze({
    'receipt-cutoff': 'ND 118/2025 (article not read; the 15:00 transfer rule is assumed kept)',
    'supplement-request-window': 'ND 118/2025 (article not read; the 03-working-day window is assumed kept)',
    'supplement-clock': 'ND 118/2025 (article not read; the restart from zero is assumed kept)',
    refusal: 'ND 118/2025 (article not read)',
    // Lai Châu 88/2025/QĐ-UBND art. 3(6), issued under ND 118, repeats both rules word for word.
    apology: 'ND 118/2025 (as applied by Lai Châu 88/2025/QĐ-UBND art. 3(6))',
    'single-reappointment': 'ND 118/2025 (as applied by Lai Châu 88/2025/QĐ-UBND art. 3(6))',
    // Hà Nội 1594/QĐ-TTPVHCC numbers the Phiếu kiểm soát Mẫu 06 under TT 03/2025; others keep Mẫu 05.
    'control-sheet': 'TT 03/2025 Phụ lục I (Phiếu kiểm soát; Mẫu 06 in Hà Nội 1594/QĐ-TTPVHCC)',
  }),
});

/**
 * The one-stop texts in force at an instant (epoch ms): ND 61/2018 before 2025-07-01 00:00 Vietnam
 * time, ND 118/2025 from then.
 * @example oneStopLawAt(Date.parse('2025-06-30T16:59:59Z')).decree // 'ND 61/2018/NĐ-CP (as amended by ND 107/2021/NĐ-CP)'
 * @example oneStopLawAt(Date.parse('2025-07-01T08:00:00+07:00')).cite.apology // 'ND 118/2025 (as applied by …)'
 */
export function oneStopLawAt(atMs: number): OneStopLaw {
  return atMs < ND118_IN_FORCE_MS ? ND61 : ND118;
}

/**
 * The citation of one rule for an event at `atMs`.
 * @example citeRule('apology', Date.parse('2025-06-30T10:00:00+07:00')) // 'ND 61 art. 19(8)'
 */
export function citeRule(rule: OneStopRule, atMs: number): string {
  return oneStopLawAt(atMs).cite[rule];
}

/** One rule applied to a dossier, with the text in force when it applied. */
export interface AppliedRule {
  /** `receipt`, or the index of the event in `dossier.events`. */
  readonly event: 'receipt' | number;
  readonly at: number;
  readonly rule: OneStopRule;
  readonly regime: OneStopRegime;
  readonly citation: string;
}

const RULES_OF_EVENT: Partial<Record<DossierEvent['type'], readonly OneStopRule[]>> = {
  'request-supplement': ['supplement-request-window'],
  'supplement-received': ['supplement-clock'],
  reject: ['refusal'],
  extend: ['apology', 'single-reappointment'],
};

/**
 * Every one-stop rule the runtime applied to a dossier, each cited by the text in force on the date
 * of the event it applied to (receipt: the receipt cut-off and the control sheet).
 * @example legalBasisOf(dossier).map((r) => `${r.rule}: ${r.citation}`)
 */
export function legalBasisOf(dossier: Dossier): AppliedRule[] {
  const out: AppliedRule[] = [];
  const push = (event: 'receipt' | number, at: number, rule: OneStopRule) => {
    const law = oneStopLawAt(at);
    out.push({ event, at, rule, regime: law.regime, citation: law.cite[rule] });
  };
  const received = dossier.ledger.receivedAt;
  push('receipt', received, 'receipt-cutoff');
  push('receipt', received, 'control-sheet');
  dossier.events.forEach((event, i) => {
    for (const rule of RULES_OF_EVENT[event.type] ?? []) push(i, toEpochMs(event.at, 'at'), rule);
  });
  return out;
}
