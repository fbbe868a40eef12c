// Issue 2 "Done when": every announced day in shared/data/vn-days-off.json is reproduced by
// `tthc holidays`. The shared folder sits beside the repository in CI; the test is skipped elsewhere.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { memoryIo, run } from '@tthc/cli';
import { describe, expect, it } from 'vitest';

const dataPath = fileURLToPath(new URL('../../shared/data/vn-days-off.json', import.meta.url));
const present = existsSync(dataPath);

interface YearData {
  statutory_holidays: { date: string }[];
  compensatory_days_nghi_bu: string[];
  swaps_hoan_doi: { weekday_off: string; weekend_worked: string }[];
  non_working_weekdays: string[];
  working_weekend_days_lam_bu: string[];
}

describe.skipIf(!present)('tthc holidays reproduces the shared announced days', () => {
  const data = present ? (JSON.parse(readFileSync(dataPath, 'utf8')) as { years: Record<string, YearData> }) : null;
  const years = Object.keys(data?.years ?? {});

  async function holidays(year: number) {
    const io = memoryIo();
    expect(await run(['holidays', '--year', String(year), '--json'], io)).toBe(0);
    const out = JSON.parse(io.out()) as { year: number; provisional: boolean; days: { date: string; kind: string }[] };
    return out;
  }

  it.each(years)('%s', async (y) => {
    const year = data!.years[y]!;
    const byYear = new Map<number, Awaited<ReturnType<typeof holidays>>>();
    const listed = async (date: string, kind: string) => {
      const yy = Number(date.slice(0, 4));
      if (!byYear.has(yy)) byYear.set(yy, await holidays(yy));
      return byYear.get(yy)!.days.some((d) => d.date === date && d.kind === kind);
    };
    expect((await holidays(Number(y))).provisional).toBe(false);
    for (const h of year.statutory_holidays) expect(await listed(h.date, 'holiday'), h.date).toBe(true);
    for (const c of year.compensatory_days_nghi_bu) expect(await listed(c, 'compensatory'), c).toBe(true);
    for (const s of year.swaps_hoan_doi) {
      expect(await listed(s.weekday_off, 'swap-off'), s.weekday_off).toBe(true);
      expect(await listed(s.weekend_worked, 'make-up-workday'), s.weekend_worked).toBe(true);
    }
    for (const d of year.working_weekend_days_lam_bu) expect(await listed(d, 'make-up-workday'), d).toBe(true);
    // Every non-working weekday is explained by some listed day off.
    for (const d of year.non_working_weekdays) {
      const off = (await listed(d, 'holiday')) || (await listed(d, 'compensatory')) || (await listed(d, 'swap-off'));
      expect(off, d).toBe(true);
    }
  });
});
