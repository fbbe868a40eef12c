/**
 * Catalogue channels (CACHTHUCTHUCHIEN): the time limit and the fees of each submission channel,
 * read from and written back to the LayThuTuc shape.
 *
 * Time units as the 2,642 scraped national procedures write them (issue 11): "Ngày làm việc",
 * "Ngày" (calendar days, as in law), a bare number (read as days, with a warning), "Giờ", "Tháng"
 * (Civil Code 2015 art. 147–148 months) and "Không có thông tin" — no limit stated (`timeLimit: null`).
 */
import { type Duration, parseDuration } from '@tthc/calendar';
import type { Channel, ChannelKind, Fee } from '@tthc/core';
import type { CatalogueChannel, CatalogueFee, CatalogueTime } from '../formats/catalogue.js';
import {
  type JsonPath,
  mergeList,
  type ReadContext,
  readContext,
  readDuration,
  readNumber,
  report,
  sameDuration,
  setField,
  trace,
} from '../native.js';
import { readCurrency, writeCurrency } from './catalogue-money.js';
import { statedLimits } from './catalogue-text.js';
import { compact } from './shared.js';

/** KENH codes of the national catalogue (REFERENCE.md §3.1). */
export const KENH: Readonly<Record<string, ChannelKind>> = { '1': 'direct', '2': 'online', '3': 'postal' };
const KENH_CODE: Readonly<Record<ChannelKind, number>> = { direct: 1, online: 2, postal: 3 };

/** The name a fee gets when the catalogue gives none (PHILEPHI has no name field, only MOTA). */
const DEFAULT_FEE_NAME = 'Phí, lệ phí';

/** DONVITINH wording per unit. "Ngày" alone is calendar days in law (ND 63/2010 art. 8 lists limits as written). */
const UNIT_TEXT: Readonly<Record<Duration['unit'], string>> = {
  workingDay: 'Ngày làm việc',
  calendarDay: 'Ngày',
  calendarMonth: 'Tháng',
  workingHour: 'Giờ làm việc',
  workingMinute: 'Phút làm việc',
  sameDay: 'Trong ngày',
};

/** What the national service writes when a channel has no limit (137 of 2,642 scraped procedures). */
export const NO_LIMIT_TEXT = 'Không có thông tin';

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const NO_LIMIT = new Set(['khong co thong tin', 'khong quy dinh', 'khong co', 'khong']);

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The limit of a time row: a duration, `null` when none is stated, `undefined` when unreadable (reported).
 */
function readTimeLimit(ctx: ReadContext, t: CatalogueTime, path: JsonPath): Duration | null | undefined {
  const unit = (t.DONVITINH ?? '').trim();
  if (NO_LIMIT.has(fold(unit)) || (unit === '' && blank(t.THOIGIANGIAIQUYET))) return null;
  // "Trong ngày" / "Không tính thời gian" carry their meaning in DONVITINH alone; the amount is noise.
  try {
    const alone = parseDuration(unit, { plainDay: 'calendarDay' });
    if (alone.unit === 'sameDay' || alone.notCounted) return alone;
  } catch {
    // Not readable alone: read with the amount below.
  }
  const amount = readNumber(t.THOIGIANGIAIQUYET);
  if (amount === undefined) {
    report(ctx, 'value.unreadable', [...path, 'THOIGIANGIAIQUYET'], 'expected a number', {
      value: t.THOIGIANGIAIQUYET,
    });
    return undefined;
  }
  if (unit === '') {
    // 338 of 2,642 scraped procedures give a bare number: days, calendar days as in law.
    report(
      ctx,
      'value.assumedUnit',
      [...path, 'DONVITINH'],
      `no unit: ${amount} read as ${amount} ngày (calendar days)`,
      {
        severity: 'warning',
        value: t.DONVITINH ?? null,
      },
    );
    return { amount, unit: 'calendarDay' };
  }
  return readDuration(ctx, `${amount} ${unit}`, [...path, 'DONVITINH'], { plainDay: 'calendarDay' });
}

function writeTimeLimit(
  d: Duration | null,
  original: CatalogueTime | undefined,
): Pick<CatalogueTime, 'THOIGIANGIAIQUYET' | 'DONVITINH'> {
  const asText = typeof original?.THOIGIANGIAIQUYET === 'string';
  if (d === null) return { THOIGIANGIAIQUYET: asText || original === undefined ? '' : 0, DONVITINH: NO_LIMIT_TEXT };
  if (d.unit === 'sameDay' || d.notCounted) {
    const text = d.notCounted
      ? 'Không tính thời gian'
      : d.cutoff
        ? `Trong ngày (trước ${d.cutoff})`
        : UNIT_TEXT.sameDay;
    return { THOIGIANGIAIQUYET: asText ? '0' : 0, DONVITINH: text };
  }
  return { THOIGIANGIAIQUYET: asText ? String(d.amount) : d.amount, DONVITINH: UNIT_TEXT[d.unit] };
}

const sameLimit = (a: Duration | null | undefined, b: Duration | null): boolean =>
  a === null || b === null ? a === b : sameDuration(a, b);

/** Warns when the description states limits and none of them is the structured one (MOTA vs THOIGIAN). */
function crossCheck(ctx: ReadContext, limit: Duration | null, t: CatalogueTime, path: JsonPath): void {
  const text = t.MOTA;
  if (limit === null || typeof text !== 'string') return;
  const stated = statedLimits(text);
  if (stated.length === 0 || stated.some((s) => sameLimit(s.duration, limit))) return;
  const said = stated.map((s) => `"${s.text}"`).join(', ');
  report(
    ctx,
    'limit.textMismatch',
    [...path, 'MOTA'],
    `the description states ${said} but the structured limit is ${t.THOIGIANGIAIQUYET ?? ''} ${t.DONVITINH ?? ''}`.trim(),
    { severity: 'warning', value: text },
  );
}

