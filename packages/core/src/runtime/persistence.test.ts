import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CoreError } from '../errors.js';
import { applyAll } from './apply.js';
import { type Dossier, openDossier } from './dossier.js';
import { applicant, clerk, leader, officer, procedure, process, tet2026Calendar } from './fixtures.test-util.js';
import { deserialize, serialize } from './persistence.js';

const cal = tet2026Calendar();
const proc = process({ supplementation: { policy: 'pause' } });
const context = { procedure, process: proc, calendar: cal };
const start = Date.parse('2026-03-02T08:00:00+07:00');
const iso = (ms: number) => new Date(ms).toISOString();

/** The happy path, with optional supplementation, consultation and apology inserted. */
function events(gapsMin: readonly number[], withSupplement: boolean, withConsult: boolean, withExtend: boolean) {
  const list: Record<string, unknown>[] = [{ type: 'complete-step', step: 'receive', by: clerk }];
  if (withSupplement) {
    list.push({ type: 'request-supplement', reason: 'Thiếu giấy tờ', by: officer });
    list.push({ type: 'supplement-received', by: clerk });
  }
  if (withConsult) {
    list.push({ type: 'consult', agency: 'Thuế cơ sở', budget: { amount: 4, unit: 'workingHour' }, by: officer });
    list.push({ type: 'consult-returned', agency: 'Thuế cơ sở', by: { unit: 'Thuế cơ sở' } });
  }
  if (withExtend) list.push({ type: 'extend', apology: 'Xin lỗi', newDue: '2026-12-31T17:00:00+07:00', by: leader });
  list.push(
    { type: 'complete-step', step: 'review', by: officer },
    { type: 'complete-step', step: 'approve', outcome: 'approved', by: leader },
    { type: 'pay', amount: 50000, by: applicant },
    { type: 'complete-step', step: 'issue', by: { role: 'Văn thư' } },
    { type: 'return-result', by: clerk },
  );
  let t = start;
  return list.map((e, i) => {
    t += (gapsMin[i % gapsMin.length] ?? 30) * 60_000;
    return { ...e, at: iso(t) };
  });
}

function build(n: number, gaps: readonly number[], s: boolean, c: boolean, x: boolean): Dossier {
  const all = events(gaps, s, c, x);
  return applyAll(
    openDossier(procedure, proc, cal, { id: 'P1', receivedAt: iso(start), channel: 'direct' }),
    all.slice(0, n),
  );
}

describe('serialize / deserialize', () => {
  test('the envelope is plain JSON with the format version, codes, snapshot, ledger and events', () => {
    const d = build(4, [60], true, false, false);
    const env = serialize(d);
    expect(JSON.parse(JSON.stringify(env))).toEqual(env);
    expect(env).toMatchObject({ formatVersion: 1, procedureCode: procedure.code, processVersion: '2026.1' });
    expect((env.snapshot as { value: unknown }).value).toEqual({ processing: 'approve' });
    expect(env.events).toHaveLength(4);
  });

  test('deserialize(serialize(d)) deep-equals d (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (n, gaps, s, c, x) => {
          let d: Dossier;
          try {
            d = build(n, gaps, s, c, x);
          } catch (e) {
            // An apology given after the due is refused (extend-not-later); such prefixes are skipped.
            if (e instanceof CoreError && e.code === 'EVENT_REJECTED') return;
            throw e;
          }
          const back = deserialize(JSON.parse(JSON.stringify(serialize(d))), context);
          expect(back).toEqual(d);
        },
      ),
      { numRuns: 60 },
    );
  });

  const env = () => JSON.parse(JSON.stringify(serialize(build(3, [90], true, false, false))));
  const failure = (mutate: (e: Record<string, unknown>) => void, ctx = context) => {
    const e = env();
    mutate(e);
    try {
      deserialize(e, ctx);
    } catch (err) {
      return err as CoreError;
    }
    throw new Error('expected INVALID_ENVELOPE');
  };

  test('refuses a wrong format version, a foreign procedure, another process version', () => {
    const v = failure((e) => (e.formatVersion = 2));
    expect(v.code).toBe('INVALID_ENVELOPE');
    expect(v.message).toContain('formatVersion');
    expect(v.message).toContain('2');
    const code = failure((e) => (e.procedureCode = '1.001193'));
    expect(code.message).toMatch(/procedureCode.*1\.001193.*2\.000720/);
    const version = failure(() => {}, {
      ...context,
      process: process({ version: '2027.1', supplementation: { policy: 'pause' } }),
    });
    expect(version.issues[0]).toMatchObject({ path: ['processVersion'], value: '2026.1' });
  });

  test('refuses a snapshot or ledger that disagrees with the replay, naming the field', () => {
    const snap = failure((e) => ((e.snapshot as Record<string, unknown>).value = 'closed'));
    expect(snap.code).toBe('INVALID_ENVELOPE');
    expect(snap.message).toContain('snapshot.value');
    const led = failure((e) => ((e.ledger as Record<string, unknown>).legalDue = 0));
    expect(led.issues[0]?.path).toEqual(['ledger', 'legalDue']);
  });
});

describe('deserialize on hostile envelopes (issue 12 Medium 9)', () => {
  test('a snapshot nested 100k deep is INVALID_ENVELOPE, not a RangeError', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { v: deep };
    const d = applyAll(
      openDossier(procedure, proc, cal, { id: 'H12.1-260302-0001', receivedAt: iso(start), channel: 'direct' }),
      events([30], false, false, false),
    );
    const env = { ...serialize(d), snapshot: deep };
    let error: unknown;
    try {
      deserialize(env, context);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('INVALID_ENVELOPE');
    expect((error as CoreError).message.length).toBeLessThan(600);
  });
});
