/** Markdown pipe tables (GitHub style): a header row, a `|---|` separator, body rows. */
import type { GridCell } from './grid.js';

function splitRow(line: string): string[] {
  const body = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) =>
    c
      .replace(/\\\|/g, '|')
      .replace(/<br\s*\/?>/gi, '\n')
      .trim(),
  );
}

const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * The pipe tables of a Markdown text, each as a grid with the header as its first row, and the text
 * outside the tables.
 * @example readMarkdownTables('| TT | Nội dung |\n|---|---|\n| 1 | Tiếp nhận |').tables[0].length // 2
 */
export function readMarkdownTables(text: string): { tables: GridCell[][][]; outside: string } {
  const lines = text.normalize('NFC').split(/\r?\n/);
  const tables: GridCell[][][] = [];
  const outside: string[] = [];
  let origin = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('|') && SEPARATOR.test(lines[i + 1] ?? '')) {
      const rows = [splitRow(line)];
      i += 2;
      while (i < lines.length && lines[i]!.includes('|') && lines[i]!.trim() !== '') rows.push(splitRow(lines[i++]!));
      i--;
      tables.push(rows.map((r) => r.map((t) => ({ text: t, origin: origin++ }))));
    } else outside.push(line);
  }
  return { tables, outside: outside.join('\n') };
}
