import { describe, expect, it } from 'vitest';
import { readStepTableXlsx } from './xlsx.js';
import {
  lyingSizeBomb,
  manyLargePartsBomb,
  manySmallMergesWorkbook,
  mergeBombWorkbook,
  overlappingEntriesBomb,
  workbookWithSheet,
} from './xlsx-bombs.test-util.js';
import { DEFAULT_ZIP_LIMITS, listZipEntries, readZipParts, ZipReadError } from './xlsx-zip.js';
import { strToU8, zipSync } from 'fflate';

// Issue 12 High 4–5: each bomb ends with one issue naming what was refused, before inflating it.
describe('readStepTableXlsx on zip bombs', () => {
  it('refuses many directory entries pointing at one deflate stream (64 KB → 11.2 GB before)', () => {
    const bomb = overlappingEntriesBomb(170, 64);
    expect(bomb.length).toBeLessThan(100_000);
    const t = readStepTableXlsx(bomb);
    expect(t.rows).toEqual([]);
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]).toMatchObject({
      code: 'format.invalid',
      severity: 'error',
      path: ['xlsx', 'xl/_rels/bomb1.rels'],
    });
    expect(t.issues[0]!.message).toMatch(/share bytes.*zip bomb/);
  });

  it('refuses an entry that inflates past the size it declares, without inflating the rest', () => {
    const t = readStepTableXlsx(lyingSizeBomb(64));
    expect(t.issues).toMatchObject([{ code: 'format.invalid', path: ['xlsx', '_rels/.rels'] }]);
    expect(t.issues[0]!.message).toMatch(/more than the 1024 bytes it declares/);
  });

  it('refuses parts whose sizes add up past limits.maxInflatedBytes, and reads them when it is raised', () => {
    const bomb = manyLargePartsBomb(3, 60);
    const t = readStepTableXlsx(bomb);
    expect(t.issues).toMatchObject([
      { code: 'limit.exceeded', severity: 'error', path: ['xlsx'], value: 180 * 2 ** 20 },
    ]);
    expect(t.issues[0]!.message).toMatch(/limits\.maxInflatedBytes = 134217728.*raise it/);
    // Raised, the parts are read (and are not a workbook): the limit was the only reason.
    const small = manyLargePartsBomb(3, 2);
    expect(readStepTableXlsx(small, { limits: { maxInflatedBytes: 5 * 2 ** 20 } }).issues[0]!.code).toBe(
      'limit.exceeded',
    );
    const raised = readStepTableXlsx(small, { limits: { maxInflatedBytes: 6 * 2 ** 20 } });
    expect(raised.issues).toMatchObject([{ code: 'format.invalid', path: ['xlsx', 'xl/workbook.xml'] }]);
  });

  it('names limits.maxPartBytes and limits.maxEntries', () => {
    const big = readStepTableXlsx(manyLargePartsBomb(1, 2), { limits: { maxPartBytes: 2 ** 20 } });
    expect(big.issues).toMatchObject([{ code: 'limit.exceeded', path: ['xlsx', 'xl/_rels/part0.rels'] }]);
    expect(big.issues[0]!.message).toMatch(/limits\.maxPartBytes = 1048576/);
    const files = Object.fromEntries(Array.from({ length: 50 }, (_, k) => [`f${k}.txt`, strToU8('x')]));
    const many = readStepTableXlsx(zipSync(files), { limits: { maxEntries: 20 } });
    expect(many.issues).toMatchObject([{ code: 'limit.exceeded', path: ['xlsx'], value: 50 }]);
    expect(many.issues[0]!.message).toMatch(/50 entries, more than limits\.maxEntries = 20/);
  });

  it('lists the entries of an ordinary archive and inflates them exactly', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a/>'.repeat(1000)), 'b/c.txt': strToU8('Bước 1') });
    expect(listZipEntries(zip).map((e) => e.name)).toEqual(['a.xml', 'b/c.txt']);
    const { parts } = readZipParts(zip, () => true);
    expect(new TextDecoder().decode(parts.get('b/c.txt'))).toBe('Bước 1');
    expect(parts.get('a.xml')).toHaveLength(4000);
    expect(() => readZipParts(zip, () => true, { maxInflatedBytes: 100 })).toThrow(ZipReadError);
    expect(DEFAULT_ZIP_LIMITS.maxPartBytes).toBe(64 * 2 ** 20);
  });
});

describe('readStepTableXlsx on merge bombs', () => {
  it('reads 10,000 merges over a 250k-cell grid in linear work (51 s before), warning once', () => {
    const bytes = mergeBombWorkbook(10_000);
    expect(bytes.length).toBeLessThan(10_000);
    const t = readStepTableXlsx(bytes);
    const overlap = t.issues.filter((i) => /overlaps another merged range/.test(i.message));
    expect(overlap).toHaveLength(1);
    expect(overlap[0]).toMatchObject({ path: ['xlsx', 'xl/worksheets/sheet1.xml', 'mergeCells', 'A1:SF500'] });
    // The first range is merged; the 9,999 others overlap it.
    expect(overlap[0]!.message).toMatch(/and 9998 more/);
  });

  it('refuses more merges than limits.maxMerges, naming the limit', () => {
    const t = readStepTableXlsx(mergeBombWorkbook(10_001));
    expect(t.issues).toMatchObject([{ code: 'limit.exceeded', path: ['xlsx', 'xl/worksheets/sheet1.xml'] }]);
    expect(t.issues[0]!.message).toMatch(/limits\.maxMerges = 10000/);
    const small = readStepTableXlsx(manySmallMergesWorkbook(300), { limits: { maxMerges: 299 } });
    expect(small.issues[0]!.message).toMatch(/limits\.maxMerges = 299/);
    const raised = readStepTableXlsx(mergeBombWorkbook(10_001), { limits: { maxMerges: 20_000 } });
    expect(raised.issues.some((i) => i.code === 'limit.exceeded')).toBe(false);
  });

  it('merges disjoint ranges as before: each range has one origin', () => {
    const t = readStepTableXlsx(manySmallMergesWorkbook(3000), { limits: { maxMerges: 3000 } });
    expect(t.issues.some((i) => /merged range/.test(i.message))).toBe(false);
  });

  it('refuses more <c> elements than limits.maxCells even when they repeat one reference', () => {
    const same = `<row r="1">${'<c r="A1" t="inlineStr"><is><t>x</t></is></c>'.repeat(2000)}</row>`;
    const t = readStepTableXlsx(workbookWithSheet(same), { limits: { maxCells: 1000 } });
    expect(t.issues).toMatchObject([{ code: 'limit.exceeded', path: ['xlsx', 'xl/worksheets/sheet1.xml'] }]);
    expect(t.issues[0]!.message).toMatch(/limits\.maxCells = 1000/);
  });
});
