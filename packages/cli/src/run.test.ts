import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addWorkingTime, vietnamCalendar } from '@tthc/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant } from './format.js';
import { memoryIo } from './io.js';
import { COMMANDS, run } from './run.js';
import { VERSION } from './version.js';

async function tthc(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** A failing run: exit 1, nothing on stdout, exactly one line on stderr. */
async function failure(...argv: string[]): Promise<string> {
  const { code, out, err } = await tthc(...argv);
  expect(code).toBe(1);
  expect(out).toBe('');
  expect(err.endsWith('\n')).toBe(true);
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/\s+at\s.+:\d+:\d+/);
  return err.trimEnd();
}

async function jsonOf(...argv: string[]): Promise<unknown> {
  const { code, out, err } = await tthc(...argv, '--json');
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe('tthc deadline', () => {
  it('skips the Tết 2026 block and two weekends (3 working days from Fri 13 Feb 16:30)', async () => {
    const result = (await jsonOf(
      'deadline',
      '--start',
      '2026-02-13T16:30:00+07:00',
      '--duration',
      '03 ngày làm việc',
    )) as { due: string; rule: string; skipped: { date: string; reason: string }[] };
    // 30 min on Fri 13, nothing 14–22 Feb, 8 h Mon 23, 8 h Tue 24, 7 h 30 on Wed 25.
    expect(result.due).toBe('2026-02-25T16:30:00+07:00');
    expect(result.rule).toBe('working-time');
    expect(result.skipped.map((d) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ]);
    expect(result.skipped.every((d) => Object.keys(d).join() === 'date,reason')).toBe(true);
    expect(result.skipped[2]!.reason).toMatch(/Tết/);
  });

  it('counts whole days under the Civil Code rule: ends at the close of the 3rd working day', async () => {
    const result = (await jsonOf(
      'deadline',
      '--start',
      '2026-02-13T16:30:00+07:00',
      '--duration',
      '3d',
      '--rule',
      'civil-code',
    )) as { due: string; rule: string };
    expect(result).toMatchObject({ due: '2026-02-25T17:00:00+07:00', rule: 'civil-code' });
  });

  it('accepts Z and other offsets for the same instant', async () => {
    const a = await jsonOf('deadline', '--start', '2026-02-13T09:30:00Z', '--duration', '4h');
    const b = await jsonOf('deadline', '--start', '2026-02-13T16:30:00+07:00', '--duration', '4h');
    expect(a).toEqual(b);
    // Fri 16:30 + 4 h: 30 min on Friday, the Tết block, then 3 h 30 from Mon 23 Feb 08:00.
    expect((a as { due: string }).due).toBe('2026-02-23T11:30:00+07:00');
  });

  it('agrees with addWorkingTime for random starts and hour amounts', async () => {
    const calendar = vietnamCalendar();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 5, 1) }),
        fc.integer({ min: 1, max: 400 }),
        async (ms, hours) => {
          const start = formatInstant(new Date(ms), 'Asia/Ho_Chi_Minh');
          const result = (await jsonOf('deadline', '--start', start, '--duration', `${hours}h`)) as { due: string };
          const expected = addWorkingTime(calendar, start, { amount: hours, unit: 'workingHour' });
          expect(result.due).toBe(formatInstant(expected, 'Asia/Ho_Chi_Minh'));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('prints a readable summary by default', async () => {
    const { code, out } = await tthc('deadline', '--start', '2026-02-13T16:30:00+07:00', '--duration', '3d');
    expect(code).toBe(0);
    expect(out).toContain('Thứ Tư 25/02/2026 (Wed) 16:30');
    expect(out).toContain('2026-02-25T16:30:00+07:00');
    expect(out).toContain('Skipped days (9)');
    expect(out).toContain('Thứ Hai 16/02/2026 (Mon)');
  });

  it('rejects a start without offset with one line naming --start, the value and the form', async () => {
    expect(await failure('deadline', '--start', '2026-02-13 16:30', '--duration', '3d')).toBe(
      'tthc deadline: --start "2026-02-13 16:30" is not an ISO 8601 instant with offset (e.g. 2026-02-13T16:30:00+07:00 or 2026-02-13T09:30:00Z)',
    );
    expect(await failure('deadline', '--start', '2026-02-13T16:30:00', '--duration', '3d')).toContain('--start');
  });

  it('names missing or bad --duration and --rule', async () => {
    expect(await failure('deadline', '--start', '2026-02-13T16:30:00+07:00')).toMatch(
      /^tthc deadline: --duration <text> is required/,
    );
    const bad = await failure('deadline', '--start', '2026-02-13T16:30:00+07:00', '--duration', 'ba ngày');
    expect(bad).toContain('--duration');
    expect(bad).toContain('ba ngày');
    expect(
      await failure('deadline', '--start', '2026-02-13T16:30:00+07:00', '--duration', '3d', '--rule', 'civil'),
    ).toBe('tthc deadline: --rule "civil" is not a counting rule; expected working-time or civil-code');
  });

  it('reports a deadline outside the calendar range as one line', async () => {
    const message = await failure('deadline', '--start', '2100-12-31T16:00:00+07:00', '--duration', '10d');
    expect(message).toMatch(/^tthc deadline: /);
    expect(message).toContain('2100');
  });
});

describe('tthc days', () => {
  it('counts working days, both ends inclusive', async () => {
    // February 2026 has 20 weekdays; Tết takes 16–20 Feb.
    expect(await jsonOf('days', '--from', '2026-02-01', '--to', '2026-02-28')).toEqual({ workingDays: 15 });
    // Saturday 26 April 2025 is a make-up working day; Friday 2 May 2025 is swapped off.
    expect(await jsonOf('days', '--from', '2025-04-26', '--to', '2025-04-26')).toEqual({ workingDays: 1 });
    expect(await jsonOf('days', '--from', '2025-05-02', '--to', '2025-05-02')).toEqual({ workingDays: 0 });
    expect(await jsonOf('days', '--from', '2026-03-02', '--to', '2026-03-02')).toEqual({ workingDays: 1 });
  });

  it('names a bad date option', async () => {
    expect(await failure('days', '--from', '2026-02-30', '--to', '2026-03-01')).toMatch(
      /^tthc days: --from: .*2026-02-30/,
    );
    expect(await failure('days', '--from', '2026-02-01', '--to', '1/3/2026')).toMatch(/^tthc days: --to: .*1\/3\/2026/);
    expect(await failure('days', '--from', '2026-02-01')).toMatch(/^tthc days: --to <YYYY-MM-DD> is required/);
    expect(await failure('days', '--from', '2026-02-01', '--to', '2026-02-02', '--form', 'x')).toContain(
      'unknown option "--form"',
    );
  });
});

describe('tthc holidays', () => {
  interface Year {
    year: number;
    provisional: boolean;
    days: { date: string; kind: string; name: string; source: string | null }[];
  }

  it('lists an announced year with holidays, compensatory days, swaps and make-up days', async () => {
    const result = (await jsonOf('holidays', '--year', '2026')) as Year;
    expect(result.year).toBe(2026);
    expect(result.provisional).toBe(false);
    const kindOf = (date: string) => result.days.filter((d) => d.date === date).map((d) => d.kind);
    expect(kindOf('2026-02-17')).toContain('holiday');
    expect(kindOf('2026-04-27')).toContain('compensatory');
    expect(kindOf('2026-01-02')).toContain('swap-off');
    expect(kindOf('2026-01-10')).toContain('make-up-workday');
    expect(kindOf('2026-08-22')).toContain('make-up-workday');
    for (const day of result.days) {
      expect(Object.keys(day)).toEqual(['date', 'kind', 'name', 'source']);
      expect(['holiday', 'compensatory', 'swap-off', 'make-up-workday']).toContain(day.kind);
    }
    expect([...result.days.map((d) => d.date)].sort()).toEqual(result.days.map((d) => d.date));
  });

  it('marks a year without a shipped notice provisional', async () => {
    const result = (await jsonOf('holidays', '--year', '2030')) as Year;
    expect(result.provisional).toBe(true);
    // Tết 2030 is 2 February in Vietnam (UTC+7), one day before China's.
    expect(result.days.some((d) => d.date === '2030-02-02' && d.kind === 'holiday')).toBe(true);
  });

  it('prints a table by default', async () => {
    const { code, out } = await tthc('holidays', '--year', '2025');
    expect(code).toBe(0);
    expect(out).toMatch(/Thứ Bảy 26\/04\/2025 \(Sat\)\s+làm bù/);
  });

  it('names a bad year', async () => {
    expect(await failure('holidays', '--year', '26')).toBe(
      'tthc holidays: --year "26" is not a year; expected four digits, e.g. 2026',
    );
    expect(await failure('holidays', '--year', '1900')).toMatch(/^tthc holidays: .*1900/);
  });
});

describe('tthc lunar', () => {
  it('converts solar dates to Vietnamese lunar dates', async () => {
    expect(await jsonOf('lunar', '2026-02-17', '2030-02-02', '2025-07-25')).toEqual([
      { solar: '2026-02-17', lunar: { year: 2026, month: 1, day: 1, leap: false } },
      { solar: '2030-02-02', lunar: { year: 2030, month: 1, day: 1, leap: false } },
      // 2025 has a leap 6th month, starting 25 July.
      { solar: '2025-07-25', lunar: { year: 2025, month: 6, day: 1, leap: true } },
    ]);
  });

  it('prints can chi year names', async () => {
    const { out } = await tthc('lunar', '2026-02-17', '2025-07-25');
    expect(out).toContain('1/1 năm Bính Ngọ (2026)');
    expect(out).toContain('1/6 nhuận (leap) năm Ất Tỵ (2025)');
  });

  it('names a bad date and requires one', async () => {
    expect(await failure('lunar', '2026-02-30')).toBe(
      'tthc lunar: date "2026-02-30" is not a calendar date YYYY-MM-DD (e.g. 2026-02-17)',
    );
    expect(await failure('lunar')).toMatch(/^tthc lunar: expected at least one date/);
  });
});

describe('tthc demo', () => {
  it('tours the calendar with live numbers', async () => {
    const { code, out, err } = await tthc('demo');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('Thứ Tư 25/02/2026 (Wed) 16:30');
    // Received Fri 9 Jan 2026 after 15:00 → next working day, the make-up Saturday 10 Jan.
    expect(out).toMatch(/15:20 → trả \/ due Thứ Bảy 10\/01\/2026 \(Sat\) 17:00/);
    expect(out).toMatch(/14:30 → trả \/ due Thứ Sáu 09\/01\/2026 \(Fri\) 17:00/);
    expect(out).toContain('02/2026: 15 ngày làm việc');
  });
});

describe('global behaviour', () => {
  it('prints help and version', async () => {
    const help = await tthc('--help');
    expect(help.code).toBe(0);
    for (const command of COMMANDS) expect(help.out).toContain(`  ${command.name}`);
    expect(await tthc('--version')).toEqual({ code: 0, out: `${VERSION}\n`, err: '' });
    for (const entry of COMMANDS) {
      // The registry's help line is the loaded command's own (the registry loads commands lazily).
      const command = await entry.load();
      expect([command.name, command.summary]).toEqual([entry.name, entry.summary]);
      const sub = await tthc(command.name, '--help');
      expect(sub.code).toBe(0);
      expect(sub.out).toMatch(new RegExp(`^Usage: tthc ${command.name}`));
    }
  });

  it('rejects unknown and missing commands, listing the commands', async () => {
    expect(await failure('dedline')).toBe(
      'tthc: unknown command "dedline"; expected one of deadline, days, holidays, lunar, validate, schema, run, steps, diff, plan, apply, coverage, report, dvcqg, export-dvcqg, import-progress, simulate, replay, store, demo',
    );
    expect((await tthc()).code).toBe(0);
  });

  it('applies --calendar options from a JSON file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-cli-'));
    const file = join(dir, 'province.json');
    const local = { date: '2026-03-02', kind: 'local', name: 'Ngày nghỉ của tỉnh', source: 'Quyết định tỉnh' };
    writeFileSync(file, JSON.stringify({ extraDaysOff: [local] }));
    expect(await jsonOf('days', '--from', '2026-03-02', '--to', '2026-03-06')).toEqual({ workingDays: 5 });
    expect(await jsonOf('--calendar', file, 'days', '--from', '2026-03-02', '--to', '2026-03-06')).toEqual({
      workingDays: 4,
    });
    expect(await jsonOf('days', '--from', '2026-03-02', '--to', '2026-03-06', `--calendar=${file}`)).toEqual({
      workingDays: 4,
    });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ nope');
    expect(await failure('--calendar', bad, 'days', '--from', '2026-03-02', '--to', '2026-03-06')).toMatch(
      /^tthc days: --calendar ".*bad\.json" is not valid JSON/,
    );
    expect(
      await failure('--calendar', join(dir, 'missing.json'), 'days', '--from', '2026-03-02', '--to', '2026-03-06'),
    ).toMatch(/cannot be read \(ENOENT\)/);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ extraDaysOff: [{ date: '2026-13-01', kind: 'local', name: 'x' }] }));
    expect(await failure('--calendar', wrong, 'days', '--from', '2026-03-02', '--to', '2026-03-06')).toMatch(
      /^tthc days: --calendar ".*wrong\.json": .*extraDaysOff\[0\]\.date.*2026-13-01/,
    );
    expect(await failure('days', '--calendar')).toMatch(/^tthc days: --calendar needs a value/);
  });
});
