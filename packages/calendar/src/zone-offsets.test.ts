import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildOffsetTable, offsetAt } from './zone-offsets.js';

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
