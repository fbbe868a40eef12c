import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dayNumberFromIso, weekdayOfDayNumber } from '../civil-date.js';
import { VN_DAYS_OFF_DATA } from './days-off-data.generated.js';
import { resolveSource, shortCitation, yearSource } from './sources.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const SHARED = resolve(ROOT, '../shared/data/vn-days-off.json');
const GENERATED = resolve(ROOT, 'packages/calendar/src/vietnam/days-off-data.generated.ts');
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

describe('generated data module', () => {
  it.skipIf(!existsSync(SHARED))('equals a fresh generation from shared/data/vn-days-off.json (no drift)', () => {
    const fresh = execFileSync(process.execPath, [resolve(ROOT, 'scripts/gen-vn-data.mjs'), '--stdout'], {
      encoding: 'utf8',
    });
    expect(readFileSync(GENERATED, 'utf8')).toBe(fresh);
  });

  it('keeps sources, confidence, notes and uncertain items', () => {
    const y2014 = VN_DAYS_OFF_DATA.years.find((y) => y.year === 2014)!;
    expect(y2014.confidence).toBe('confirmed');
    expect(y2014.note).toContain('TWO make-up Saturdays');
    expect(y2014.uncertainItems).toEqual([]);
    expect(y2014.sources).toContain('BDT-2014');
    expect(Object.keys(VN_DAYS_OFF_DATA.laws)).toEqual(['LC1994', 'LC2012', 'LC2019', 'CC2015']);
  });

  it('is internally consistent: weekdays as stated, keys resolvable, text NFC', () => {
    for (const y of VN_DAYS_OFF_DATA.years) {
      for (const h of y.statutoryHolidays) {
        expect(WEEKDAYS[weekdayOfDayNumber(dayNumberFromIso(h.date)) - 1], h.date).toBe(h.weekday);
        expect(h.name).toBe(h.name.normalize('NFC'));
      }
      for (const s of y.sources) {
        // A source entry is a key of the sources map or a literal citation of the law.
        expect(s in VN_DAYS_OFF_DATA.sources || s.startsWith(y.law), `${y.year} ${s}`).toBe(true);
      }
    }
  });
});

describe('citations', () => {
  it('shortens web addresses to their host and other text to its head', () => {
    expect(shortCitation('en.sggp.org.vn/prime-minister-approves-9-day-tet (Tết 25/1-2/2/2025)')).toBe(
      'en.sggp.org.vn/…',
    );
    expect(shortCitation('tracuuquyhoach.com (VietnamPlus post1033115): swap')).toBe('tracuuquyhoach.com');
    expect(shortCitation('python-holidays (vacanza/holidays) Vietnam special-day table; used')).toBe('python-holidays');
    expect(shortCitation('Politburo Resolution 80-NQ/TW (Jan 2026) + Government')).toBe(
      'Politburo Resolution 80-NQ/TW',
    );
  });
  it('resolves keys and literal entries', () => {
    expect(resolveSource('SGGP-2025')).toBe('SGGP-2025: en.sggp.org.vn/…');
    expect(resolveSource('Official Dispatch 12729/VPCP-KGVX')).toBe('Official Dispatch 12729/VPCP-KGVX');
  });
  it('builds a year source: law first, no repeated law text', () => {
    const y2010 = VN_DAYS_OFF_DATA.years[0]!;
    expect(yearSource(y2010)).toMatch(
      /^Labour Code 1994 Art\.73 \(as amended 2002\/2006\/2007\); HNM-2010: .+; GDVN-2010: .+; PYHOL: python-holidays$/,
    );
  });
});
