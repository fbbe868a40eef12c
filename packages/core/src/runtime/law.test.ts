import { describe, expect, test } from 'vitest';
import { apply, applyAll } from './apply.js';
import { controlSheet } from './control-sheet.js';
import { openDossier } from './dossier.js';
import { clerk, leader, officer, procedure, process, tet2026Calendar } from './fixtures.test-util.js';
import { citeRule, legalBasisOf, ND118_IN_FORCE_MS, oneStopLawAt } from './law.js';

const cal = tet2026Calendar();

describe('the one-stop law by date', () => {
  test('ND 61/2018 governs until 2025-06-30 23:59:59 Vietnam time, ND 118/2025 from 2025-07-01 00:00', () => {
    expect(ND118_IN_FORCE_MS).toBe(Date.parse('2025-07-01T00:00:00+07:00'));
    const before = oneStopLawAt(Date.parse('2025-06-30T23:59:59.999+07:00'));
    const after = oneStopLawAt(Date.parse('2025-07-01T00:00:00+07:00'));
    expect([before.regime, before.decree, before.circular]).toEqual([
      'nd61-2018',
      'ND 61/2018/NĐ-CP (as amended by ND 107/2021/NĐ-CP)',
      'TT 01/2018/TT-VPCP',
    ]);
    expect([after.regime, after.decree, after.circular]).toEqual([
      'nd118-2025',
      'ND 118/2025/NĐ-CP',
      'TT 03/2025/TT-VPCP',
    ]);
    // Same instant seen from UTC: 2025-06-30T17:00Z is already 1 July in Vietnam.
    expect(oneStopLawAt(Date.parse('2025-06-30T16:59:59Z')).regime).toBe('nd61-2018');
    expect(oneStopLawAt(Date.parse('2025-06-30T17:00:00Z')).regime).toBe('nd118-2025');
  });

  test('every rule has a citation under both regimes, naming its own decree', () => {
    const rules = Object.keys(oneStopLawAt(0).cite);
    expect(rules).toEqual(Object.keys(oneStopLawAt(ND118_IN_FORCE_MS).cite));
    for (const rule of rules) {
      expect(citeRule(rule as never, ND118_IN_FORCE_MS - 1)).toMatch(/ND 61|TT 01\/2018/);
      expect(citeRule(rule as never, ND118_IN_FORCE_MS)).toMatch(/ND 118\/2025|TT 03\/2025/);
    }
  });
});

describe('the runtime cites the text in force on the event date', () => {
  // Thu 26 Jun 2025 08:00 + 3 working days → Mon 30 Jun 17:00; Fri 27 Jun → Tue 1 Jul 17:00.
  const open = (receivedAt: string, id: string) =>
    applyAll(openDossier(procedure, process(), cal, { id, receivedAt, channel: 'direct' }), [
      { type: 'complete-step', step: 'receive', at: receivedAt.replace('08:00', '09:00'), by: clerk },
    ]);
  const extend = (at: string, newDue: string) => ({ type: 'extend', at, by: leader, apology: 'Cần xác minh', newDue });

  test('a late apology on 2025-06-30 cites ND 61 art. 19(8); on 2025-07-01, ND 118/2025', () => {
    const june = apply(
      open('2025-06-26T08:00:00+07:00', 'H12.1-250626-0001'),
      extend('2025-06-30T10:00:00+07:00', '2025-07-03T17:00:00+07:00'),
    );
    const july = apply(
      open('2025-06-27T08:00:00+07:00', 'H12.1-250627-0001'),
      extend('2025-07-01T10:00:00+07:00', '2025-07-04T17:00:00+07:00'),
    );
    expect(june.ledger.flags.map((f) => f.message)).toEqual([
      'apology and new appointment issued less than 1 working day before the due (ND 61 art. 19(8))',
    ]);
    expect(july.ledger.flags.map((f) => f.code)).toEqual(['late-apology']);
    expect(july.ledger.flags[0]!.message).toContain('ND 118/2025');
    expect(july.ledger.flags[0]!.message).not.toContain('ND 61');
    // Same behaviour under both texts: nothing found that changes the 1-day rule.
    expect(june.ledger.extension?.lateNotice).toBe(true);
    expect(july.ledger.extension?.lateNotice).toBe(true);
  });

  test('a late refusal and a second re-appointment cite the decree of their own date', () => {
    const d = open('2025-06-26T08:00:00+07:00', 'H12.1-250626-0002');
    const refusedJune = apply(d, {
      type: 'reject',
      at: '2025-06-30T17:30:00+07:00',
      by: officer,
      reason: 'Không đủ điều kiện',
    });
    const refusedJuly = apply(d, { type: 'reject', at: '2025-07-01T08:30:00+07:00', by: officer, reason: 'x' });
    expect(refusedJune.ledger.flags[0]!.message).toBe('refusal issued after the time limit (ND 61 art. 19(7))');
    expect(refusedJuly.ledger.flags[0]!.message).toBe(
      'refusal issued after the time limit (ND 118/2025 (article not read))',
    );
    const once = apply(d, extend('2025-06-27T09:00:00+07:00', '2025-07-03T17:00:00+07:00'));
    const again = (at: string) => {
      try {
        apply(once, extend(at, '2025-07-09T17:00:00+07:00'));
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(again('2025-06-30T08:00:00+07:00')).toContain('(ND 61 art. 19(8) as amended by ND 107/2021)');
    expect(again('2025-07-01T08:00:00+07:00')).toContain('ND 118/2025');
  });

  test('legalBasisOf and the control sheet date each rule', () => {
    const june = open('2025-06-30T08:00:00+07:00', 'H12.1-250630-0001');
    const july = open('2025-07-01T08:00:00+07:00', 'H12.1-250701-0001');
    expect(controlSheet(june).legalBasis).toBe('TT 01/2018 Mẫu 05');
    expect(controlSheet(july).legalBasis).toMatch(/^TT 03\/2025 Phụ lục I/);
    const supplemented = applyAll(june, [
      { type: 'request-supplement', reason: 'Thiếu CCCD', at: '2025-06-30T14:00:00+07:00', by: officer },
      { type: 'supplement-received', at: '2025-07-02T09:00:00+07:00', by: clerk },
    ]);
    expect(legalBasisOf(supplemented).map((r) => [r.event, r.rule, r.regime])).toEqual([
      ['receipt', 'receipt-cutoff', 'nd61-2018'],
      ['receipt', 'control-sheet', 'nd61-2018'],
      [1, 'supplement-request-window', 'nd61-2018'],
      [2, 'supplement-clock', 'nd118-2025'],
    ]);
  });
});
