/**
 * The one thing of a workbook's styles (`xl/styles.xml`, ECMA-376 §18.8) a step table needs: which
 * number cells are dates or times. Excel stores "4:00" typed in a cell as the day fraction 0.1666…
 * and a date as a day count; read as plain numbers they would be wrong budgets.
 */
import { civilFromDayNumber } from '@tthc/calendar';
import { localName, scanXml } from './xml.js';

/** How a number cell is shown: as a plain number, a date (day count) or a time of day (day fraction). */
export type NumberKind = 'number' | 'date' | 'time';

/** Built-in number formats (§18.8.30): 14–17, 22 and the East Asian 27–36, 50–58 are dates; 18–21, 45–47 times. */
function builtinKind(id: number): NumberKind {
  if ((id >= 14 && id <= 17) || id === 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return 'date';
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return 'time';
  return 'number';
}

/** A custom format code's kind: quoted text, escapes and colour/condition brackets do not count. */
function codeKind(code: string): NumberKind {
  // Excel limits a format code to 255 characters; the cut also bounds the regex work on hostile input.
  const bare = code
    .slice(0, 255)
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .toLowerCase();
  if (/[yd]/.test(bare)) return 'date';
  if (/[hs]|\[m+\]/.test(bare)) return 'time';
  return 'number';
}

/**
 * The kind of number of each cell style index (`<c s="5">`), from `<numFmts>` and `<cellXfs>`.
 * @example readNumberKinds('<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="20"/></cellXfs></styleSheet>') // ['number', 'time']
 */
export function readNumberKinds(xml: string): NumberKind[] {
  const custom = new Map<number, NumberKind>();
  const kinds: NumberKind[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, attrs, selfClosing) {
      const l = localName(name);
      if (l === 'numFmt') custom.set(Number(attrs.numFmtId), codeKind(attrs.formatCode ?? ''));
      else if (l === 'cellXfs' && !selfClosing) inCellXfs = true;
      else if (l === 'xf' && inCellXfs) {
        const id = Number(attrs.numFmtId ?? 0);
        kinds.push(custom.get(id) ?? builtinKind(id));
      }
    },
    close(name) {
      if (localName(name) === 'cellXfs') inCellXfs = false;
    },
  });
  return kinds;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date or time number cell as the text a step table means by it: a time of day is a duration
 * ("4 giờ", "90 phút"), a date is written the Vietnamese way (`15/09/2025`, with `HH:mm` when it has a
 * time). Serial day 25569 is 1970-01-01 in the 1900 date system; `date1904` workbooks count from 1904.
 * @example numberCellText(0.5 / 3, 'time', false) // '4 giờ'
 */
export function numberCellText(value: number, kind: Exclude<NumberKind, 'number'>, date1904: boolean): string {
  if (kind === 'time' && value >= 0) {
    const minutes = Math.round(value * 1440);
    return minutes % 60 === 0 ? `${minutes / 60} giờ` : `${minutes} phút`;
  }
  const serial = value + (date1904 ? 1462 : 0);
  const whole = Math.floor(serial);
  const { year: y, month: m, day: d } = civilFromDayNumber(whole - 25_569);
  const minutes = Math.round((serial - whole) * 1440);
  const time = minutes > 0 && minutes < 1440 ? ` ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` : '';
  return `${pad(d)}/${pad(m)}/${y}${time}`;
}
