/**
 * Durations — thời hạn / thời gian xử lý: reading and writing the time budgets found in procedure
 * catalogues, internal-process tables and configuration (`4h`, `PT4H`, `0,5 ngày`, `03 ngày làm việc`,
 * `Trong ngày`…). Parsing is pure string work: no calendar is needed until a duration is applied.
 */
import { CalendarError } from './errors.js';
import type { Duration, DurationUnit, TimeOfDay } from './types.js';

/** Options of {@link parseDuration}. */
export interface ParseDurationOptions {
  /**
   * What a plain "ngày" / "days" (without "làm việc" / "working") means. Law: calendar days
   * (`'calendarDay'`, the default — DOMAIN.md: "a limit in plain 'ngày' means calendar days");
   * provincial internal-process tables usually mean working days (`'workingDay'`).
   * A fractional plain day ("0,5 ngày") is always working days whatever this says.
   */
  readonly plainDay?: 'calendarDay' | 'workingDay';
  /** Name of the field in error messages, e.g. a JSON path `procedure.channels[0].timeLimit`. Default `duration`. */
  readonly field?: string;
}

/** Options of {@link formatDuration}. */
export interface FormatDurationOptions {
  /** Output language. Default `vi`. */
  readonly lang?: 'vi' | 'en';
}

const UNITS: readonly DurationUnit[] = [
  'workingMinute',
  'workingHour',
  'workingDay',
  'calendarDay',
  'calendarMonth',
  'sameDay',
];
const EXPECTED = 'expected … (4h, 30m, 0.5d, PT4H, "0,5 ngày", "04 giờ", "03 ngày làm việc", "Trong ngày")';

type UnitKind = 'workingDay' | 'calendarDay' | 'plainDay' | 'workingHour' | 'workingMinute';

// Unit words after diacritics are folded away (see `fold`). Longest first so that the regex
// alternation prefers "ngay lam viec" over "ngay" and "min" over "m".
const UNIT_WORDS: ReadonlyMap<string, UnitKind> = new Map<string, UnitKind>(
  (
    [
      ['ngay lam viec', 'workingDay'],
      ['ngay (lam viec)', 'workingDay'],
      ['ngay lich', 'calendarDay'],
      ['ngay', 'plainDay'],
      ['working days', 'workingDay'],
      ['working day', 'workingDay'],
      ['business days', 'workingDay'],
      ['business day', 'workingDay'],
      ['calendar days', 'calendarDay'],
      ['calendar day', 'calendarDay'],
      ['days', 'plainDay'],
      ['day', 'plainDay'],
      // `d` is the compact notation of the library (DESIGN.md §3: "0.5d" = 4 working hours).
      ['d', 'workingDay'],
      ['gio lam viec', 'workingHour'],
      ['gio hanh chinh', 'workingHour'],
      ['gio', 'workingHour'],
      ['working hours', 'workingHour'],
      ['working hour', 'workingHour'],
      ['hours', 'workingHour'],
      ['hour', 'workingHour'],
      ['hrs', 'workingHour'],
      ['hr', 'workingHour'],
      ['h', 'workingHour'],
      ['phut lam viec', 'workingMinute'],
      ['phut', 'workingMinute'],
      ['working minutes', 'workingMinute'],
      ['working minute', 'workingMinute'],
      ['minutes', 'workingMinute'],
      ['minute', 'workingMinute'],
      ['mins', 'workingMinute'],
      ['min', 'workingMinute'],
      ['m', 'workingMinute'],
    ] as const
  )
    .slice()
    .sort((a, b) => b[0].length - a[0].length),
);

