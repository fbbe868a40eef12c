/**
 * Lossless XML for OpenCPS import files: an element tree that remembers where every element and its
 * content sit in the original text, so that a write changes only the bytes of the values that
 * changed (every other element, attribute, comment, declaration, line ending and indentation is kept
 * byte for byte). fast-xml-parser's validator checks well-formedness first (its message names the
 * line and column); htmlparser2's tokenizer, in XML mode without entity decoding, gives the offsets.
 * No regular expression touches the raw XML.
 */
import { XMLValidator } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';

/** One element of the tree, with its offsets in the source text (end exclusive). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Offset of `<` of the start tag. */
  readonly start: number;
  /** Offset just after the end tag (or after `/>` of an empty-element tag). */
  readonly end: number;
  /** Content range: just after the start tag, up to the end tag (equal for `<a/>`). */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** True for `<a/>`. */
  readonly selfClosing: boolean;
  readonly children: XmlElement[];
}

/** A parsed XML text and its root element. */
export interface XmlDocument {
  readonly text: string;
  readonly root: XmlElement;
}

/** Why an XML text could not be read. */
export class XmlReadError extends Error {
  readonly code = 'XML_INVALID';
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.name = 'XmlReadError';
    this.line = line;
    this.column = column;
  }
}

/** Largest XML text read (OpenCPS process files are a few hundred kilobytes at most). */
export const MAX_XML_CHARS = 8_000_000;

interface Open {
  name: string;
  attributes: Record<string, string>;
  start: number;
  contentStart: number;
  children: XmlElement[];
}

/**
 * Parses an XML text into an element tree with offsets.
 * @throws {XmlReadError} when the text is not well-formed XML (with line and column) or too large.
 * @example parseXml('<a><b>1</b></a>').root.children[0].name // 'b'
 */
export function parseXml(text: string): XmlDocument {
  if (text.length > MAX_XML_CHARS) throw new XmlReadError(`XML text longer than ${MAX_XML_CHARS} characters`);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new XmlReadError(`not well-formed XML at line ${line}, column ${col}: ${msg}`, line, col);
  }
  const stack: Open[] = [];
  const roots: XmlElement[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        stack.push({
          name,
          attributes: { ...attributes },
          start: parser.startIndex,
          contentStart: parser.endIndex + 1,
          children: [],
        });
      },
      onclosetag(_name, implied) {
        const open = stack.pop();
        if (!open) return;
        const selfClosing = implied && parser.startIndex === open.start;
        const element: XmlElement = {
          name: open.name,
          attributes: open.attributes,
          start: open.start,
          end: parser.endIndex + 1,
          contentStart: selfClosing ? parser.endIndex + 1 : open.contentStart,
          contentEnd: selfClosing ? parser.endIndex + 1 : parser.startIndex,
          selfClosing,
          children: open.children,
        };
        (stack.at(-1)?.children ?? roots).push(element);
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();
  const root = roots[0];
  if (!root) throw new XmlReadError('no root element');
  return { text, root };
}

/** The first child element named `name`, if any. */
export function childOf(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

/** Every child element named `name`. */
export function childrenOf(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references of a text run (no CDATA inside). */
function decodeRun(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) return out + raw.slice(i);
    const semi = raw.indexOf(';', amp);
    if (semi < 0) return out + raw.slice(i);
    out += raw.slice(i, amp);
    const name = raw.slice(amp + 1, semi);
    let decoded = ENTITIES[name];
    if (decoded === undefined && name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) decoded = String.fromCodePoint(code);
    }
    out += decoded ?? raw.slice(amp, semi + 1);
    i = semi + 1;
  }
  return out;
}

/**
 * The text of a leaf element as XML means it (entities decoded, CDATA kept), or undefined when the
 * element is absent. Child elements' text is included, as the XML string value is.
 * @example textOf(doc, childOf(doc.root, 'processNo')) // 'QT01'
 */
export function textOf(doc: XmlDocument, element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const raw = doc.text.slice(element.contentStart, element.contentEnd);
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const cdata = raw.indexOf('<![CDATA[', i);
    const comment = raw.indexOf('<!--', i);
    const tag = raw.indexOf('<', i);
    if (tag < 0) return out + decodeRun(raw.slice(i));
    out += decodeRun(raw.slice(i, tag));
    if (tag === cdata) {
      const close = raw.indexOf(']]>', tag);
      out += raw.slice(tag + 9, close < 0 ? raw.length : close);
      i = close < 0 ? raw.length : close + 3;
    } else {
      const close = raw.indexOf(tag === comment ? '-->' : '>', tag);
      i = close < 0 ? raw.length : close + (tag === comment ? 3 : 1);
    }
  }
  return out;
}

/**
 * Escapes a value as XML element content.
 * @example escapeXml('a & b') // 'a &amp; b'
 */
export function escapeXml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** One change of the source text: replace `[start, end)` by `text`. */
export interface XmlEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The edit that sets a leaf element's value, writing CDATA when the original used it.
 * @example applyEdits(doc.text, [setText(doc, el, '2')])
 */
export function setText(doc: XmlDocument, element: XmlElement, value: string): XmlEdit {
  const raw = doc.text.slice(element.contentStart, element.contentEnd);
  const body =
    raw.trimStart().startsWith('<![CDATA[') && !value.includes(']]>') ? `<![CDATA[${value}]]>` : escapeXml(value);
  if (element.selfClosing) {
    const tag = doc.text.slice(element.start, element.end - 2).trimEnd();
    return { start: element.start, end: element.end, text: `${tag}>${body}</${element.name}>` };
  }
  return { start: element.contentStart, end: element.contentEnd, text: body };
}

/** The whitespace before an element on its line (its indentation), or '' when it shares a line. */
export function indentOf(doc: XmlDocument, element: XmlElement): string {
  let i = element.start;
  while (i > 0 && (doc.text[i - 1] === ' ' || doc.text[i - 1] === '\t')) i--;
  return i === 0 || doc.text[i - 1] === '\n' ? doc.text.slice(i, element.start) : '';
}

/** The line ending the document uses ("\r\n" when its first line break is one). */
export function lineEndOf(doc: XmlDocument): string {
  const nl = doc.text.indexOf('\n');
  return nl > 0 && doc.text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * The edit removing an element together with the line break and indentation before it.
 * @example applyEdits(doc.text, [removeElement(doc, step)])
 */
export function removeElement(doc: XmlDocument, element: XmlElement): XmlEdit {
  let start = element.start;
  while (start > 0 && (doc.text[start - 1] === ' ' || doc.text[start - 1] === '\t')) start--;
  if (start > 0 && doc.text[start - 1] === '\n') start -= start > 1 && doc.text[start - 2] === '\r' ? 2 : 1;
  return { start, end: element.end, text: '' };
}

/**
 * Applies non-overlapping edits to a text (in any order given).
 * @throws {RangeError} when two edits overlap (a bug in the caller).
 * @example applyEdits('<a>1</a>', [{ start: 3, end: 4, text: '2' }]) // '<a>2</a>'
 */
export function applyEdits(text: string, edits: readonly XmlEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new RangeError(`overlapping XML edits at ${e.start}`);
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
