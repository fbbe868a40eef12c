/**
 * Hostile workbooks of issue 12, built byte by byte (no zip library writes them): a zip whose
 * central directory points many entries at one deflate stream, an entry that inflates to far more
 * than it declares, and sheets with thousands of merged ranges. Shared by the xlsx tests and the
 * abuse suite (test/abuse). Not exported by the package.
 */
import { deflateSync, strToU8, zipSync } from 'fflate';

const le16 = (v: number) => [v & 0xff, (v >>> 8) & 0xff];
const le32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];

interface RawEntry {
  readonly name: string;
  /** Deflated bytes (method 8). */
  readonly data: Uint8Array;
  /** Declared inflated size. */
  readonly size: number;
  /** Index into the list of entries whose local header and data this entry reuses. */
  readonly sameAs?: number;
}

/** A zip archive written by hand, so that its directory can lie (CRC left 0: the reader checks sizes). */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const local: number[] = [];
  const offsets: number[] = [];
  entries.forEach((e) => {
    if (e.sameAs !== undefined) {
      offsets.push(offsets[e.sameAs]!);
      return;
    }
    offsets.push(local.length);
    const name = strToU8(e.name);
    local.push(
      ...le32(0x04034b50),
      ...le16(20),
      ...le16(0),
      ...le16(8),
      ...le16(0),
      ...le16(0),
      ...le32(0),
      ...le32(e.data.length),
      ...le32(e.size),
      ...le16(name.length),
      ...le16(0),
      ...name,
    );
    for (const b of e.data) local.push(b);
  });
  const central: number[] = [];
  entries.forEach((e, k) => {
    const name = strToU8(e.name);
    const data = e.sameAs === undefined ? e.data : entries[e.sameAs]!.data;
    central.push(
      ...le32(0x02014b50),
      ...le16(20),
      ...le16(20),
      ...le16(0),
      ...le16(8),
      ...le16(0),
      ...le16(0),
      ...le32(0),
      ...le32(data.length),
      ...le32(e.size),
      ...le16(name.length),
      ...le16(0),
      ...le16(0),
      ...le16(0),
      ...le16(0),
      ...le32(0),
      ...le32(offsets[k]!),
      ...name,
    );
  });
  const end = [
    ...le32(0x06054b50),
    ...le16(0),
    ...le16(0),
    ...le16(entries.length),
    ...le16(entries.length),
    ...le32(central.length),
    ...le32(local.length),
    ...le16(0),
  ];
  return Uint8Array.from([...local, ...central, ...end]);
}

/** Megabytes of zeros, deflated once (1 MiB of zeros deflates to about 1 KB). */
export function deflatedZeros(mib: number): { data: Uint8Array; size: number } {
  const size = mib * 1024 * 1024;
  let data = zeros.get(mib);
  if (data === undefined) {
    data = deflateSync(new Uint8Array(size), { level: 9 });
    zeros.set(mib, data);
  }
  return { data, size };
}
const zeros = new Map<number, Uint8Array>();

/**
 * The reproducer of issue 12 High 4: `entries` central-directory entries named `*.rels` (parts the
 * reader wants) all pointing at ONE deflate stream of `mib` MiB of zeros.
 */
export function overlappingEntriesBomb(entries: number, mib: number): Uint8Array {
  const { data, size } = deflatedZeros(mib);
  return rawZip(
    Array.from({ length: entries }, (_, k) => ({
      name: `xl/_rels/bomb${k}.rels`,
      data,
      size,
      ...(k > 0 ? { sameAs: 0 } : {}),
    })),
  );
}

/** One entry declaring 1 KiB that inflates to `mib` MiB. */
export function lyingSizeBomb(mib: number): Uint8Array {
  const { data } = deflatedZeros(mib);
  return rawZip([{ name: '_rels/.rels', data, size: 1024 }]);
}

/** Distinct parts whose declared sizes add up to `parts` × `mib` MiB (each under the part limit). */
export function manyLargePartsBomb(parts: number, mib: number): Uint8Array {
  const { data, size } = deflatedZeros(mib);
  return rawZip(Array.from({ length: parts }, (_, k) => ({ name: `xl/_rels/part${k}.rels`, data, size })));
}

const CONTENT_TYPES = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const ROOT_RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="QT" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A one-sheet workbook with inline strings: `sheetData` rows, then `extra` (e.g. `<mergeCells>`). */
export function workbookWithSheet(sheetData: string, extra = ''): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${extra}</worksheet>`,
    ),
  });
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * The reproducer of issue 12 High 5: a 500 × 500 grid (two cells with values at its corners) and
 * `merges` merged ranges each covering all of it — a few kB deflated.
 */
export function mergeBombWorkbook(merges: number): Uint8Array {
  const rows = `<row r="1">${cell('A1', 'TT')}</row><row r="500">${cell('SF500', 'x')}</row>`;
  return workbookWithSheet(rows, `<mergeCells>${'<mergeCell ref="A1:SF500"/>'.repeat(merges)}</mergeCells>`);
}

/** `merges` disjoint 1 × 2 merged ranges down column A:B of a sheet `merges` rows high. */
export function manySmallMergesWorkbook(merges: number): Uint8Array {
  const rows = `<row r="1">${cell('A1', 'TT')}</row><row r="${merges}">${cell(`B${merges}`, 'x')}</row>`;
  const ranges = Array.from({ length: merges }, (_, k) => `<mergeCell ref="A${k + 1}:B${k + 1}"/>`).join('');
  return workbookWithSheet(rows, `<mergeCells>${ranges}</mergeCells>`);
}
