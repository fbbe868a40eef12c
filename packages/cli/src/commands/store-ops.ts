/** `tthc store reproject|outbox|migrate` (see `./store.ts`). */
import {
  applyMigration,
  drainOutbox,
  httpTransport,
  outboxCounts,
  parkedRows,
  planMigration,
  reproject,
} from '@tthc/store';
import { commandHelp, type OptionSpecs, parseCommandArgs, requireString } from '../args.js';
import type { CommandContext } from '../context.js';
import { json, table } from '../format.js';
import { UsageError } from '../io.js';
import { atOf, DB_OPTIONS, storeOf } from './store-options.js';

const REPROJECT_OPTIONS: OptionSpecs = {
  ...DB_OPTIONS,
  'run-id': { type: 'string', value: '<id>', help: 'a name for this run, e.g. tb-2026-04-nghi-bu (required)' },
  reason: { type: 'string', value: '<text>', help: 'the notice or decision that changed the calendar (required)' },
  at: { type: 'string', value: '<ISO instant>', help: 'when the run happens (required)' },
  'dry-run': { type: 'boolean', help: 'list what would move; write nothing' },
};

/** Recomputes every dossier under the calendar of `--calendar` and logs what moved. */
export async function reprojectSub(args: readonly string[], context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(args, REPROJECT_OPTIONS);
  if (values.help) {
    context.io.stdout.write(
      commandHelp(
        'tthc [--calendar <file>] store reproject …',
        'Re-projects dues after a calendar change.',
        REPROJECT_OPTIONS,
      ),
    );
    return 0;
  }
  const runId = requireString(values, 'run-id', REPROJECT_OPTIONS);
  const reason = requireString(values, 'reason', REPROJECT_OPTIONS);
  const at = atOf(values, REPROJECT_OPTIONS);
  const store = await storeOf(values, context);
  try {
    const report = await reproject(store, { runId, reason, at, dryRun: values['dry-run'] === true });
    if (values.json) context.io.stdout.write(json(report));
    else {
      const rows = report.changes.map((c) => [c.dossierId, c.field, c.before ?? '', c.after ?? '']);
      context.io.stdout.write(
        `${report.scanned} hồ sơ / dossiers scanned, ${report.changed} changed${values['dry-run'] ? ' (dry run)' : ''}\n` +
          (rows.length ? table(['mã hồ sơ / id', 'trường / field', 'trước / before', 'sau / after'], rows) : '') +
          report.skipped.map((s) => `skipped ${s.dossierId}: ${s.reason}\n`).join(''),
      );
    }
  } finally {
    await store.close();
  }
  return 0;
}

const OUTBOX_OPTIONS: OptionSpecs = {
  ...DB_OPTIONS,
  to: {
    type: 'string',
    value: '<url>',
    help: 'drain: the receiver to POST each row to (JSON, Idempotency-Key header)',
  },
  timeout: { type: 'string', value: '<ms>', help: 'drain: per-request timeout (default 10000)' },
  sender: { type: 'string', value: '<name>', help: 'drain: this sender’s name (default cli)' },
};

/** `outbox status` (default), `outbox parked`, `outbox drain --to <url>`. */
export async function outboxSub(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OUTBOX_OPTIONS, { positionals: true });
  const action = positionals[0] ?? 'status';
  if (!['status', 'parked', 'drain'].includes(action))
    throw new UsageError(`store outbox: "${action}": expected status, parked or drain`);
  const store = await storeOf(values, context);
  try {
    if (action === 'drain') {
      const url = requireString(values, 'to', OUTBOX_OPTIONS);
      const timeoutMs = typeof values.timeout === 'string' ? Number(values.timeout) : 10_000;
      if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
        throw new UsageError(`--timeout "${values.timeout}": expected milliseconds`);
      // The CLI is the application: it owns the clock the library takes as an argument.
      const report = await drainOutbox(store.driver, httpTransport({ url, timeoutMs }), {
        sender: typeof values.sender === 'string' ? values.sender : 'cli',
        clock: Date.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 60_000))),
      });
      context.io.stdout.write(
        values.json ? json(report) : `sent ${report.sent}, retried ${report.retried}, parked ${report.parked}\n`,
      );
      return 0;
    }
    if (action === 'parked') {
      const rows = await parkedRows(store.driver);
      context.io.stdout.write(
        values.json
          ? json(rows)
          : table(
              ['id', 'mã hồ sơ / id', 'seq', 'kind', 'attempts', 'error'],
              rows.map((r) => [String(r.id), r.dossierId, String(r.seq), r.kind, String(r.attempts), r.error]),
            ),
      );
      return 0;
    }
    const counts = await outboxCounts(store.driver);
    context.io.stdout.write(
      values.json ? json(counts) : `pending ${counts.pending}, sent ${counts.sent}, parked ${counts.parked}\n`,
    );
  } finally {
    await store.close();
  }
  return 0;
}

const MIGRATE_OPTIONS: OptionSpecs = {
  ...DB_OPTIONS,
  process: { type: 'string', value: '<code>', help: 'the procedure’s national code, e.g. 1.001612 (required)' },
  agency: { type: 'string', value: '<name>', help: 'the agency whose process it is (required)' },
  from: { type: 'string', value: '<version>', help: 'the running dossiers’ process version (required)' },
  to: { type: 'string', value: '<version>', help: 'the stored version to move them to (required)' },
  apply: { type: 'boolean', help: 'apply the plan (default: dry run, print it)' },
  'skip-blocked': { type: 'boolean', help: 'with --apply: move the others when some dossiers cannot move' },
  at: { type: 'string', value: '<ISO instant>', help: 'with --apply: when the migration happens' },
};

/** Plans (dry run) or applies a process-version migration. */
export async function migrateSub(args: readonly string[], context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(args, MIGRATE_OPTIONS);
  const from = {
    procedureCode: requireString(values, 'process', MIGRATE_OPTIONS),
    agency: requireString(values, 'agency', MIGRATE_OPTIONS),
    version: requireString(values, 'from', MIGRATE_OPTIONS),
  };
  const to = requireString(values, 'to', MIGRATE_OPTIONS);
  const store = await storeOf(values, context);
  try {
    const plan = await planMigration(store, from, to);
    if (!values.apply) {
      if (values.json) context.io.stdout.write(json(plan));
      else {
        const rows = plan.dossiers.map((d) => [
          d.dossierId,
          d.step ?? '',
          d.toStep ?? '',
          d.overallClock,
          d.stepClock,
          d.problem?.message ?? '',
        ]);
        context.io.stdout.write(
          `dry run: ${plan.movable} can move, ${plan.blocked} blocked\n` +
            table(['mã hồ sơ / id', 'bước / step', '→', 'hạn / due', 'hạn bước / step due', 'vấn đề / problem'], rows),
        );
      }
      return 0;
    }
    const report = await applyMigration(store, plan, {
      at: atOf(values, MIGRATE_OPTIONS),
      skipBlocked: values['skip-blocked'] === true,
    });
    context.io.stdout.write(
      values.json ? json(report) : `moved ${report.moved.length}, not moved ${report.notMoved.length}\n`,
    );
  } finally {
    await store.close();
  }
  return 0;
}