const escapeRe = (s: string): string => s.replace(/[()]/g, '\\$&');
const PREFIX = String.raw`(?:(?:trong vong|trong thoi han|trong|toi da|khong qua|within|up to|at most)\s+)?`;
const NUMBER = String.raw`([-+]?)\s*(\d+\s*\/\s*\d+|\d+(?:[.,]\d+)?|[.,]\d+)`;
// Official texts spell the number out after the digits: "05 (năm) ngày làm việc", "15 (mười lăm) ngày".
const SPELLED = String.raw`(?:\(\s*([a-z]+(?: [a-z]+)*)\s*\)\s*)?`;
const SIMPLE_RE = new RegExp(
  `^${PREFIX}${NUMBER}\\s*${SPELLED}(${[...UNIT_WORDS.keys()].map(escapeRe).join('|')})(?![a-z0-9])`,
);
// A second amount right after the first ("02 ngày 04 giờ làm việc", "2 ngày và 4 giờ"): never dropped.
const SECOND_QUANTITY_RE = new RegExp(
  `^\\s*(?:\\+|va|and)?\\s*${NUMBER}\\s*${SPELLED}(${[...UNIT_WORDS.keys()].map(escapeRe).join('|')})(?![a-z0-9])`,
);
const MONTHS_RE = new RegExp(`^${PREFIX}${NUMBER}\\s*${SPELLED}(?:thang|months?)(?![a-z0-9])`);
// "1 giờ 30 phút", "1 giờ 30", "1h30", "1 hour 30 minutes": hours and minutes, read as minutes. Without
// this, "1 giờ 30" would silently read as 1 hour.
const HOURS_MINUTES_RE = new RegExp(
  String.raw`^${PREFIX}(\d+)\s*(?:gio|hours?|hrs?|h)\s*(\d+)\s*(?:phut|minutes?|mins?|m)?(?![a-z0-9])`,
);
const ISO_NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const ISO_RE = new RegExp(`^p(?:${ISO_NUM}d)?(?:t(?:${ISO_NUM}h)?(?:${ISO_NUM}m)?(?:${ISO_NUM}s)?)?$`);
const NOT_COUNTED_RE = /^(?:khong tinh(?: thoi gian)?|(?:trong )?gio hanh chinh|not counted|office hours)(?![a-z0-9])/;
const SAME_DAY_RE =
  /^(?:(?:ngay )?trong ngay(?: lam viec)?|same (?:working )?day|within the (?:same )?day)(?![a-z0-9])(.*)$/;
const CUTOFF_RE = /(?:sau|truoc|after|before)\s*(\d{1,2})\s*(?:gio|h|:)\s*(\d{2})?(?![0-9])/g;

/** Lower-case, diacritics folded (đ → d), whitespace collapsed: "Ngày Làm  Việc" → "ngay lam viec". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseAmount(text: string): number {
  const slash = text.indexOf('/');
  if (slash >= 0) return Number(text.slice(0, slash).trim()) / Number(text.slice(slash + 1).trim());
  return Number(text.replace(',', '.'));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

interface Ctx {
  readonly text: string;
  readonly field: string;
}

function fail(ctx: Ctx, why: string = EXPECTED): never {
  throw new CalendarError('INVALID_DURATION', `${ctx.field}: cannot read ${JSON.stringify(ctx.text)}; ${why}`, {
    field: ctx.field,
    value: ctx.text,
  });
}

function checkAmount(ctx: Ctx, amount: number): number {
  if (!Number.isFinite(amount) || amount < 0) fail(ctx, `the amount must be a finite number ≥ 0, got ${amount}`);
  return amount;
}

/** Reads the cut-off of a same-day text ("sau 15 giờ trả vào ngày làm việc tiếp theo", "(trước 15:00)"). */
function readCutoff(ctx: Ctx, rest: string): TimeOfDay | undefined {
  const found = new Set<string>();
  for (const m of rest.matchAll(CUTOFF_RE)) {
    const hour = Number(m[1]);
    const minute = m[2] === undefined ? 0 : Number(m[2]);
    if (hour > 23 || minute > 59) fail(ctx, `the cut-off ${m[0].trim()} is not a time of day`);
    found.add(`${pad2(hour)}:${pad2(minute)}`);
  }
  // Decree 23/2015/NĐ-CP, Law on Civil Status: the cut-off is per procedure, so two different times
  // cannot be guessed between — the caller must say which one applies.
  if (found.size > 1)
    fail(ctx, `it names several cut-off times (${[...found].join(', ')}); write "Trong ngày (trước 15:00)"`);
  return found.values().next().value;
}

function parseIso(ctx: Ctx, m: RegExpExecArray): Duration {
  const [, days, hours, minutes, seconds] = m;
  const time = [hours, minutes, seconds];
  if (days === undefined && time.every((t) => t === undefined)) fail(ctx);
  if (days !== undefined) {
    // A working day's length belongs to the calendar (workingDayMinutes), so P1DT4H has no single unit.
    if (time.some((t) => t !== undefined)) fail(ctx, 'ISO 8601 days and hours cannot be mixed (write PT12H or P1.5D)');
    // ISO 8601 days in a time budget are working days: statutory limits are "N ngày làm việc".
    return { amount: checkAmount(ctx, parseAmount(days)), unit: 'workingDay' };
  }
  const present = time.filter((t) => t !== undefined).length;
  if (present === 1 && hours !== undefined)
    return { amount: checkAmount(ctx, parseAmount(hours)), unit: 'workingHour' };
  const total =
    (hours === undefined ? 0 : parseAmount(hours) * 60) +
    (minutes === undefined ? 0 : parseAmount(minutes)) +
    (seconds === undefined ? 0 : parseAmount(seconds) / 60);
  return { amount: checkAmount(ctx, total), unit: 'workingMinute' };
}

