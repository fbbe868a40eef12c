/**
 * `tthc deadline`: the due instant of a time limit, with the days it skipped and why.
 */
import {
  type CountingRule,
  type DeadlineExplanation,
  explainDeadline,
  formatDuration,
  parseDuration,
  toEpochMs,
  type WorkCalendar,
} from '@tthc/calendar';
import { commandHelp, type OptionSpecs, parseCommandArgs, requireString } from '../args.js';
import type { CommandContext } from '../context.js';
import { formatInstantIn, humanDate, humanInstantIn, json } from '../format-text.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

const RULES: readonly CountingRule[] = ['working-time', 'civil-code'];

// An ISO 8601 date-time with an explicit offset or Z; a local time without offset is ambiguous.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

const OPTIONS: OptionSpecs = {
  start: {
    type: 'string',
    value: '<ISO instant>',
    help: 'receipt instant with offset, e.g. 2026-02-13T16:30:00+07:00',
  },
  duration: {
    type: 'string',
    value: '<text>',
    help: 'time limit: 4h, 0.5d, 3d, PT4H, "03 ngày làm việc", "0,5 ngày", "Trong ngày"',
  },
  rule: { type: 'string', value: '<rule>', help: 'counting rule: working-time (default) or civil-code' },
  json: { type: 'boolean', help: 'print {"due","rule","skipped"} as JSON' },
};

/** The `--json` shape of `tthc deadline` (docs/cli.md). */
export interface DeadlineJson {
  readonly due: string;
  readonly rule: CountingRule;
  readonly skipped: readonly { readonly date: string; readonly reason: string }[];
}

/**
 * Machine output of a deadline: due in the calendar zone (seconds precision) and the skipped days.
 * @example deadlineJson(explainDeadline(cal, start, d), cal).due // '2026-02-25T16:30:00+07:00'
 */
export function deadlineJson(explanation: DeadlineExplanation, calendar: WorkCalendar): DeadlineJson {
  return {
    due: formatInstantIn(calendar, explanation.due),
    rule: explanation.rule,
    skipped: explanation.skipped.map((day) => ({ date: day.date, reason: day.reason })),
  };
}

/**
 * Human output of a deadline, Vietnamese first with English beside it.
 * @example deadlineText(explanation, vietnamCalendar())
 */
export function deadlineText(explanation: DeadlineExplanation, calendar: WorkCalendar): string {
  const lines = [
    `Hạn trả kết quả / Due:        ${humanInstantIn(calendar, explanation.due)}  (${formatInstantIn(calendar, explanation.due)})`,
    `Quy tắc / Rule:               ${ruleLabel(explanation.rule)}`,
    `Thời hạn / Time limit:        ${formatDuration(explanation.duration)} / ${formatDuration(explanation.duration, { lang: 'en' })}`,
    `Bắt đầu tính / Counting from: ${humanInstantIn(calendar, explanation.countingFrom)}`,
    `Giờ làm việc / Working time:  ${formatMinutes(explanation.workingMinutes)}`,
  ];
  if (explanation.skipped.length === 0) {
    lines.push('Ngày bỏ qua / Skipped days:   không có / none');
  } else {
    lines.push(`Ngày bỏ qua / Skipped days (${explanation.skipped.length}):`);
    for (const day of explanation.skipped) lines.push(`  ${humanDate(day.date)}  ${day.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `1234.5` working minutes → `20 h 34.5 min` (the explanation's total, for readers).
 * @example formatMinutes(1440) // '24 h (1440 min)'
 */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round((minutes - hours * 60) * 1000) / 1000;
  const total = Math.round(minutes * 1000) / 1000;
  return rest === 0 ? `${hours} h (${total} min)` : `${hours} h ${rest} min (${total} min)`;
}

function ruleLabel(rule: CountingRule): string {
  return rule === 'civil-code'
    ? 'civil-code — Bộ luật Dân sự 2015 điều 147–148 (không tính ngày nhận; hết ngày làm việc cuối / day of receipt not counted; ends at close of the last day)'
    : 'working-time — tính theo giờ làm việc thực tế / exact working minutes from receipt';
}

function parseStart(text: string): number {
  if (!ISO_WITH_OFFSET.test(text)) {
    throw new UsageError(
      `--start "${text}" is not an ISO 8601 instant with offset (e.g. 2026-02-13T16:30:00+07:00 or 2026-02-13T09:30:00Z)`,
    );
  }
  return toEpochMs(text, '--start');
}

function parseRule(value: string | boolean | undefined): CountingRule {
  if (value === undefined) return 'working-time';
  const rule = RULES.find((r) => r === value);
  if (!rule) throw new UsageError(`--rule "${String(value)}" is not a counting rule; expected ${RULES.join(' or ')}`);
  return rule;
}

function run(args: readonly string[], context: CommandContext): number {
  const { values } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    context.io.stdout.write(deadlineCommand.help());
    return 0;
  }
  const start = parseStart(requireString(values, 'start', OPTIONS));
  const duration = parseDuration(requireString(values, 'duration', OPTIONS), { field: '--duration' });
  const rule = parseRule(values.rule);
  const calendar = context.calendar();
  const explanation = explainDeadline(calendar, start, duration, { rule });
  context.io.stdout.write(
    values.json ? json(deadlineJson(explanation, calendar)) : deadlineText(explanation, calendar),
  );
  return 0;
}

/** `tthc deadline --start <ISO> --duration <text> [--rule working-time|civil-code] [--json]`. */
export const deadlineCommand: Command = {
  name: 'deadline',
  summary: 'due instant of a time limit from a receipt instant, with skipped days and reasons',
  help: () =>
    commandHelp(
      'tthc deadline --start <ISO instant> --duration <text> [--rule working-time|civil-code] [--json]',
      'Computes when a dossier received at --start is due under Vietnam’s official calendar\n' +
        '(weekends, Labour Code holidays, compensatory days, announced swaps and make-up Saturdays).',
      OPTIONS,
    ),
  run,
};
