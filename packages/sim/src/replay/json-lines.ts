/**
 * Line numbers for JSON-array event logs: where each element of the top-level array starts, so
 * problems name lines in JSON as they do in CSV, and a broken element is reported on its own line
 * instead of failing the whole file.
 */

/** One element of a top-level JSON array: its text range and the 1-based line where it starts. */
export interface ElementSpan {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** Skips a JSON string starting at `i` (on its opening quote); returns the index after it and the line breaks. */
function skipString(text: string, i: number): { end: number; breaks: number } {
  let breaks = 0;
  let k = i + 1;
  for (; k < text.length && text[k] !== '"'; k++) {
    if (text[k] === '\\') k++;
    else if (text[k] === '\n') breaks++;
  }
  return { end: k + 1, breaks };
}

/**
 * The elements of the top-level JSON array in `text`, found by bracket depth (strings skipped), so
 * it works on invalid JSON too: each element can then be parsed — and reported — on its own.
 * @example arrayElementSpans('[\n {"a": 1},\n {"a": 2}\n]').map((s) => s.line) // [2, 3]
 */
export function arrayElementSpans(text: string): ElementSpan[] {
  const spans: ElementSpan[] = [];
  let line = 1;
  let depth = 0;
  let open: { line: number; start: number } | null = null;
  const close = (end: number) => {
    if (open) spans.push({ line: open.line, start: open.start, end });
    open = null;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (depth === 1 && (c === ',' || c === ']')) close(i);
    else if (depth === 1 && !open) open = { line, start: i };
    if (c === '"') {
      const s = skipString(text, i);
      line += s.breaks;
      i = s.end - 1;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  close(text.length);
  return spans;
}
