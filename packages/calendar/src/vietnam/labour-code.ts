/**
 * The statutory public holidays of a year as the Labour Code in force defines them, for years whose
 * government notice is not shipped (provisional years). Dates are day numbers (see `civil-date.ts`).
 */
import { dayNumberFromCivil, weekdayOfDayNumber } from '../civil-date.js';
import { VN_DAYS_OFF_DATA } from './days-off-data.generated.js';

/** The Labour Code whose holiday article governs a year. */
export type LabourCode = 'LC1994' | 'LC2012' | 'LC2019';

/** A holiday (or any dated entry) before it becomes a `SpecialDay`. */
export interface DatedName {
  readonly day: number;
  readonly name: string;
}

/** Lunar facts of one solar year, computed by the lunar module. */
export interface LunarAnchors {
  /** Day number of mùng 1 Tết (lunar 1/1) falling in this solar year. */
  readonly tet: number;
  /** Length (29 or 30) of the last lunar month (tháng Chạp) before that Tết. */
  readonly lastMonthLength: number;
  /** Day number of Giỗ Tổ Hùng Vương, lunar 10/3 (the regular, non-leap month 3) of this solar year. */
  readonly hungKings: number;
}

/** Day number of 2013-05-01, when the Labour Code 2012 took effect (art. 242). */
const LC2012_FROM = dayNumberFromCivil(2013, 5, 1);
/** Day number of 2021-01-01, when the Labour Code 2019 took effect (art. 220). */
const LC2019_FROM = dayNumberFromCivil(2021, 1, 1);

/**
 * Which Labour Code's holiday article is in force on a day — or, given a year, on 1 January of it:
 * - LC1994 art. 73 (in force 1995-01-01) until 2013-04-30 — so Tết 2013 still had its four days;
 * - LC2012 art. 115 from 2013-05-01 (art. 242); Tết 2014 was the first five-day Tết;
 * - LC2019 art. 112 from 2021-01-01.
 * Pass `{ day }` (a day number, see `civil-date.ts`) for a precise date.
 * @example labourCodeOf(2026) // 'LC2019'
 * @example labourCodeOf({ day: dayNumberFromCivil(2013, 2, 10) }) // 'LC1994' (Tết 2013)
 */
export function labourCodeOf(when: number | { readonly day: number }): LabourCode {
  const day = typeof when === 'number' ? dayNumberFromCivil(when, 1, 1) : when.day;
  if (day >= LC2019_FROM) return 'LC2019';
  return day >= LC2012_FROM ? 'LC2012' : 'LC1994';
}

/**
 * The short label of a Labour Code rule, the text of the data's `laws[code]` before its first colon,
 * e.g. "Labour Code 2019 (45/2019/QH14) Art.112 (from 2021-01-01)" — the same string the announced
 * years carry in their `law` field.
 * @example lawLabel('LC2012') // 'Labour Code 2012 (10/2012/QH13) Art.115'
 */
export function lawLabel(code: LabourCode): string {
  const text = VN_DAYS_OFF_DATA.laws[code] ?? code;
  const colon = text.indexOf(':');
  return colon < 0 ? text : text.slice(0, colon);
}

/**
 * Offsets from mùng 1 (0) of the statutory Tết days.
 *
 * - LC1994: Decree 195/CP (1994) art. 8 — the last day of the old year and mùng 1–3: `[-1, 0, 1, 2]`.
 * - LC2012 / LC2019: the Prime Minister picks 5 days each year; this heuristic is derived from the
 *   announced years 2013–2026 (see `labour-code.test.ts`): the government chooses the last two days
 *   of the old year and mùng 1–2 (`[-2 … 2]`), except when mùng 1 is a Monday or a Tuesday, where it
 *   chooses the last day of the old year and mùng 1–4 (`[-1 … 3]`) — for a Tuesday that makes the five
 *   days exactly Monday–Friday (2019, 2022, 2026), for a Monday it keeps the block within one week (2016).
 *   It reproduces 2015–2026; 2013 and 2014 (the early 9-day-block years) used `[-1 … 3]` on a Sunday
 *   and a Friday.
 * @example tetOffsets('LC2019', 2) // [-1, 0, 1, 2, 3] (mùng 1 on a Tuesday)
 */