/** Digits as Vietnamese words, diacritics folded ("năm" and "lăm" both 5, "tư" and "mốt" after "mươi"). */
const DIGIT_WORDS: Readonly<Record<string, number>> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/**
 * A whole number 0–999 written in Vietnamese words, folded ("muoi lam" → 15, "hai muoi mot" → 21,
 * "mot tram linh nam" → 105); undefined when the words are not such a number.
 */
export function readVietnameseNumberWords(folded: string): number | undefined {
  const t = folded.trim().split(/\s+/);
  const digit = (w: string | undefined): number | undefined =>
    w !== undefined && Object.hasOwn(DIGIT_WORDS, w) ? DIGIT_WORDS[w] : undefined;
  let i = 0;
  let total = 0;
  const hundreds = digit(t[0]);
  if (hundreds !== undefined && t[1] === 'tram') {
    total += hundreds * 100;
    i = 2;
    if (t[i] === 'linh' || t[i] === 'le') i++;
  }
  const tens = digit(t[i]);
  if (t[i] === 'muoi') {
    total += 10;
    i++;
  } else if (tens !== undefined && tens >= 2 && t[i + 1] === 'muoi') {
    total += tens * 10;
    i += 2;
  }
  const units = digit(t[i]);
  if (units !== undefined) {
    total += units;
    i++;
  }
  return i === t.length && i > 0 ? total : undefined;
}

/** The spelled-out amount must say what the digits say: "05 (mười)" is ambiguous, so it is refused. */
function checkSpelled(ctx: Ctx, amount: number, words: string | undefined): void {
  if (words === undefined) return;
  const spelled = readVietnameseNumberWords(words);
  if (spelled === undefined) fail(ctx, `the amount in words "(${words})" does not read as a number`);
  if (spelled !== amount) fail(ctx, `the digits say ${amount} and the words "(${words})" say ${spelled}`);
}

function parseQuantity(ctx: Ctx, m: RegExpExecArray, plainDay: 'calendarDay' | 'workingDay'): Duration {
  const [, sign, number, words, word] = m;
  const magnitude = parseAmount(number ?? '');
  checkSpelled(ctx, magnitude, words);
  const amount = checkAmount(ctx, sign === '-' ? -magnitude : magnitude);
  const kind = UNIT_WORDS.get(word ?? '');
  if (kind === 'calendarDay' && !Number.isInteger(amount)) {
    fail(ctx, `calendar days must be a whole number, got ${amount} (Civil Code 2015 art. 147 counts whole days)`);
  }
  if (kind === 'plainDay') {
    // A half calendar day has no legal meaning; process tables write "0,5 ngày" for 4 working hours.
    return { amount, unit: Number.isInteger(amount) ? plainDay : 'workingDay' };
  }
  return { amount, unit: kind ?? fail(ctx) };
}

/** "06 tháng", "3 months": Civil Code 2015 art. 147–148 counts whole months only. */
function parseMonths(ctx: Ctx, m: RegExpExecArray): Duration {
  const [, sign, number, words] = m;
  const magnitude = parseAmount(number ?? '');
  checkSpelled(ctx, magnitude, words);
  const amount = checkAmount(ctx, sign === '-' ? -magnitude : magnitude);
  if (!Number.isInteger(amount)) {
    fail(ctx, `a period in months must be whole, got ${amount} (Civil Code 2015 art. 148 counts whole months)`);
  }
  return { amount, unit: 'calendarMonth' };
}

