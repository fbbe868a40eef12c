import { parseDuration } from '@tthc/calendar';
import { readStepTableCsv } from '@tthc/sync';
import { describe, expect, it } from 'vitest';
import { readSharedStrings } from '../../packages/sync/src/tables/xlsx-sheet.js';
import { scanXml } from '../../packages/sync/src/tables/xml.js';
import { growthRatio, LINEAR_BOUND } from './growth.js';

const fill = (unit: string) => (chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

// Issue 12 What to build 3: every text reader grows linearly from 1k to 1M characters.
describe('text readers grow linearly on pathological text', () => {
  const csvRow = 'B1,"Tiếp nhận ""hồ sơ""",Bộ phận Một cửa,"0,5 ngày"\n';
  it.each([
    ['CSV, many rows', fill(`TT,Nội dung,Trách nhiệm,Thời gian\n${csvRow}`)],
    ['CSV, only delimiters', fill(',;\t')],
  ])('readStepTableCsv: %s', (_, make) => {
    const ratio = growthRatio((t) => readStepTableCsv(t), make);
    expect(ratio).toBeLessThan(LINEAR_BOUND);
  });

  it.each([
    ['many elements', fill('<si><t>Bước 1 &amp; 2</t></si>')],
    ['"<!--" repeated', fill('<!--')],
    ['"<a " repeated', fill('<a ')],
    ['attributes with ">" in quotes', fill('<c r="A1" s=">">x</c>')],
  ])('the xlsx XML scanner: %s', (_, make) => {
    const read = (t: string) => {
      try {
        scanXml(t, {});
      } catch {
        // Malformed input is an XmlSyntaxError the reader turns into an issue; only the cost matters.
      }
    };
    expect(growthRatio(read, make)).toBeLessThan(LINEAR_BOUND);
  });

  it('shared strings', () => {
    const items = (chars: number) => `<sst>${'<si><t>Hồ sơ</t></si>'.repeat(Math.ceil(chars / 20))}</sst>`;
    expect(growthRatio((t) => readSharedStrings(t), items)).toBeLessThan(LINEAR_BOUND);
  });

  it('parseDuration on long hostile text (refused or read, never slow)', () => {
    const read = (t: string) => {
      try {
        parseDuration(t);
      } catch {
        // INVALID_DURATION is the expected answer for most of these.
      }
    };
    for (const make of [fill('1 giờ '), fill('trong '), fill('0,'), (n: number) => `3 ngày${' '.repeat(n)}x`]) {
      expect(growthRatio(read, make)).toBeLessThan(LINEAR_BOUND);
    }
  });
});
