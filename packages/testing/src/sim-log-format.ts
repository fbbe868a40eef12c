/**
 * Writers of dossier event logs in the formats `readEventLog` of `@tthc/sim` reads (CSV with the
 * generic header, JSON Lines, a JSON array), one event a line, so that the line of every event is
 * known in advance ({@link eventLogLine}) and a property can check the line a replay reports.
 * Plain strings only (no dependency on `@tthc/sim`).
 */

/** Who did a step, as a log records it (the `LogPerformer` of `@tthc/sim`). */
export interface GeneratedLogPerformer {
  readonly unit?: string;
  readonly role?: string;
}

/**
 * One event of a generated log — structurally the `LogEvent` of `@tthc/sim`, so an array of them
 * can be passed to `replay` as is, and what `readEventLog` gives back for a written log.
 */
export interface GeneratedLogEvent {
  /** Mã số hồ sơ. */
  readonly dossierId: string;
  /** The step key. */
  readonly activity: string;
  readonly performer?: GeneratedLogPerformer;
  /** When the step was done, epoch milliseconds (whole minutes). */
  readonly at: number;
  /** The outcome taken, when the log names it. */
  readonly outcome?: string;
  /** When the step started (NgayBatDau), epoch milliseconds: the receipt, on a dossier's first event. */
  readonly startedAt?: number;
  /** The line of the event in the log as {@link formatEventLog} writes it. */
  readonly line: number;
}

/** The formats of `readEventLog` (`LogFormat` of `@tthc/sim`). */
export type EventLogFormat = 'csv' | 'jsonl' | 'json';

/** Header of the CSV form: the generic column names of `readEventLog` (`performer` is the role). */
export const EVENT_LOG_CSV_HEADER = 'dossier_id,step,unit,performer,timestamp,outcome,started_at';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * An instant as ISO 8601 in Vietnam time (UTC+07:00, no daylight saving since 1975), the form
 * one-stop systems export; milliseconds only when there are some.
 * @example vietnamIso(Date.parse('2025-03-03T01:00:00Z')) // '2025-03-03T08:00:00+07:00'
 */
export function vietnamIso(ms: number): string {
  const iso = new Date(ms + VIETNAM_OFFSET_MS).toISOString();
  return `${ms % 1000 === 0 ? iso.slice(0, 19) : iso.slice(0, 23)}+07:00`;
}

/**
 * The line on which {@link formatEventLog} writes the event at `index` (0-based): CSV has its
 * header on line 1, a JSON array its `[` on line 1, JSON Lines starts on line 1.
 * @example eventLogLine('csv', 0) // 2
 */
export function eventLogLine(format: EventLogFormat, index: number): number {
  return format === 'jsonl' ? index + 1 : index + 2;
}

function csvField(value: string): string {
  if (/[\r\n]/.test(value)) {
    // A quoted line break would move every later event down a line: refuse rather than mis-number.
    throw new RangeError(`formatEventLog: a field holds a line break: ${JSON.stringify(value)}`);
  }
  return /[",]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function record(e: GeneratedLogEvent): Record<string, string> {
  return {
    dossier_id: e.dossierId,
    step: e.activity,
    ...(e.performer?.unit !== undefined ? { unit: e.performer.unit } : {}),
    ...(e.performer?.role !== undefined ? { performer: e.performer.role } : {}),
    timestamp: vietnamIso(e.at),
    ...(e.outcome !== undefined ? { outcome: e.outcome } : {}),
    ...(e.startedAt !== undefined ? { started_at: vietnamIso(e.startedAt) } : {}),
  };
}

/**
 * Writes events, in array order, as a log `readEventLog(text, { format })` reads back to the same
 * events: CSV with {@link EVENT_LOG_CSV_HEADER} (fields quoted when they hold `,` or `"`), JSON
 * Lines, or a JSON array with one element a line. Timestamps are ISO 8601 in Vietnam time. Event
 * `index` lands on line {@link eventLogLine}`(format, index)`; the events' own `line` is not read.
 * @throws {RangeError} when a field holds a line break (it would shift the line numbers).
 * @example
 * const log = fc.sample(eventLogArb(process, { format: 'csv' }), 1)[0]!;
 * readEventLog(formatEventLog(log.events, 'csv'), { format: 'csv' }).events; // deep-equals log.events
 */
export function formatEventLog(events: readonly GeneratedLogEvent[], format: EventLogFormat): string {
  if (format === 'csv') {
    const columns = EVENT_LOG_CSV_HEADER.split(',');
    const rows = events.map((e) => {
      const r = record(e);
      return columns.map((c) => csvField(r[c] ?? '')).join(',');
    });
    return `${[EVENT_LOG_CSV_HEADER, ...rows].join('\n')}\n`;
  }
  const lines = events.map((e) => JSON.stringify(record(e)));
  if (format === 'jsonl') return lines.length ? `${lines.join('\n')}\n` : '';
  return lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n';
}
