/**
 * What every command receives: where to write, and the calendar chosen by the global options.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CalendarError, type VietnamCalendarOptions, vietnamCalendar, type WorkCalendar } from '@tthc/calendar';
import { type CliIo, UsageError } from './io.js';

/** The context of one command run. */
export interface CommandContext {
  readonly io: CliIo;
  /** Options from `--calendar <file.json>`, or `undefined` for the shipped defaults. */
  readonly calendarOptions: VietnamCalendarOptions | undefined;
  /** The Vietnam calendar with {@link CommandContext.calendarOptions}, built on first use. */
  calendar(): WorkCalendar;
}

/**
 * Builds a command context; `calendarPath` names the `--calendar` file in errors. The calendar is created lazily so that commands which do not need it
 * (lunar, help) never pay for it and never fail on a bad `--calendar` file they do not use.
 * @example const ctx = createContext(io, undefined); ctx.calendar().zone // 'Asia/Ho_Chi_Minh'
 */
export function createContext(
  io: CliIo,
  calendarOptions: VietnamCalendarOptions | undefined,
  calendarPath?: string,
): CommandContext {
  let calendar: WorkCalendar | undefined;
  const build = (): WorkCalendar => {
    if (!calendarOptions) return vietnamCalendar();
    try {
      return vietnamCalendar(calendarOptions);
    } catch (error) {
      // Name the file as well as the field, so the user knows where to look.
      if (error instanceof CalendarError) throw new UsageError(`--calendar "${calendarPath}": ${error.message}`);
      throw error;
    }
  };
  return {
    io,
    calendarOptions,
    calendar(): WorkCalendar {
      if (calendar === undefined) calendar = build();
      return calendar;
    },
  };
}

/**
 * Reads the JSON file of `--calendar`: a `VietnamCalendarOptions` object (extraDaysOff,
 * extraWorkingDays, removeDaysOff, fixedHolidays, weekly, zone…). Field validation is the
 * calendar's job; this only checks that the file is a readable JSON object.
 * @throws {UsageError} naming `--calendar`, the path and what is wrong.
 * @example loadCalendarOptions('province.json') // { extraDaysOff: [...] }
 */
export function loadCalendarOptions(path: string): VietnamCalendarOptions {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new UsageError(
      `--calendar "${path}" cannot be read (${code}); expected a JSON file of VietnamCalendarOptions`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--calendar "${path}" is not valid JSON (${reason.split('\n')[0]})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(
      `--calendar "${path}" must hold a JSON object of VietnamCalendarOptions (e.g. {"extraDaysOff": [...]}), got ${Array.isArray(parsed) ? 'an array' : typeof parsed}`,
    );
  }
  return parsed as VietnamCalendarOptions;
}