function readFee(ctx: ReadContext, f: CatalogueFee, path: JsonPath): Fee | undefined {
  const amount = blank(f.SOTIEN) ? 0 : readNumber(f.SOTIEN);
  if (amount === undefined || amount < 0) {
    report(ctx, 'value.unreadable', [...path, 'SOTIEN'], 'expected an amount', { value: f.SOTIEN });
  }
  const currency = readCurrency(f.DONVI);
  if (currency === undefined) {
    report(ctx, 'value.unreadable', [...path, 'DONVI'], 'unknown currency (expected Đồng/VNĐ, USD, EUR…)', {
      value: f.DONVI,
    });
    return undefined;
  }
  return compact({
    name: f.MOTA?.trim() || DEFAULT_FEE_NAME,
    code: f.MAPHILEPHI || undefined,
    amount: amount ?? 0,
    currency,
  });
}

function writeFee(fee: Fee, original: CatalogueFee | undefined): CatalogueFee {
  const out: CatalogueFee = {
    ...original,
    SOTIEN: typeof original?.SOTIEN === 'string' ? String(fee.amount) : fee.amount,
  };
  setField(out, 'MAPHILEPHI', fee.code ?? (original?.MAPHILEPHI === '' ? '' : undefined));
  setField(out, 'MOTA', fee.name === DEFAULT_FEE_NAME && !original?.MOTA ? original?.MOTA : fee.name);
  if (readCurrency(out.DONVI) !== fee.currency) out.DONVI = writeCurrency(fee.currency);
  return out;
}

/** The scratch reading of a fee list, for merging (unreadable items count as absent). */
const feeOf = (f: CatalogueFee) => readFee(readContext('catalogue'), f, []);

/**
 * Reads one channel: KENH, the first time row's limit (a duration, or `null` when no limit is stated)
 * and text, its fees (under the time row or the channel row), and warns when the text states another
 * limit.
 * @example readChannel(ctx, record.CACHTHUCTHUCHIEN[0], ['CACHTHUCTHUCHIEN', 0], ['channels', 0])
 */
export function readChannel(
  ctx: ReadContext,
  c: CatalogueChannel,
  path: JsonPath,
  canonical: JsonPath,
): Channel | undefined {
  const kind = KENH[String(c.KENH).trim()];
  if (!kind) {
    report(ctx, 'channel.unknown', [...path, 'KENH'], 'expected KENH 1 (trực tiếp), 2 (trực tuyến) or 3 (bưu chính)', {
      value: c.KENH,
    });
    return undefined;
  }
  if (c.THOIGIAN.length > 1) {
    report(
      ctx,
      'value.ignored',
      [...path, 'THOIGIAN'],
      'several time rows for one channel: the first is the channel limit',
      {
        severity: 'warning',
      },
    );
  }
  const t = c.THOIGIAN[0]!;
  const tPath = [...path, 'THOIGIAN', 0];
  const timeLimit = readTimeLimit(ctx, t, tPath);
  if (timeLimit !== undefined) crossCheck(ctx, timeLimit, t, tPath);
  trace(ctx, [...canonical, 'channel'], [...path, 'KENH']);
  trace(ctx, [...canonical, 'timeLimit'], tPath);
  trace(ctx, [...canonical, 'timeLimitText'], [...tPath, 'MOTA']);
  const sources: [readonly CatalogueFee[], JsonPath][] = [
    [t.PHILEPHI ?? [], [...tPath, 'PHILEPHI']],
    [c.PHILEPHI ?? [], [...path, 'PHILEPHI']],
  ];
  const fees: Fee[] = [];
  for (const [list, at] of sources) {
    list.forEach((f, i) => {
      trace(ctx, [...canonical, 'fees', fees.length], [...at, i]);
      const fee = readFee(ctx, f, [...at, i]);
      if (fee) fees.push(fee);
    });
  }
  if (timeLimit === undefined) return undefined;
  return compact({ channel: kind, timeLimit, timeLimitText: t.MOTA ?? undefined, fees });
}

/**
 * Writes a channel over its original, keeping the native wording of unchanged limits and fees (and
 * the row they were under: the time row, or the channel row for exports that put them there).
 * @example writeChannel(procedure.channels[0], record.CACHTHUCTHUCHIEN[0])
 */
export function writeChannel(c: Channel, original: CatalogueChannel | undefined): CatalogueChannel {
  const [first, ...rest] = original?.THOIGIAN ?? [];
  const scratch = readContext('catalogue');
  const keep = first !== undefined && sameLimit(readTimeLimit(scratch, first, []), c.timeLimit);
  const time: CatalogueTime = {
    ...first,
    ...(keep && first ? {} : writeTimeLimit(c.timeLimit, first)),
  } as CatalogueTime;
  if (c.timeLimitText !== undefined || first?.MOTA !== null) setField(time, 'MOTA', c.timeLimitText);
  const onChannel = (first?.PHILEPHI ?? []).length === 0 && (original?.PHILEPHI ?? []).length > 0;
  const host = onChannel ? original?.PHILEPHI : first?.PHILEPHI;
  const fees = mergeList(host ?? undefined, c.fees, { read: feeOf, write: writeFee });
  const out: CatalogueChannel = {
    ...original,
    KENH: original?.KENH ?? KENH_CODE[c.channel],
    THOIGIAN: [time, ...rest],
  };
  if (onChannel) out.PHILEPHI = fees;
  else if (fees.length > 0 || time.PHILEPHI !== undefined)
    time.PHILEPHI = fees.length === 0 && time.PHILEPHI === null ? null : fees;
  return out;
}
