/**
 * @tthc/calendar — working-time arithmetic under Vietnam's real calendar.
 * @packageDocumentation
 */
export type * from './types.js';
export type { CivilDate, IsoDate, IsoWeekday } from './civil-date.js';
export {
  dayNumberFromCivil,
  civilFromDayNumber,
  dayNumberFromIso,
  isoFromDayNumber,
  weekdayOfDayNumber,
} from './civil-date.js';
export { CalendarError, type CalendarErrorCode } from './errors.js';
export { toEpochMs } from './instant.js';
export { createWorkCalendar, describeDay, specialDays, type WorkCalendar } from './work-calendar.js';
export {
  addWorkingTime,
  addWorkingTimeMs,
  workingTimeBetween,
  countWorkingDays,
  isWorkingTime,
  nextWorkingInstant,
} from './arithmetic.js';
export { explainDeadline } from './explain.js';
export { addCivilMonths, MAX_MONTHS, monthPeriodLastDay } from './months.js';
export { localDateOf, formatLocalInstant } from './local-time.js';
export {
  parseDuration,
  formatDuration,
  durationToWorkingMinutes,
  type ParseDurationOptions,
  type FormatDurationOptions,
} from './duration.js';
export { solarToLunar, lunarToSolar, lunarNewYear, type LunarDate, type LunarOptions } from './lunar/index.js';
export {
  vietnamCalendar,
  vietnamHolidays,
  VIETNAM_ANNOUNCED_YEARS,
  type VietnamCalendarOptions,
  type VietnamYearHolidays,
  type VietnamFixedHoliday,
} from './vietnam/index.js';
