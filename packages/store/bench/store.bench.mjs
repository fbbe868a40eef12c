#!/usr/bin/env node
// Benchmark of @tthc/store (run after `pnpm build`; `pnpm bench:store` builds first).
//
//   node packages/store/bench/store.bench.mjs [--db memory://|<folder>|postgres://…] [--appends N] [--dossiers N]
//
// 1. appends/s: `append` of one event (replay + runtime apply + events, projection and outbox rows in one
//    transaction) against plain one-row INSERT transactions into a bare table of the same database;
// 2. due-soon query time (`dueWithin`, 1 working day) with the dossiers table at --dossiers rows: the
//    appended dossiers plus generated projection rows (INSERT … SELECT generate_series) spread over a
//    year of receipts, so the index sees a province's year (`--dossiers 1000000`).
// The table is filled before anything is timed, so both the appends and the query run at that size.
// The generated rows are projection rows only (copies of a real one, no events): they load the
// dossiers table and its indexes, which the append and the query touch; the events table holds
// only the appended dossiers' events.
// Defaults are small (memory://, 300 appends, 100 000 dossiers); CI does not run this script.
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProcedure, parseProcess } from '@tthc/core';
import { dueWithin, openStore } from '@tthc/store';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const db = arg('db', 'memory://');
const appends = Number(arg('appends', '300'));
const dossiers = Number(arg('dossiers', '100000'));
const schema = `bench_${process.pid}`;

const examples = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh',
);
const procedure = parseProcedure(JSON.parse(readFileSync(join(examples, 'procedure.json'), 'utf8')));
const processDoc = parseProcess(JSON.parse(readFileSync(join(examples, 'process.json'), 'utf8')));
const receptionist = { unit: 'Trung tâm Phục vụ hành chính công xã', role: 'Công chức tiếp nhận và trả kết quả' };

const store = await openStore({ db, schema });
const q = (sql, params) => store.driver.query(sql, params);
try {
  await store.putProcedure(procedure);
  await store.putProcess(processDoc);
  // Receipts on working days of March–April 2026, one per working minute from 08:00.
  const base = Date.UTC(2026, 2, 2, 1, 0, 0); // Mon 2 Mar 2026 08:00 +07
  const iso = (ms) => new Date(ms + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
  for (let i = 0; i < appends; i++) {
    await store.create({
      id: `B-${i}`,
      receivedAt: iso(base + i * 60_000),
      channel: 'direct',
      procedureCode: procedure.code,
    });
  }
  // Fill the projection to --dossiers rows: copies of a real projection row spread over a year.
  const filler = Math.max(0, dossiers - appends);
  let t = performance.now();
  for (let done = 0; done < filler; done += 100_000) {
    const n = Math.min(100_000, filler - done);
    await q(
      `INSERT INTO dossiers (id, procedure_code, national_code, process_version, agency, channel, received_at, received_text,
         overall_due, clock_stopped, step, step_due, next_due, performer_unit, performer_role, status, active, portal_status,
         finished_at, counting_rule, portal, snapshot, version, updated_at)
       SELECT 'G-' || g, d.procedure_code, d.national_code, d.process_version, d.agency, d.channel,
         d.received_at + ((g::bigint * 525600) / $3::int) * interval '1 minute', d.received_text,
         d.overall_due + ((g::bigint * 525600) / $3::int) * interval '1 minute', (g % 17 = 0), d.step,
         d.step_due + ((g::bigint * 525600) / $3::int) * interval '1 minute', d.next_due + ((g::bigint * 525600) / $3::int) * interval '1 minute',
         d.performer_unit, d.performer_role, d.status, (g % 5 <> 0), d.portal_status,
         CASE WHEN g % 5 = 0 THEN d.overall_due + ((g::bigint * 525600) / $3::int) * interval '1 minute' END,
         d.counting_rule, NULL, '{}'::jsonb, d.version, d.updated_at
       FROM dossiers d, generate_series($1::int + 1, $1::int + $2::int) g WHERE d.id = 'B-0'`,
      [done, n, filler],
    );
  }
  const fillSeconds = (performance.now() - t) / 1000;
  await q('ANALYZE dossiers');
  t = performance.now();
  for (let i = 0; i < appends; i++) {
    const at = iso(base + i * 60_000 + 30_000);
    await store.append(`B-${i}`, [{ type: 'complete-step', step: 'receive', at, by: receptionist }], {
      expectedVersion: 0,
    });
  }
  const appendSeconds = (performance.now() - t) / 1000;
  await q('CREATE TABLE plain_events (dossier_id text, seq int, at timestamptz, payload jsonb)');
  const payload = JSON.stringify({ type: 'complete-step', step: 'receive', at: iso(base), by: receptionist });
  t = performance.now();
  for (let i = 0; i < appends; i++) {
    await store.driver.transaction((tx) =>
      tx.query('INSERT INTO plain_events VALUES ($1, 1, $2, $3::jsonb)', [
        `B-${i}`,
        new Date(base).toISOString(),
        payload,
      ]),
    );
  }
  const plainSeconds = (performance.now() - t) / 1000;
  const perSecond = appends / appendSeconds;
  const plainPerSecond = appends / plainSeconds;

  const count = (await q('SELECT count(*)::int AS n FROM dossiers')).rows[0].n;
  const times = [];
  let found = 0;
  let checked = 0;
  for (let k = 0; k < 20; k++) {
    const at = iso(Date.UTC(2026, 5, 1 + k, 1, 0, 0));
    const s = performance.now();
    found += (await dueWithin(store, { at, within: { amount: 1, unit: 'workingDay' }, limit: 100_000 })).length;
    checked++;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `@tthc/store bench — ${store.driver.kind} (${db.startsWith('postgres') ? db.replace(/\/\/[^@/]*@/, '//…@') : db})`,
  );
  console.log(
    `  appends:        ${perSecond.toFixed(0)} /s (${appends} one-event appends: replay + apply + events, projection, outbox in one transaction)`,
  );
  console.log(`  plain INSERT:   ${plainPerSecond.toFixed(0)} /s (one-row INSERT transactions, same database)`);
  console.log(
    `  ratio:          append = ${(perSecond / plainPerSecond).toFixed(3)} × plain INSERT (${(plainPerSecond / perSecond).toFixed(1)}× slower)`,
  );
  console.log(
    `  dossiers table: ${count} rows while timing (${filler} generated projection rows without events, in ${fillSeconds.toFixed(1)} s)`,
  );
  console.log(
    `  due soon:       median ${median.toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms over ${checked} instants (1–20 Jun 2026 08:00; on average ${(found / checked).toFixed(0)} dossiers due within 1 working day)`,
  );
} finally {
  if (store.driver.kind === 'postgres') await store.driver.exec(`DROP SCHEMA ${schema} CASCADE`);
  await store.close();
}
