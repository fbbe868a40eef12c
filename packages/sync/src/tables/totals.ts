/**
 * Declared totals of a step table: a "Tổng …" row, a sentence in a row or next to the table
 * ("Tổng thời gian: 30 ngày làm việc kể từ ngày nhận đủ hồ sơ", "168 giờ (tương đương 21 ngày)"),
 * or the ISO item "Thời hạn giải quyết: 20 ngày".
 */
import { foldVietnamese } from '../normalize.js';

/**
 * Whether a cell opens a total row: "Tổng thời gian", "Tổng cộng", "Tổng số", or "Tổng" followed
 * by a colon, a duration or nothing. "Tổng hợp hồ sơ…" is a step, not a total (issue 10).
 * @example isTotalText('Tổng cộng') // true
 * @example isTotalText('Tổng hợp hồ sơ, trình lãnh đạo') // false
 */
export function isTotalText(text: string): boolean {
  const t = foldVietnamese(text).replace(/^[\s*_]+/, '');
  if (!t.startsWith('tong')) return false;
  const rest = t.slice(4);
  if (rest === '' || /^\s*[:：.]/.test(rest)) return true;
  if (/^\s+(thoi gian|thoi han|cong|so)\b/.test(rest)) return true;
  return /^\s+\d/.test(rest);
}

/** "Thời hạn giải quyết: 20 ngày", "Tổng thời gian giải quyết: …", "5.4 Thời gian xử lý: …". */
const TOTAL_LINE =
  /^(?:[\d.]+\s*)?(?:[-+•*]\s*)?(tong thoi gian|tong thoi han|tong cong|thoi han giai quyet|thoi gian giai quyet|thoi gian xu ly|thoi han xu ly|thoi gian thuc hien thu tuc)\b/;

/**
 * The duration part of a total sentence: what follows the first colon, from its first digit (or
 * "trong ngày"), e.g. "Tổng thời gian: 30 ngày làm việc kể từ …" → "30 ngày làm việc kể từ …".
 * @example durationPart('Tổng thời gian giải quyết là 15 ngày làm việc') // '15 ngày làm việc'
 */
export function durationPart(text: string): string | undefined {
  const colon = text.search(/[:：]/);
  const tail = colon >= 0 ? text.slice(colon + 1) : text;
  const folded = foldVietnamese(tail);
  const digit = tail.search(/\d/);
  const same = folded.search(/\b(ngay )?trong ngay\b/);
  const at = digit < 0 ? same : same < 0 ? digit : Math.min(digit, same);
  if (at < 0) return undefined;
  return tail.slice(at).trim();
}

/** A line of text that declares a total, with its duration part. */
export function totalLine(line: string): string | undefined {
  const t = foldVietnamese(line);
  if (!TOTAL_LINE.test(t) && !isTotalText(line)) return undefined;
  return durationPart(line);
}

/**
 * The declared total near a table: the last total line before it (nearest the table), else the
 * first one after it.
 * @example declaredTotal(['Thời hạn giải quyết: 20 ngày làm việc'], []) // '20 ngày làm việc'
 */
export function declaredTotal(before: readonly string[], after: readonly string[]): string | undefined {
  for (let i = before.length - 1; i >= 0; i--) {
    for (const line of before[i]!.split('\n').reverse()) {
      const d = totalLine(line);
      if (d !== undefined) return d;
    }
  }
  for (const block of after) {
    for (const line of block.split('\n')) {
      const d = totalLine(line);
      if (d !== undefined) return d;
    }
  }
  return undefined;
}