/**
 * Reads a duration from configuration or from the text of a catalogue or process table.
 *
 * Accepted (NFC-normalised, trimmed, case-insensitive, with or without diacritics; trailing context
 * after the first quantity is ignored, so "168 giờ (tương đương 21 ngày)" is 168 working hours):
 * - compact: `4h`, `30m`, `30 min`, `0.5d`, `1,5 d` (`d` = working days), `1h30` / `1 giờ 30 phút` (minutes);
 * - ISO 8601: `PT4H` (hours), `PT30M`, `PT1H30M` (minutes), `P3D` — **ISO days are working days**;
 *   days and hours cannot be mixed since a working day's length is the calendar's;
 * - Vietnamese: `04 giờ (làm việc)`, `15 phút`, `03 ngày làm việc`, `05 (năm) ngày làm việc` (the words
 *   must say what the digits say), `1/2 ngày`, `½ ngày`, `1½ ngày`, `0,25 ngày`,
 *   `Trong ngày` / `Ngay trong ngày` → `sameDay` (with `cutoff` when the text names one time, e.g.
 *   "Trong ngày; sau 15 giờ trả vào ngày làm việc tiếp theo"), `Không tính thời gian` / `Giờ hành chính` →
 *   `{ amount: 0, unit: 'workingMinute', notCounted: true }`, `06 tháng` / `06 (sáu) tháng` →
 *   `{ amount: 6, unit: 'calendarMonth' }` (whole months, Civil Code 2015 art. 147–148);
 * - English: `3 working days`, `4 working hours`, `10 calendar days`, `same day (before 15:00)`, `not counted`.
 *
 * A plain "ngày" / "days" follows `options.plainDay` (default calendar days, as in law); a fractional
 * plain day is always working days. `sameDay` durations have amount 0.
 * @throws {CalendarError} `INVALID_DURATION` naming `options.field` and the text, also for negative,
 *   non-finite or fractional calendar-day amounts.
 * @example
 * parseDuration('03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ') // { amount: 3, unit: 'workingDay' }
 * parseDuration('0,5 ngày') // { amount: 0.5, unit: 'workingDay' }
 * parseDuration('10 ngày') // { amount: 10, unit: 'calendarDay' }
 * parseDuration('06 tháng') // { amount: 6, unit: 'calendarMonth' }
 * parseDuration('Trong ngày; sau 15 giờ trả vào ngày làm việc tiếp theo') // { amount: 0, unit: 'sameDay', cutoff: '15:00' }
 */
export function parseDuration(text: string, options: ParseDurationOptions = {}): Duration {
  const ctx: Ctx = {
    text: typeof text === 'string' ? text.normalize('NFC').trim() : text,
    field: options.field ?? 'duration',
  };
  if (typeof text !== 'string') fail(ctx);
  const key = vulgarFractions(fold(ctx.text));
  const iso = ISO_RE.exec(key);
  if (iso) return parseIso(ctx, iso);
  if (NOT_COUNTED_RE.test(key)) return { amount: 0, unit: 'workingMinute', notCounted: true };
  const same = SAME_DAY_RE.exec(key);
  if (same) {
    const cutoff = readCutoff(ctx, same[1] ?? '');
    return cutoff === undefined ? { amount: 0, unit: 'sameDay' } : { amount: 0, unit: 'sameDay', cutoff };
  }
  const hm = HOURS_MINUTES_RE.exec(key);
  if (hm) {
    const minutes = Number(hm[2]);
    if (minutes > 59) fail(ctx, `${minutes} minutes after the hours is not a clock reading (0–59)`);
    return { amount: checkAmount(ctx, Number(hm[1]) * 60 + minutes), unit: 'workingMinute' };
  }
  const quantity = SIMPLE_RE.exec(key);
  if (quantity) {
    const plainDay = options.plainDay ?? 'calendarDay';
    const first = parseQuantity(ctx, quantity, plainDay);
    const second = SECOND_QUANTITY_RE.exec(key.slice(quantity[0].length));
    // Days and hours have no common unit without the calendar (a working day's length is its
    // workingDayMinutes, as for ISO P1DT4H): refused naming both parts rather than dropping one.
    if (second) {
      const other = parseQuantity(ctx, second, plainDay);
      const show = (d: Duration) => formatDuration(d);
      fail(
        ctx,
        `it names two amounts, ${show(first)} and ${show(other)}; a working day's length belongs to the calendar, so write one amount (e.g. "20 giờ làm việc" for 2 days and 4 hours of 8-hour days)`,
      );
    }
    return first;
  }
  const months = MONTHS_RE.exec(key);
  if (months) return parseMonths(ctx, months);
  return fail(ctx);
}

const FRACTIONS: Readonly<Record<string, string>> = { '½': '5', '¼': '25', '¾': '75' };

/** "½ ngày" (as ISO procedures print half a day), "1½ ngày", "¼ ngày": the decimal comma form. */
function vulgarFractions(key: string): string {
  if (!/[½¼¾]/.test(key)) return key;
  return key.replace(
    /(\d*)\s*([½¼¾])/g,
    (_, whole: string, f: string) => `${whole === '' ? '0' : whole},${FRACTIONS[f]}`,
  );
}

