// Every lunar date docs/calendar.md cites is checked against the library here, so the docs cannot
// drift from the code (issue 2: "every lunar date the docs cite is checked by a test").
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lunarNewYear, lunarToSolar, solarToLunar } from '@tthc/calendar';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(fileURLToPath(new URL('../docs/calendar.md', import.meta.url)), 'utf8');
const section = doc.slice(doc.indexOf('## 4.'), doc.indexOf('## 5.'));

describe('docs/calendar.md §4 lunar dates', () => {
  const rows = [...section.matchAll(/^\|\s*(\d{4})\s*\|\s*(\d{4}-\d{2}-\d{2})\s*\|\s*(\d{4}-\d{2}-\d{2})\s*\|/gm)];
  it('cites a table of Tết dates', () => expect(rows.length).toBeGreaterThanOrEqual(4));
  it.each(rows.map((r) => [Number(r[1]), r[2]!, r[3]!] as const))('Tết %i: Vietnam %s, UTC+8 %s', (year, vn, cn) => {
    expect(lunarNewYear(year)).toBe(vn);
    expect(lunarNewYear(year, { utcOffsetHours: 8 })).toBe(cn);
  });

  it('API examples hold', () => {
    const s2l = [
      ...section.matchAll(
        /solarToLunar\('([\d-]+)'\)` → `\{ year: (\d+), month: (\d+), day: (\d+), leap: (true|false) \}/g,
      ),
    ];
    const l2s = [
      ...section.matchAll(
        /lunarToSolar\(\{ year: (\d+), month: (\d+), day: (\d+), leap: (true|false) \}\)` → `'([\d-]+)'/g,
      ),
    ];
    const tet = [...section.matchAll(/lunarNewYear\((\d+)\)` → `'([\d-]+)'/g)];
    expect(s2l.length + l2s.length + tet.length).toBeGreaterThanOrEqual(3);
    for (const m of s2l) {
      expect(solarToLunar(m[1]!)).toEqual({ year: +m[2]!, month: +m[3]!, day: +m[4]!, leap: m[5] === 'true' });
    }
    for (const m of l2s) {
      expect(lunarToSolar({ year: +m[1]!, month: +m[2]!, day: +m[3]!, leap: m[4] === 'true' })).toBe(m[5]);
    }
    for (const m of tet) expect(lunarNewYear(+m[1]!)).toBe(m[2]);
  });
});
