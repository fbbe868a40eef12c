/**
 * `tthc holidays`: the official days off and make-up working days of one year.
 */
import { type SpecialDayKind, type VietnamYearHolidays, vietnamHolidays } from '@tthc/calendar';
import { commandHelp, type OptionSpecs, parseCommandArgs, requireString } from '../args.js';
import type { CommandContext } from '../context.js';
import { humanDate, json, table } from '../format-text.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpecs = {
  year: { type: 'string', value: '<YYYY>', help: 'Gregorian year, e.g. 2026 (1995–2199)' },
  json: { type: 'boolean', help: 'print {"year","provisional","days":[{"date","kind","name","source"}]} as JSON' },
};

/** The `--json` shape of `tthc holidays` (docs/cli.md); `source` is null when the day has none. */
export interface HolidaysJson {
  readonly year: number;
  readonly provisional: boolean;
  readonly days: readonly {
    readonly date: string;
    readonly kind: SpecialDayKind;
    readonly name: string;
    readonly source: string | null;
  }[];
}

/**
 * Machine output of a year's days.
 * @example holidaysJson(vietnamHolidays(2026)).days[0] // { date: '2026-01-01', kind: 'holiday', … }
 */
export function holidaysJson(year: VietnamYearHolidays): HolidaysJson {
  return {
    year: year.year,
    provisional: year.provisional,
    days: year.days.map((day) => ({ date: day.date, kind: day.kind, name: day.name, source: day.source ?? null })),
  };
}

const KIND_LABELS: Readonly<Record<SpecialDayKind, string>> = {
  holiday: 'nghỉ lễ / holiday',
  compensatory: 'nghỉ bù / compensatory',
  'swap-off': 'hoán đổi nghỉ / swap-off',
  'make-up-workday': 'làm bù / make-up workday',
  local: 'nghỉ địa phương / local',
  custom: 'khác / custom',
};

/**
 * Human output of a year's days: a header and a table.
 * @example holidaysText(vietnamHolidays(2026))
 */
export function holidaysText(year: VietnamYearHolidays): string {
  const status = year.provisional
    ? 'DỰ KIẾN theo luật, chưa có thông báo / PROVISIONAL: derived from the law, no notice shipped'
    : 'đã công bố / announced';
  const header = `Ngày nghỉ năm ${year.year} / Days off in ${year.year} — ${status}\nLuật / Law: ${year.law}\n\n`;
  const rows = year.days.map((day) => [humanDate(day.date), KIND_LABELS[day.kind], day.name, day.source ?? '']);
  return header + table(['ngày / date', 'loại / kind', 'tên / name', 'nguồn / source'], rows);
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new UsageError(`--year "${text}" is not a year; expected four digits, e.g. 2026`);
  return Number(text);
}

function run(args: readonly string[], context: CommandContext): number {
  const { values } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    context.io.stdout.write(holidaysCommand.help());
    return 0;
  }
  const year = vietnamHolidays(parseYear(requireString(values, 'year', OPTIONS)), context.calendarOptions);
  context.io.stdout.write(values.json ? json(holidaysJson(year)) : holidaysText(year));
  return 0;
}

/** `tthc holidays --year YYYY [--json]`. */
export const holidaysCommand: Command = {
  name: 'holidays',
  summary: 'official days off, compensatory days, swaps and make-up workdays of a year',
  help: () =>
    commandHelp(
      'tthc holidays --year <YYYY> [--json]',
      'Lists the year’s public holidays (Labour Code), compensatory days, swapped days off and make-up\n' +
        'working days. Years without a shipped government notice are derived from the law and marked provisional.',
      OPTIONS,
    ),
  run,
};
