/**
 * Instants at the API edge. Everything the engine computes is epoch milliseconds; this module turns
 * the accepted inputs (`Date`, `TZDate`, ISO 8601 text with an offset, epoch numbers, luxon
 * `DateTime`) into them without reading the process time zone.
 */
import { dayNumberFromCivil, daysInMonth } from './civil-date.js';
import { CalendarError } from './errors.js';
import type { InstantInput } from './types.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

// RFC 3339 / ISO 8601 extended format. The offset is mandatory: a local time without it names a
// different instant in every zone, so accepting it would make results depend on the reader.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return 'Invalid Date';
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  try {
    const text = JSON.stringify(value);
    return text === undefined ? Object.prototype.toString.call(value) : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function invalidInstant(field: string, value: unknown): CalendarError {
  return new CalendarError(
    'INVALID_INSTANT',
    `${field}: expected an ISO 8601 instant with offset (2026-01-05T08:00:00+07:00), a Date, epoch milliseconds or a luxon DateTime, got ${describeValue(value)}`,
    { field, value },
  );
}

/** Epoch ms of an ISO 8601 instant with offset, or `undefined` when the text is not one. */
function parseIsoInstant(text: string): number | undefined {
  const m = ISO_INSTANT.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // Sub-millisecond digits are dropped, as `Date.parse` does.
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const offHours = Number(m[10]);
    const offMinutes = m[11] === undefined ? 0 : Number(m[11]);
    if (offHours > 23 || offMinutes > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offHours * 60 + offMinutes);
  }
  const local =
    dayNumberFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  return local - offsetMinutes * MS_PER_MINUTE;
}

function hasToMillis(value: unknown): value is { toMillis(): number; isValid?: unknown } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { toMillis?: unknown }).toMillis === 'function'
  );
}

/**
 * Reads an instant as epoch milliseconds. Accepts a valid `Date` (and `TZDate`, which extends it),
 * finite epoch milliseconds, an ISO 8601 string that carries an offset or `Z`, or any object with
 * `toMillis()` such as a luxon `DateTime` (an invalid one, `isValid === false`, is refused).
 * @param field Name of the argument, used in the error message.
 * @throws {CalendarError} `INVALID_INSTANT` naming `field` and the value; e.g. for a string without offset.
 * @example
 * toEpochMs('2026-02-13T16:30:00+07:00') // 1770975000000
 * toEpochMs('2026-02-13T16:30:00')       // throws INVALID_INSTANT: the offset is missing
 */
export function toEpochMs(input: InstantInput, field = 'instant'): number {
  if (typeof input === 'number') {
    if (Number.isFinite(input)) return input;
  } else if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isFinite(ms)) return ms;
  } else if (typeof input === 'string') {
    const ms = parseIsoInstant(input);
    if (ms !== undefined) return ms;
  } else if (hasToMillis(input) && input.isValid !== false) {
    const ms = input.toMillis();
    if (typeof ms === 'number' && Number.isFinite(ms)) return ms;
  }
  throw invalidInstant(field, input);
}
