/**
 * The 120-column width of `tthc demo`: long lines are wrapped at spaces, continuation lines indented
 * deeper than the line they continue, so the tour reads in a standard terminal.
 */

/** The widest line the demo prints. */
export const WIDTH = 120;

/**
 * Wraps a long line at spaces to {@link WIDTH} columns, continuation lines indented by `indent`.
 * @example wrap(longLine, '    ')
 */
export function wrap(line: string, indent: string): string {
  const out: string[] = [];
  let rest = line;
  while (rest.length > WIDTH) {
    const cut = rest.lastIndexOf(' ', WIDTH);
    if (cut <= indent.length) break;
    out.push(rest.slice(0, cut));
    rest = indent + rest.slice(cut + 1);
  }
  out.push(rest);
  return out.join('\n');
}

/**
 * Wraps every line longer than {@link WIDTH} columns, continuation indented 4 more than the line.
 * @example fitWidth(demoText(vietnamCalendar()))
 */
export function fitWidth(text: string): string {
  return text
    .split('\n')
    .map((line) => wrap(line, `${/^\s*/.exec(line)?.[0] ?? ''}    `))
    .join('\n');
}
