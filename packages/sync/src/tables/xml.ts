/**
 * A minimal XML tokenizer for the parts of an .xlsx workbook (no DOM: `DOMParser` does not exist in
 * Node). One forward scan with `indexOf`, no backtracking regex, so a huge sheet costs linear time.
 * Enough for SpreadsheetML: elements, attributes, text, CDATA, comments, processing instructions and
 * a DOCTYPE are skipped. Names keep their prefix; {@link localName} drops it.
 */
import { decodeEntities } from './html.js';

/** What the scan reports, in document order. */
export interface XmlVisitor {
  open?(name: string, attrs: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close?(name: string): void;
  /** Text with entities decoded (CDATA as is). */
  text?(text: string): void;
}

/** The XML is not well-formed enough to read (an unterminated tag, comment or CDATA). */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  readonly code = 'XML_SYNTAX';
  constructor(
    message: string,
    /** Character offset of the problem. */
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * The name without its namespace prefix (`x:c` → `c`): some writers prefix SpreadsheetML elements.
 * @example localName('x:row') // 'row'
 */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Entities decoded only where there are any: most text runs and attributes have none. */
const decode = (text: string) => (text.includes('&') ? decodeEntities(text) : text);

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

function readAttrs(src: string, from: number, to: number, at: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  let i = from;
  while (i < to) {
    while (i < to && isSpace(src.charCodeAt(i))) i++;
    if (i >= to) break;
    const eq = src.indexOf('=', i);
    if (eq < 0 || eq >= to) throw new XmlSyntaxError('attribute without a value', at);
    const name = src.slice(i, eq).trim();
    let q = eq + 1;
    while (q < to && isSpace(src.charCodeAt(q))) q++;
    const quote = src[q];
    if (quote !== '"' && quote !== "'") throw new XmlSyntaxError(`attribute ${name} is not quoted`, at);
    const end = src.indexOf(quote, q + 1);
    if (end < 0 || end >= to) throw new XmlSyntaxError(`attribute ${name} is not closed`, at);
    attrs[name] = decode(src.slice(q + 1, end));
    i = end + 1;
  }
  return attrs;
}

/** Finds the `>` closing a tag, skipping `>` inside quoted attribute values. */
function tagEnd(src: string, from: number): number {
  let quote = '';
  for (let i = from; i < src.length; i++) {
    const ch = src[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

/**
 * Scans `src` and calls the visitor for each element start, end and text run.
 * @throws {XmlSyntaxError} on an unterminated construct (callers turn it into an issue).
 * @example scanXml('<t xml:space="preserve"> a&amp;b</t>', { text: (t) => out.push(t) }) // out: [' a&b']
 */
export function scanXml(src: string, visitor: XmlVisitor): void {
  let i = 0;
  const n = src.length;
  // Open elements: a truncated part (a cut-off download) is an error, not silently fewer cells.
  const open: string[] = [];
  while (i < n) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && visitor.text) visitor.text(decode(src.slice(i, textEnd)));
    if (lt < 0) break;
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      if (end < 0) throw new XmlSyntaxError('unterminated comment', lt);
      i = end + 3;
    } else if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt + 9);
      if (end < 0) throw new XmlSyntaxError('unterminated CDATA section', lt);
      visitor.text?.(src.slice(lt + 9, end));
      i = end + 3;
    } else if (src.startsWith('<?', lt)) {
      const end = src.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlSyntaxError('unterminated processing instruction', lt);
      i = end + 2;
    } else if (src.startsWith('<!', lt)) {
      // A DOCTYPE (never in OOXML; an internal subset with "[...]" is not supported, only skipped).
      const end = tagEnd(src, lt + 2);
      if (end < 0) throw new XmlSyntaxError('unterminated declaration', lt);
      i = end + 1;
    } else {
      const end = tagEnd(src, lt + 1);
      if (end < 0) throw new XmlSyntaxError('unterminated tag', lt);
      if (src[lt + 1] === '/') {
        const name = src.slice(lt + 2, end).trim();
        const expected = open.pop();
        if (expected !== name)
          throw new XmlSyntaxError(expected ? `</${name}> closes <${expected}>` : `</${name}> closes nothing`, lt);
        visitor.close?.(name);
      } else {
        const selfClosing = src[end - 1] === '/';
        const bodyEnd = selfClosing ? end - 1 : end;
        let nameEnd = lt + 1;
        while (nameEnd < bodyEnd && !isSpace(src.charCodeAt(nameEnd))) nameEnd++;
        const name = src.slice(lt + 1, nameEnd);
        if (name === '') throw new XmlSyntaxError('tag without a name', lt);
        if (visitor.open) visitor.open(name, readAttrs(src, nameEnd, bodyEnd, lt), selfClosing);
        if (selfClosing) visitor.close?.(name);
        else open.push(name);
      }
      i = end + 1;
    }
  }
  if (open.length > 0) throw new XmlSyntaxError(`the part ends inside <${open.at(-1)}>`, n);
}
