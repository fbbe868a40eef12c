/**
 * Short human citations for the shipped data's sources, so every {@link SpecialDay} can say which
 * notice or report stands behind it.
 */
import type { VnDataYear } from './data-types.js';
import { VN_DAYS_OFF_DATA } from './days-off-data.generated.js';

const URL_LIKE = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;

/**
 * Shortens one citation text: a web address becomes its host plus `/…`, any other text is cut at its
 * first `:`, ` (`, ` + `, ` - ` or `;`.
 * @example shortCitation('en.sggp.org.vn/prime-minister-approves… (Tết 25/1-2/2/2025)') // 'en.sggp.org.vn/…'
 */
export function shortCitation(text: string): string {
  const first = text.trim().split(/\s+/)[0] ?? '';
  if (URL_LIKE.test(first)) {
    const slash = first.indexOf('/');
    return slash < 0 || slash === first.length - 1 ? first.replace(/\/$/, '') : `${first.slice(0, slash)}/…`;
  }
  const cut = text.search(/:| \(| \+ | - |;/);
  return (cut < 0 ? text : text.slice(0, cut)).trim();
}

/**
 * Resolves a year's source entries: a key of the data's `sources` map becomes `"KEY: short citation"`;
 * a literal citation (the data sometimes lists the law's own text) is shortened.
 * @example resolveSource('SGGP-2025') // 'SGGP-2025: en.sggp.org.vn/…'
 */
export function resolveSource(entry: string): string {
  const text = VN_DAYS_OFF_DATA.sources[entry];
  return text === undefined ? shortCitation(entry) : `${entry}: ${shortCitation(text)}`;
}

/**
 * The `source` string every special day of an announced year carries: the Labour Code rule in force,
 * then the year's citations (without repeating the law when the data lists it as a source).
 * @example yearSource(year2025) // 'Labour Code 2019 (45/2019/QH14) Art.112 (from 2021-01-01); SGGP-2025: en.sggp.org.vn/…; …'
 */
export function yearSource(year: Pick<VnDataYear, 'law' | 'sources'>): string {
  const cites = year.sources.filter((s) => !s.startsWith(year.law)).map(resolveSource);
  return [year.law, ...new Set(cites)].join('; ');
}

const mentioned = new Map<string, Set<string>>();

/**
 * Day-of-year keys ("d/m") a citation text mentions: single dates, "a-b/m" and "a/m-b/n" ranges.
 * Memoised per text: every day of a year asks about the same few citations (cold start, issue 13).
 */
function mentionedDays(text: string): Set<string> {
  let days = mentioned.get(text);
  if (days === undefined) {
    days = readMentionedDays(text);
    mentioned.set(text, days);
  }
  return days;
}

function readMentionedDays(text: string): Set<string> {
  const days = new Set<string>();
  const add = (d: number, m: number) => days.add(`${d}/${m}`);
  // a/m-b/n (e.g. "29/8-2/9/2026"), walked with a small month-length table (no year needed for keys).
  for (const r of text.matchAll(/(?<!\d)(\d{1,2})\/(\d{1,2})\s*[-–]\s*(\d{1,2})\/(\d{1,2})(?!\d)/g)) {
    let d = Number(r[1]);
    let m = Number(r[2]);
    const endD = Number(r[3]);
    const endM = Number(r[4]);
    for (let guard = 0; guard < 40 && !(d === endD && m === endM); guard++) {
      add(d, m);
      d++;
      if (d > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!) {
        d = 1;
        m = (m % 12) + 1;
      }
    }
    add(endD, endM);
  }
  // a-b/m (e.g. "14-22/2")
  for (const r of text.matchAll(/(?<![\d/])(\d{1,2})\s*[-–]\s*(\d{1,2})\/(\d{1,2})(?!\d)/g)) {
    for (let d = Number(r[1]); d <= Number(r[2]); d++) add(d, Number(r[3]));
  }
  for (const r of text.matchAll(/(?<!\d)(\d{1,2})\/(\d{1,2})(?![\d])/g)) add(Number(r[1]), Number(r[2]));
  return days;
}

/**
 * The `source` of one shipped day: the Labour Code rule in force, then only the year's citations whose
 * text mentions that date (so a notice about Tết is not cited for the National Day swap); when no
 * citation names the date, every citation of the year is kept.
 * @example daySource(year2026, '2026-08-31') // 'Labour Code 2019 … Art.112 …; BNV-2026: vietbao.vn/…'
 */
export function daySource(year: Pick<VnDataYear, 'law' | 'sources'>, date: string): string {
  const key = `${Number(date.slice(8, 10))}/${Number(date.slice(5, 7))}`;
  const entries = [...new Set(year.sources.filter((s) => !s.startsWith(year.law)))];
  const naming = entries.filter((e) => mentionedDays(VN_DAYS_OFF_DATA.sources[e] ?? e).has(key));
  return [year.law, ...(naming.length > 0 ? naming : entries).map(resolveSource)].join('; ');
}