export function tetOffsets(code: LabourCode, tetWeekday: number): readonly number[] {
  if (code === 'LC1994') return [-1, 0, 1, 2];
  return tetWeekday === 1 || tetWeekday === 2 ? [-1, 0, 1, 2, 3] : [-2, -1, 0, 1, 2];
}

/**
 * The day LC2019 art. 112(1)(đ) adds next to National Day (2/9): "1 ngày liền kề trước hoặc sau",
 * chosen each year by the Prime Minister. Heuristic from 2021–2026, by the weekday of 2/9: the adjacent
 * day is always a weekday; it is 3/9 when 2/9 is a Thursday (Friday 3/9 joins the weekend, 2021) or a
 * Monday (1/9 would be a Sunday, 2024) — and, unseen so far, a Sunday (1/9 would be a Saturday);
 * otherwise 1/9 (Tuesday 2025, Wednesday 2026, Friday 2022, Saturday 2023).
 * @example nationalDayAdjacent(2027) // day number of 2027-09-03 (2/9/2027 is a Thursday)
 */
export function nationalDayAdjacent(year: number): number {
  const national = dayNumberFromCivil(year, 9, 2);
  const weekday = weekdayOfDayNumber(national);
  return weekday === 1 || weekday === 4 || weekday === 7 ? national + 1 : national - 1;
}

/**
 * Vietnamese label of the lunar day at an offset from mùng 1: "mùng 1" … "mùng 10", or "29 tháng Chạp".
 * @example tetDayLabel(-1, 30) // '30 tháng Chạp'
 */
export function tetDayLabel(offset: number, lastMonthLength: number): string {
  return offset >= 0 ? `mùng ${offset + 1}` : `${lastMonthLength + 1 + offset} tháng Chạp`;
}

/**
 * The statutory holidays of a year under the Labour Code in force, sorted by date:
 * 1/1, Tết, Giỗ Tổ Hùng Vương 10/3 lunar (from 2007, Law 84/2007/QH11 amending LC1994 art. 73),
 * 30/4, 1/5, 2/9 and, under LC2019 art. 112, one day adjacent to 2/9.
 * @example statutoryHolidays(2027, anchors).map((h) => isoFromDayNumber(h.day))
 */
export function statutoryHolidays(year: number, anchors: LunarAnchors): DatedName[] {
  // Each holiday follows the code in force on its own date: in 2013 Tết (February) is LC1994's.
  const code = labourCodeOf(year);
  const tetCode = labourCodeOf({ day: anchors.tet });
  const days: DatedName[] = [{ day: dayNumberFromCivil(year, 1, 1), name: 'Tết Dương lịch (New Year)' }];
  for (const offset of tetOffsets(tetCode, weekdayOfDayNumber(anchors.tet))) {
    days.push({
      day: anchors.tet + offset,
      name: `Tết Nguyên Đán (${tetDayLabel(offset, anchors.lastMonthLength)})`,
    });
  }
  if (year >= 2007) days.push({ day: anchors.hungKings, name: 'Giỗ Tổ Hùng Vương (10/3 lunar)' });
  days.push({ day: dayNumberFromCivil(year, 4, 30), name: 'Ngày Chiến thắng (Reunification Day)' });
  days.push({ day: dayNumberFromCivil(year, 5, 1), name: 'Quốc tế Lao động (Labour Day)' });
  days.push({ day: dayNumberFromCivil(year, 9, 2), name: 'Quốc khánh (National Day)' });
  if (code === 'LC2019') days.push({ day: nationalDayAdjacent(year), name: 'Quốc khánh - adjacent day' });
  return days.sort((a, b) => a.day - b.day);
}
