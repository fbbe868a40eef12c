/**
 * Limits stated in free text: the description (MOTA) of a catalogue time row often repeats the limit
 * in words ("Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ", "trong ngày làm việc nhận được
 * hồ sơ"). {@link statedLimits} finds them so the adapter can warn when they disagree with the
 * structured THOIGIANGIAIQUYET/DONVITINH.
 */
import { CalendarError, type Duration, parseDuration } from '@tthc/calendar';

/** One limit found in a text. */
export interface StatedLimit {
  /** The words that state it, as written (trimmed to the quantity and its unit). */
  readonly text: string;
  readonly duration: Duration;
}

/** Longest description read (bounded work on untrusted text). */
const MAX_TEXT = 20_000;

/** Words before a number that make it a time of day or a date, not a period ("sau 15 giờ", "ngày 01/7"). */
const NOT_A_PERIOD = new Set([
  'sau',
  'truoc',
  'luc',
  'tu',
  'den',
  'vao',
  'ngay',
  'thang',
  'nam',
  'so',
  'dieu',
  'khoan',
]);

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * The time limits a text states: every "N ngày (làm việc)", "N giờ", "N tháng" (a number directly
 * followed by a duration unit, not a time of day or a date), and "trong ngày" (same day). Plain
 * "ngày" is calendar days, as in law.
 * @example statedLimits('Không quá 30 ngày, kể từ ngày thụ lý').map((s) => s.duration) // [{ amount: 30, unit: 'calendarDay' }]
 */
export function statedLimits(text: string): StatedLimit[] {
  const src = text.normalize('NFC').slice(0, MAX_TEXT);
  const folded = fold(src);
  const out: StatedLimit[] = [];
  for (let i = 0; i < src.length; i++) {
    if (!isDigit(src[i]) || isDigit(src[i - 1]) || src[i - 1] === '/' || src[i - 1] === '.' || src[i - 1] === ',') {
      continue;
    }
    const before =
      folded
        .slice(Math.max(0, i - 12), i)
        .trim()
        .split(/\s+/)
        .at(-1) ?? '';
    if (NOT_A_PERIOD.has(before)) continue;
    const rest = src.slice(i, i + 60);
    try {
      const duration = parseDuration(rest, { plainDay: 'calendarDay' });
      if (duration.unit === 'sameDay' || duration.notCounted) continue;
      const end = rest.search(/[,;.:()\n]|\s(?:kể|ke|tính|tinh|từ|tu|đối|doi|đến|den)\s/u);
      out.push({ text: (end < 0 ? rest : rest.slice(0, end)).trim(), duration });
    } catch (e) {
      if (!(e instanceof CalendarError)) throw e;
    }
  }
  const same = /(?:^|[^a-z])trong ngay(?! thu ly| tiep nhan ho so bo sung)/.exec(folded);
  if (same) out.push({ text: src.slice(same.index, same.index + 40).trim(), duration: { amount: 0, unit: 'sameDay' } });
  // "…sau 15 giờ… thì trả kết quả trong ngày làm việc tiếp theo": at the latest the next working day's
  // close, which is what catalogues encode as 1 ngày làm việc (Luật Hộ tịch 2014 art. 16 style limits).
  const next = /ngay lam viec tiep theo/.exec(folded);
  if (next)
    out.push({ text: src.slice(next.index, next.index + 23).trim(), duration: { amount: 1, unit: 'workingDay' } });
  return out;
}
