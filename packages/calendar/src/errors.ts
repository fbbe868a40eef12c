/** Stable codes of every error the calendar throws. */
export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_INSTANT'
  | 'INVALID_DURATION'
  | 'INVALID_OPTIONS'
  | 'OUT_OF_RANGE'
  | 'NO_WORKING_TIME';

/**
 * The one error class of `@tthc/calendar`. `code` is stable; `details` names the field and value.
 * @example
 * try { parseDuration('ba ngày') } catch (e) { if (e instanceof CalendarError) console.log(e.code) }
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
