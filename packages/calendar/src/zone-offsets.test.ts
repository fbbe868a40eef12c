import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildOffsetTable, offsetAt, SHIPPED_FIXED_OFFSETS } from './zone-offsets.js';

const FROM = Date.UTC(1990, 0, 1);
const TO = Date.UTC(2040, 0, 1);

describe('buildOffsetTable', () => {
  it.each(['Asia/Ho_Chi_Minh', 'America/Santiago', 'Europe/Paris', 'Asia/Beirut', 'Australia/Lord_Howe', 'UTC'])(
    'agrees with luxon at random instants and next to every transition (%s)',
    (zone) => {
      const table = buildOffsetTable(zone, FROM, TO);
      const luxon = IANAZone.create(zone);
      fc.assert(
        fc.property(fc.integer({ min: FROM, max: TO }), (t) => {
          expect(offsetAt(table, t)).toBe(luxon.offset(t) * 60_000);
        }),
        { numRuns: 300 },
      );
      for (let i = 1; i < table.times.length; i++) {
        const t = table.times[i]!;
        expect(offsetAt(table, t)).toBe(luxon.offset(t) * 60_000);
        expect(offsetAt(table, t - 1000)).toBe(luxon.offset(t - 1000) * 60_000);
        expect(table.offsets[i]).not.toBe(table.offsets[i - 1]);
      }
    },
  );

  it('has no transition for Asia/Ho_Chi_Minh since 1975 and two a year for Europe/Paris', () => {
    expect(buildOffsetTable('Asia/Ho_Chi_Minh', FROM, TO).times.length).toBe(1);
    expect(buildOffsetTable('Europe/Paris', Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31)).times.length).toBe(3);
  });
});

describe('shipped fixed offsets', () => {
  it('agree with luxon (the tz database of this runtime) for every shipped year up to 2199', () => {
    for (const [zone, { fromYear, offsetMs }] of Object.entries(SHIPPED_FIXED_OFFSETS)) {
      // The same zone under its backward-compatible alias is not shipped, so it is read from the tz
      // database month by month with every change searched: it must find no change at all.
      const alias = zone === 'Asia/Ho_Chi_Minh' ? 'Asia/Saigon' : zone;
      expect(IANAZone.isValidZone(alias)).toBe(true);
      const read = buildOffsetTable(alias, Date.UTC(fromYear, 0, 1), Date.UTC(2199, 11, 31));
      expect([read.fixed, read.times.length]).toEqual([offsetMs, 1]);
      // The year before the shipped range still asks the tz database (Vietnam was UTC+8 until June 1975).
      const before = buildOffsetTable(zone, Date.UTC(fromYear - 1, 0, 1), Date.UTC(fromYear + 1, 0, 1));
      expect(before.offsets[0]).toBe(8 * 3_600_000);
      expect(before.offsets.at(-1)).toBe(offsetMs);
    }
  });
});