const CUTOFF_TEXT_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Validates a duration object given by a caller (format, conversion). */
function checkDuration(d: Duration, field: string): void {
  // Called for every comparison of a bulk diff: the text of the message is only made on failure.
  if (typeof d !== 'object' || d === null || !UNITS.includes(d.unit)) {
    fail(durationCtx(d, field), `expected { amount, unit } with unit one of ${UNITS.join(', ')}`);
  }
  if (!Number.isFinite(d.amount) || d.amount < 0) checkAmount(durationCtx(d, field), d.amount);
  if (d.cutoff !== undefined && !CUTOFF_TEXT_RE.test(d.cutoff)) {
    fail(durationCtx(d, field), `the cut-off must be HH:mm, got ${JSON.stringify(d.cutoff)}`);
  }
}

function durationCtx(d: Duration, field: string): Ctx {
  return { text: JSON.stringify(d) ?? String(d), field };
}

/** Plain decimal digits (no exponent), the shortest that reads back to the same number. */
function decimal(n: number): string {
  const s = String(n);
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = (m[1] ?? '') + (m[2] ?? '');
  const exp = Number(m[3]);
  return exp < 0 ? `0.${'0'.repeat(-exp - 1)}${digits}` : digits.padEnd(exp + 1, '0');
}

const VI_WORDS: Readonly<Record<Exclude<DurationUnit, 'sameDay'>, string>> = {
  workingMinute: 'phút làm việc',
  workingHour: 'giờ làm việc',
  workingDay: 'ngày làm việc',
  calendarDay: 'ngày',
  calendarMonth: 'tháng',
};
const EN_WORDS: Readonly<Record<Exclude<DurationUnit, 'sameDay'>, string>> = {
  workingMinute: 'working minute',
  workingHour: 'working hour',
  workingDay: 'working day',
  calendarDay: 'calendar day',
  calendarMonth: 'calendar month',
};

/**
 * Writes a duration as text that {@link parseDuration} reads back to the same value (with the
 * default `plainDay: 'calendarDay'`). Vietnamese (default) uses a decimal comma.
 * @throws {CalendarError} `INVALID_DURATION` for an unknown unit, a negative or non-finite amount, a bad cut-off.
 * @example
 * formatDuration({ amount: 0.5, unit: 'workingDay' }) // "0,5 ngày làm việc"
 * formatDuration({ amount: 10, unit: 'calendarDay' }) // "10 ngày"
 * formatDuration({ amount: 0, unit: 'sameDay', cutoff: '15:00' }) // "Trong ngày (trước 15:00)"
 * formatDuration({ amount: 4, unit: 'workingHour' }, { lang: 'en' }) // "4 working hours"
 */
export function formatDuration(d: Duration, options: FormatDurationOptions = {}): string {
  checkDuration(d, 'duration');
  const en = options.lang === 'en';
  if (d.notCounted) return en ? 'Not counted' : 'Không tính thời gian';
  if (d.unit === 'sameDay') {
    const head = en ? 'Same day' : 'Trong ngày';
    if (d.cutoff === undefined) return head;
    return `${head} (${en ? 'before' : 'trước'} ${d.cutoff})`;
  }
  if (en) return `${decimal(d.amount)} ${EN_WORDS[d.unit]}${d.amount === 1 ? '' : 's'}`;
  return `${decimal(d.amount).replace('.', ',')} ${VI_WORDS[d.unit]}`;
}

/**
 * Working minutes of a duration: `workingDay` × `workingDayMinutes` (Decision 188/1999/QĐ-TTg: 8 h a
 * day, so 0.5 day = 240 min), hours × 60, minutes as is; 0 for a not-counted step. `calendarDay`,
 * `calendarMonth` and `sameDay` depend on the start instant and the calendar, so they give `null`.
 * @throws {CalendarError} `INVALID_DURATION` for a malformed duration, `INVALID_OPTIONS` for a bad day length.
 * @example
 * durationToWorkingMinutes({ amount: 0.5, unit: 'workingDay' }) // 240
 * durationToWorkingMinutes({ amount: 10, unit: 'calendarDay' }) // null
 */
export function durationToWorkingMinutes(d: Duration, workingDayMinutes = 480): number | null {
  checkDuration(d, 'duration');
  if (!Number.isFinite(workingDayMinutes) || workingDayMinutes <= 0) {
    throw new CalendarError(
      'INVALID_OPTIONS',
      `workingDayMinutes: expected a positive number of minutes, got ${workingDayMinutes}`,
      { field: 'workingDayMinutes', value: workingDayMinutes },
    );
  }
  if (d.notCounted) return 0;
  switch (d.unit) {
    case 'workingMinute':
      return d.amount;
    case 'workingHour':
      return d.amount * 60;
    case 'workingDay':
      return d.amount * workingDayMinutes;
    default:
      return null;
  }
}
