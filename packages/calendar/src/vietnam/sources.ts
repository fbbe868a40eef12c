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
