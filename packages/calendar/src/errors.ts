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

/**
 * A value as short JSON for a message: at most `max` characters, and never a throw (a value nested
 * thousands deep overflows `JSON.stringify`'s stack; a cycle or a BigInt makes it throw).
 * @example showValue({ a: [1, 2] }) // '{"a":[1,2]}'
 */
export function showValue(value: unknown, max = 120): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Refuses keys an options object does not know, naming the key (and the known key it was likely
 * meant to be): a misspelt `extraDayOff` would otherwise be ignored and deadlines come out wrong.
 * @throws {CalendarError} `INVALID_OPTIONS` naming `field.key`.
 * @example checkKnownKeys({ extraDayOff: [] }, ['extraDaysOff'], 'options') // throws: options.extraDayOff …
 */
export function checkKnownKeys(value: object, known: readonly string[], field: string): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => closeSpelling(k, key));
    const hint = near === undefined ? '' : ` (did you mean "${near}"?)`;
    throw new CalendarError('INVALID_OPTIONS', `${field}.${key}: unknown option${hint}; known: ${known.join(', ')}`, {
      field: `${field}.${key}`,
      value: key,
    });
  }
}

/** Same letters up to case, or one edit apart (insert, delete or replace one character). */
function closeSpelling(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const tail = (m: number, n: number) => x.slice(i + m) === y.slice(i + n);
  return tail(1, 1) || tail(1, 0) || tail(0, 1);
}
