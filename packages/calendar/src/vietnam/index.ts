/**
 * Vietnam's official days off (Labour Code holidays, compensatory days, announced swaps) and the
 * working-time calendar of Vietnamese state agencies.
 */
export { VIETNAM_ANNOUNCED_YEARS } from './announced.js';
export { vietnamCalendar } from './calendar.js';
export { type VietnamYearHolidays, vietnamHolidays } from './holidays.js';
export type { VietnamCalendarOptions, VietnamFixedHoliday } from './options.js';
