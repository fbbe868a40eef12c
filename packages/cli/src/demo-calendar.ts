/**
 * The calendar part of `tthc demo` (the README quick start): worked deadlines on realistic dossiers —
 * Tết 2026, the 15:00 cut-off, the 2025 make-up Saturday, Civil Code counting, working days per month.
 */
import {
  type CountingRule,
  countWorkingDays,
  type Duration,
  describeDay,
  explainDeadline,
  type IsoDate,
  parseDuration,
  type WorkCalendar,
} from '@tthc/calendar';
import { deadlineText } from './commands/deadline.js';
import { fitWidth } from './demo-width.js';
import { formatInstant, humanDate, humanInstant } from './format.js';

/** One section of the tour: a title and the text the library computed for it. */
export interface DemoSection {
  readonly title: string;
  readonly body: string;
}

function deadlineBlock(
  calendar: WorkCalendar,
  received: string,
  duration: Duration,
  rule: CountingRule = 'working-time',
): string {
  return deadlineText(explainDeadline(calendar, received, duration, { rule }), calendar);
}

function dayLine(calendar: WorkCalendar, date: IsoDate): string {
  const info = describeDay(calendar, date);
  const status = info.working ? 'làm việc / working' : 'nghỉ / day off';
  const why = info.special.map((day) => day.name).join('; ');
  return `  ${humanDate(date)}: ${status}${why ? ` — ${why}` : ''}`;
}

/**
 * A certification dossier received late on the Friday before Tết 2026 with "03 ngày làm việc":
 * the Tết block (16–20 Feb) and two weekends are skipped.
 * @example tetSection(vietnamCalendar()).body
 */
export function tetSection(calendar: WorkCalendar): DemoSection {
  const received = '2026-02-13T16:30:00+07:00';
  return {
    title: 'Chứng thực nhận chiều thứ Sáu trước Tết 2026 / Certification received before Tết 2026',
    body:
      `Nhận / Received: ${humanInstant(new Date(received), calendar.zone)}, thời hạn "03 ngày làm việc"\n` +
      deadlineBlock(calendar, received, parseDuration('03 ngày làm việc')),
  };
}

/**
 * A birth registration ("Trong ngày", 15:00 cut-off of the Law on Civil Status practice, cf. Decree
 * 61/2018 art. 18 for transfers) received before and after the cut-off on Friday 9 January 2026;
 * the next working day is the make-up Saturday 10 January.
 * @example civilStatusSection(vietnamCalendar()).body
 */
export function civilStatusSection(calendar: WorkCalendar): DemoSection {
  const sameDay = parseDuration('Trong ngày; sau 15 giờ trả vào ngày làm việc tiếp theo');
  const lines = ['2026-01-09T14:30:00+07:00', '2026-01-09T15:20:00+07:00'].map((received) => {
    const due = explainDeadline(calendar, received, sameDay).due;
    return `  nhận / received ${humanInstant(new Date(received), calendar.zone)} → trả / due ${humanInstant(due, calendar.zone)}`;
  });
  return {
    title: 'Đăng ký khai sinh, "Trong ngày", sau 15:00 trả ngày làm việc tiếp theo / Birth registration, 15:00 cut-off',
    body: `${lines.join('\n')}\n${dayLine(calendar, '2026-01-10')}\n`,
  };
}

/**
 * The 2025 swap: Saturday 26 April 2025 is worked so that Friday 2 May joins 30/4–1/5 (Official
 * Dispatch of the Ministry of Home Affairs); a 2-working-day limit from Thursday 24 April uses it.
 * @example makeUpSaturdaySection(vietnamCalendar()).body
 */
export function makeUpSaturdaySection(calendar: WorkCalendar): DemoSection {
  const received = '2025-04-24T09:00:00+07:00';
  return {
    title: 'Thứ Bảy làm bù 26/4/2025 / The 2025 make-up Saturday',
    body:
      `${dayLine(calendar, '2025-04-26')}\n${dayLine(calendar, '2025-05-02')}\n` +
      `Nhận / Received: ${humanInstant(new Date(received), calendar.zone)}, thời hạn "02 ngày làm việc"\n` +
      deadlineBlock(calendar, received, parseDuration('02 ngày làm việc')),
  };
}

/**
 * The same 5-working-day limit under both counting rules (Civil Code 2015 art. 147–148 vs exact
 * working time), and a 15-calendar-day limit whose last day is a day off (art. 148(5)).
 * @example civilCodeSection(vietnamCalendar()).body
 */
export function civilCodeSection(calendar: WorkCalendar): DemoSection {
  const received = '2025-04-29T10:00:00+07:00';
  const fiveDays = parseDuration('05 ngày làm việc');
  const byRule = (['working-time', 'civil-code'] as const).map((rule) => {
    const due = explainDeadline(calendar, received, fiveDays, { rule }).due;
    return `  ${rule.padEnd(12)} → ${humanInstant(due, calendar.zone)}  (${formatInstant(due, calendar.zone)})`;
  });
  // Plain "ngày" (without "làm việc") is a calendar-day period in law.
  const calendarDays = parseDuration('15 ngày');
  return {
    title: 'Bộ luật Dân sự 2015 điều 147–148 / Civil Code counting',
    body:
      `Nhận / Received: ${humanInstant(new Date(received), calendar.zone)}, thời hạn "05 ngày làm việc":\n${byRule.join('\n')}\n\n` +
      'Thời hạn "15 ngày" (ngày lịch / calendar days) nhận 11/4/2026; ngày cuối 26/4 là Chủ Nhật và Giỗ Tổ:\n' +
      deadlineBlock(calendar, '2026-04-11T09:00:00+07:00', calendarDays, 'civil-code'),
  };
}

/**
 * Working days in February 2026 (the Tết month) versus February 2025.
 * @example workingDaysSection(vietnamCalendar()).body
 */
export function workingDaysSection(calendar: WorkCalendar): DemoSection {
  const feb2025 = countWorkingDays(calendar, '2025-02-01', '2025-02-28');
  const feb2026 = countWorkingDays(calendar, '2026-02-01', '2026-02-28');
  return {
    title: 'Số ngày làm việc / Working days per month',
    body: `  02/2025: ${feb2025} ngày làm việc / working days\n  02/2026: ${feb2026} ngày làm việc / working days (Tết 16–20/02)\n`,
  };
}

/** The sections of the tour, in order. */
export const DEMO_SECTIONS: readonly ((calendar: WorkCalendar) => DemoSection)[] = [
  tetSection,
  civilStatusSection,
  makeUpSaturdaySection,
  civilCodeSection,
  workingDaysSection,
];

/**
 * The calendar part of the tour as text.
 * @example demoText(vietnamCalendar())
 */
export function demoText(calendar: WorkCalendar, options: { readonly firstSection?: number } = {}): string {
  const first = options.firstSection ?? 1;
  const intro =
    '\ntthc — lịch làm việc của cơ quan nhà nước Việt Nam / Vietnam’s state working-time calendar\n' +
    `Lịch / Calendar: ${calendar.name} (${calendar.zone}, ${calendar.validFrom} … ${calendar.validTo})\n`;
  const sections = DEMO_SECTIONS.map((section) => section(calendar)).map(
    ({ title, body }, i) => `\n== ${first + i}. ${title} ==\n${body}`,
  );
  return fitWidth(intro + sections.join(''));
}
