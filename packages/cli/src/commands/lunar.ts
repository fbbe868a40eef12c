/**
 * `tthc lunar`: Vietnamese lunar dates (âm lịch) of solar dates.
 */
import { CalendarError, dayNumberFromIso, type LunarDate, solarToLunar } from '@tthc/calendar';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { humanDate, json, table } from '../format-text.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpecs = {
  json: { type: 'boolean', help: 'print [{"solar","lunar":{"year","month","day","leap"}}] as JSON' },
};

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/**
 * The sexagenary (can chi) name of a lunar year: 1984 was Giáp Tý, the cycle's first year.
 * @example canChi(2026) // 'Bính Ngọ'
 */
export function canChi(lunarYear: number): string {
  const stem = (((lunarYear - 1984) % 10) + 10) % 10;
  const branch = (((lunarYear - 1984) % 12) + 12) % 12;
  return `${STEMS[stem]} ${BRANCHES[branch]}`;
}

/**
 * A lunar date for people: `1/1 năm Bính Ngọ (2026)`, with `tháng 4 nhuận` for a leap month.
 * @example lunarText({ year: 2026, month: 1, day: 1, leap: false }) // '1/1 năm Bính Ngọ (2026)'
 */
export function lunarText(lunar: LunarDate): string {
  const month = lunar.leap ? `${lunar.month} nhuận (leap)` : String(lunar.month);
  return `${lunar.day}/${month} năm ${canChi(lunar.year)} (${lunar.year})`;
}

function parseDate(text: string): string {
  try {
    dayNumberFromIso(text, 'date');
    return text;
  } catch (error) {
    if (error instanceof CalendarError) {
      throw new UsageError(`date "${text}" is not a calendar date YYYY-MM-DD (e.g. 2026-02-17)`);
    }
    throw error;
  }
}

function run(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(lunarCommand.help());
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError('expected at least one date YYYY-MM-DD, e.g. tthc lunar 2026-02-17');
  const rows = positionals.map(parseDate).map((solar) => ({ solar, lunar: solarToLunar(solar) }));
  context.io.stdout.write(
    values.json
      ? json(rows.map(({ solar, lunar: { year, month, day, leap } }) => ({ solar, lunar: { year, month, day, leap } })))
      : table(
          ['dương lịch / solar', 'âm lịch / lunar'],
          rows.map(({ solar, lunar }) => [humanDate(solar), lunarText(lunar)]),
        ),
  );
  return 0;
}

/** `tthc lunar <YYYY-MM-DD>... [--json]`. */
export const lunarCommand: Command = {
  name: 'lunar',
  summary: 'Vietnamese lunar dates (âm lịch) of solar dates',
  help: () =>
    commandHelp(
      'tthc lunar <YYYY-MM-DD>... [--json]',
      'Converts solar dates to the Vietnamese lunisolar calendar (UTC+7 from 1968, UTC+8 before),\n' +
        'which differs from the Chinese calendar in some years (e.g. Tết 2030 is 2 February in Vietnam).',
      OPTIONS,
    ),
  run,
};
