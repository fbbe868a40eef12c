import { UsageError } from './io.js';
import { readInputText } from './input-file.js';

/** Where a JSON text stops being JSON. */
export interface JsonSyntaxError {
  readonly position: number;
  /** 1-based line and column of {@link JsonSyntaxError.position}. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Scans one JSON string starting at `i` (on the quote); returns the index after it, or the error offset. */
function scanString(text: string, i: number): { end: number } | { error: number; message: string } {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (c === '"') return { end: j + 1 };
    if (c === '\\') {
      ESCAPE.lastIndex = j;
      if (!ESCAPE.test(text)) return { error: j, message: 'bad escape in string' };
      j = ESCAPE.lastIndex;
    } else if (c < ' ') {
      return { error: j, message: 'control character in string' };
    } else {
      j++;
    }
  }
  return { error: text.length, message: 'unterminated string' };
}

function describeAt(text: string, i: number): string {
  return i >= text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}`;
}

function syntaxError(text: string, position: number, message: string): JsonSyntaxError {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { position, line, column: position - before.lastIndexOf('\n'), message };
}

/**
 * Finds the first syntax error of a JSON text (RFC 8259) with its line and column, or `null` when
 * the text is valid JSON. Node 20's `JSON.parse` messages do not always give a position; this does.
 * Iterative (an explicit stack), so deep nesting cannot overflow the call stack.
 * @example jsonSyntaxError('{"a": }') // { position: 6, line: 1, column: 7, message: 'unexpected "}"' }
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: string[] = [];
  let i = 0;
  let state: 'value' | 'key' | 'after' = 'value';
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  for (;;) {
    skip();
    const c = text[i];
    if (state === 'key') {
      if (c !== '"') return syntaxError(text, i, `${describeAt(text, i)}, expected a property name`);
      const s = scanString(text, i);
      if ('error' in s) return syntaxError(text, s.error, s.message);
      i = s.end;
      skip();
      if (text[i] !== ':') return syntaxError(text, i, `${describeAt(text, i)}, expected ":"`);
      i++;
      state = 'value';
    } else if (state === 'value') {
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skip();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) {
          stack.pop();
          i++;
          state = 'after';
        } else {
          state = c === '{' ? 'key' : 'value';
        }
      } else if (c === '"') {
        const s = scanString(text, i);
        if ('error' in s) return syntaxError(text, s.error, s.message);
        i = s.end;
        state = 'after';
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        NUMBER.lastIndex = i;
        if (literal) i += literal.length;
        else if (NUMBER.test(text)) i = NUMBER.lastIndex;
        else return syntaxError(text, i, `${describeAt(text, i)}, expected a value`);
        state = 'after';
      }
    } else {
      const top = stack.at(-1);
      if (top === undefined)
        return i >= text.length ? null : syntaxError(text, i, `${describeAt(text, i)} after the JSON value`);
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if (c === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else {
        return syntaxError(text, i, `${describeAt(text, i)}, expected "," or "${top === '{' ? '}' : ']'}"`);
      }
    }
  }
}

/**
 * Reads and parses a JSON file (a leading byte-order mark is allowed).
 * @throws {UsageError} naming the file and the reason: `cannot be read (ENOENT)`, or the syntax error with
 * its line, column and position.
 * @example readJsonFile('examples/procedures/dang-ky-khai-sinh/procedure.json')
 */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readInputText(path).replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new UsageError(`"${path}" cannot be read (${code}); expected a JSON file`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const found = jsonSyntaxError(text);
    const reason = found
      ? `${found.message} at line ${found.line} column ${found.column} (position ${found.position})`
      : String((error as Error).message);
    throw new UsageError(`"${path}" is not valid JSON: ${reason}`);
  }
}
