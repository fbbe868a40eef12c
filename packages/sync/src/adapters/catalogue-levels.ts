/**
 * Cấp thực hiện — the levels of government a procedure is performed at. The flat shape writes level
 * names ("Cấp xã"); the national service writes codes, `[{ CAPTHUCHIEN: "3" }]`, read by its
 * consumers as 0 cấp bộ, 1 cấp tỉnh, 2 cấp huyện, 3 cấp xã (HuanVu201/DichVuCong_KhoaLuan_PASETO
 * `ThuTucApp/Service.cs`: "0" CapBo, "1" CapTinh, "2" CapHuyen, "3" CapXa).
 */
import type { CatalogueLevel, CatalogueRecord } from '../formats/catalogue.js';
import { deepEqual, type ReadContext, report } from '../native.js';

/** Level code of the national service → level name. */
export const LEVEL_NAMES: Readonly<Record<string, string>> = {
  '0': 'Cấp bộ',
  '1': 'Cấp tỉnh',
  '2': 'Cấp huyện',
  '3': 'Cấp xã',
};
const LEVEL_CODES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LEVEL_NAMES).map(([code, name]) => [name, code]),
);

type LevelItem = CatalogueRecord['CAPTHUCHIEN'][number];

/**
 * Level names of CAPTHUCHIEN in either shape; an unknown code is reported and left out.
 * @example readLevels(ctx, [{ CAPTHUCHIEN: '3' }]) // ['Cấp xã']
 */
export function readLevels(ctx: ReadContext, items: readonly LevelItem[]): string[] {
  const out: string[] = [];
  items.forEach((item, i) => {
    if (typeof item === 'string') {
      if (item.trim() !== '') out.push(item.trim());
      return;
    }
    const code = String(item.CAPTHUCHIEN).trim();
    const name = LEVEL_NAMES[code];
    if (name === undefined) {
      report(
        ctx,
        'value.unreadable',
        ['CAPTHUCHIEN', i, 'CAPTHUCHIEN'],
        'expected a level code 0–3 (bộ, tỉnh, huyện, xã)',
        {
          value: item.CAPTHUCHIEN,
        },
      );
    } else out.push(name);
  });
  return out;
}

/**
 * CAPTHUCHIEN for `levels`, in the shape of the original: unchanged levels keep the original items,
 * nested originals get `{ CAPTHUCHIEN: code }` items (a name without a code stays a name).
 * @example writeLevels([{ CAPTHUCHIEN: '1' }], ['Cấp xã']) // [{ CAPTHUCHIEN: '3' }]
 */
export function writeLevels(original: readonly LevelItem[] | undefined, levels: readonly string[]): LevelItem[] {
  if (original && deepEqual(readLevelsQuiet(original), levels)) return [...original];
  const nested = (original ?? []).some((i) => typeof i !== 'string');
  if (!nested) return [...levels];
  return levels.map((name) => {
    const code = LEVEL_CODES[name];
    if (code === undefined) return name;
    const kept = (original ?? []).find(
      (i): i is CatalogueLevel => typeof i !== 'string' && String(i.CAPTHUCHIEN).trim() === code,
    );
    return kept ?? { CAPTHUCHIEN: code };
  });
}

function readLevelsQuiet(items: readonly LevelItem[]): string[] {
  return items.flatMap((i) => {
    if (typeof i === 'string') return i.trim() === '' ? [] : [i.trim()];
    const name = LEVEL_NAMES[String(i.CAPTHUCHIEN).trim()];
    return name === undefined ? [] : [name];
  });
}
