import { formatInstant, serialize, type Dossier, type DossierEvent, apply, openDossier } from '@tthc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendar, DEMO_ID, demoDossier, process, procedure } from './fixtures.test-util.js';
import { readDvcqgProgress, rebuildDossiers, toDvcqgProgress, writeDvcqgProgressCsv } from './index.js';

const ZONE = 'Asia/Ho_Chi_Minh';

/** Export → text → read → rebuild; the rebuilt dossier and the problems. */
function roundTrip(d: Dossier, format: 'csv' | 'json') {
  const rows = toDvcqgProgress(d, { tag: true });
  const text = format === 'csv' ? writeDvcqgProgressCsv(rows) : JSON.stringify({ data: rows });
  const read = readDvcqgProgress(text);
  const rebuilt = rebuildDossiers(read.rows, { procedure, process, calendar: calendar(), positions: read.positions });
  return { rows, read, rebuilt };
}

function expectSameDossier(d: Dossier, format: 'csv' | 'json'): void {
  const { rows, read, rebuilt } = roundTrip(d, format);
  expect(read.problems).toEqual([]);
  expect(read.rows).toEqual(rows);
  expect(rebuilt.problems).toEqual([]);
  expect(rebuilt.dossiers).toHaveLength(1);
  const back = rebuilt.dossiers[0]!;
  expect(back.events).toEqual(d.events);
  expect(serialize(back)).toEqual(serialize(d));
}

const texts = fc.constantFrom(
  'Thiếu giấy tờ',
  'Hồ sơ "chưa đủ", cần bổ sung; xem lại',
  'Dòng một\nDòng hai',
  'Ghi chú: không phải ghi chú',
  '[tthc] {"type":"withdraw"}',
  'Trả kết quả',
);
const actorNames = fc.constantFrom('Nguyễn Thị Lan', 'Trần Văn Bình', 'Lê Văn Cường');
const agencies = ['Thuế cơ sở 1 tỉnh Thanh Hóa', 'Công an xã'];

/** Every event the runtime could accept now (apply decides); the generator picks one. */
function candidates(d: Dossier, at: string, pick: { name: string; text: string; withNote: boolean; withId: boolean }) {
  const extra = pick.withNote ? { note: pick.text } : {};
  const person = { name: pick.name, ...(pick.withId ? { id: 'cb-01' } : {}) };
  const list: DossierEvent[] = [];
  for (const s of process.steps) {
    for (const o of s.outcomes.length > 0 ? s.outcomes : [undefined]) {
      list.push({
        type: 'complete-step',
        step: s.key,
        ...(o && s.outcomes.length > 1 ? { outcome: o.name } : {}),
        at,
        by: { ...person, unit: s.performer.unit, role: s.performer.role },
        ...extra,
      });
    }
  }
  const due = formatInstant(d.ledger.legalDue + 3 * 86_400_000, ZONE);
  list.push(
    { type: 'request-supplement', reason: pick.text, at, by: person, ...extra },
    { type: 'supplement-received', at, by: {} },
    ...agencies.map(
      (agency, i): DossierEvent => ({
        type: 'consult',
        agency,
        ...(i === 0 ? { budget: { amount: 1, unit: 'workingDay' as const } } : {}),
        at,
        by: person,
        ...extra,
      }),
    ),
    ...agencies.map((agency): DossierEvent => ({ type: 'consult-returned', agency, at, by: person })),
    { type: 'extend', newDue: due, apology: pick.text, at, by: person },
    { type: 'pay', amount: 100_000, at, by: person },
    { type: 'return-result', at, by: person, ...extra },
    { type: 'reject', reason: pick.text, at, by: person },
    { type: 'withdraw', at, by: {} },
  );
  const ok: Dossier[] = [];
  for (const e of list) {
    try {
      ok.push(apply(d, e));
    } catch {
      // not allowed now: not a candidate
    }
  }
  return ok;
}

const history = fc.record({
  start: fc.integer({ min: 0, max: 40 * 24 * 60 }), // minutes after Mon 2 Feb 2026 00:00 (Tết inside)
  channel: fc.constantFrom('direct' as const, 'online' as const, 'postal' as const),
  steps: fc.array(
    fc.record({
      gap: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      choice: fc.nat(),
      name: actorNames,
      text: texts,
      withNote: fc.boolean(),
      withId: fc.boolean(),
    }),
    { maxLength: 16 },
  ),
});

type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

function build(h: History): Dossier {
  let minutes = Date.UTC(2026, 1, 1, 17) / 60_000 + h.start; // 2026-02-02T00:00+07:00
  let d = openDossier(procedure, process, calendar(), {
    id: 'H56.14-260202-0001',
    receivedAt: formatInstant(minutes * 60_000, ZONE),
    channel: h.channel,
  });
  for (const s of h.steps) {
    minutes += s.gap;
    const next = candidates(d, formatInstant(minutes * 60_000, ZONE), s);
    if (next.length === 0) break;
    // Half of the time move the process on, so that histories also reach the end.
    const forward = next.filter((n) => ['complete-step', 'return-result', 'pay'].includes(n.events.at(-1)!.type));
    const pool = s.choice % 2 === 0 && forward.length > 0 ? forward : next;
    d = pool[Math.floor(s.choice / 2) % pool.length]!;
  }
  return d;
}

describe('DVCQG progress rows: export → import', () => {
  it('rebuilds the demo dossier (Tết, a supplementation round, a liên thông hand-off) exactly', () => {
    const d = demoDossier();
    expect(d.id).toBe(DEMO_ID);
    expect(d.events.map((e) => e.type)).toContain('consult');
    expectSameDossier(d, 'csv');
    expectSameDossier(d, 'json');
  });

  it('rebuilds every history the runtime accepts exactly (CSV and JSON)', () => {
    fc.assert(
      fc.property(history, fc.constantFrom('csv' as const, 'json' as const), (h, format) => {
        expectSameDossier(build(h), format);
      }),
      { numRuns: 60 },
    );
  });

  it('the generator reaches supplementation, consultation and terminal states', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(history, (h) => {
        for (const e of build(h).events) seen.add(e.type);
      }),
      { numRuns: 60, seed: 6 },
    );
    for (const t of ['request-supplement', 'supplement-received', 'consult', 'consult-returned', 'return-result']) {
      expect(seen).toContain(t);
    }
  });
});
