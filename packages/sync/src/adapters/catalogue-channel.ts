/**
 * Catalogue channels (CACHTHUCTHUCHIEN): the time limit and the fees of each submission channel,
 * read from and written back to the LayThuTuc shape.
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
  workingHour: 'Giờ làm việc',
  workingMinute: 'Phút làm việc',
  sameDay: 'Trong ngày',
};

function readTimeLimit(ctx: ReadContext, t: CatalogueTime, path: JsonPath): Duration | undefined {
  // "Trong ngày" / "Không tính thời gian" carry their meaning in DONVITINH alone; the amount is noise.
  try {
    const alone = parseDuration(t.DONVITINH, { plainDay: 'calendarDay' });
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
  return readDuration(ctx, `${amount} ${t.DONVITINH}`, [...path, 'DONVITINH'], { plainDay: 'calendarDay' });
}

function writeTimeLimit(
  d: Duration,
  original: CatalogueTime | undefined,
): Pick<CatalogueTime, 'THOIGIANGIAIQUYET' | 'DONVITINH'> {
  if (d.unit === 'sameDay' || d.notCounted) {
    const text = d.notCounted
      ? 'Không tính thời gian'
      : d.cutoff
        ? `Trong ngày (trước ${d.cutoff})`
        : UNIT_TEXT.sameDay;
    return { THOIGIANGIAIQUYET: typeof original?.THOIGIANGIAIQUYET === 'string' ? '0' : 0, DONVITINH: text };
  }
  return { THOIGIANGIAIQUYET: d.amount, DONVITINH: UNIT_TEXT[d.unit] };
}

function readFee(ctx: ReadContext, f: CatalogueFee, path: JsonPath): Fee {
  const amount = f.SOTIEN === undefined ? 0 : readNumber(f.SOTIEN);
  if (amount === undefined || amount < 0)
    report(ctx, 'value.unreadable', [...path, 'SOTIEN'], 'expected an amount in VND', { value: f.SOTIEN });
  return compact({
    name: f.MOTA?.trim() || DEFAULT_FEE_NAME,
    code: f.MAPHILEPHI,
    amount: amount ?? 0,
    currency: 'VND' as const,
  });
}

function writeFee(fee: Fee, original: CatalogueFee | undefined): CatalogueFee {
  const out: CatalogueFee = { ...original, SOTIEN: fee.amount };
  setField(out, 'MAPHILEPHI', fee.code);
  setField(out, 'MOTA', fee.name === DEFAULT_FEE_NAME && original?.MOTA === undefined ? undefined : fee.name);
  if (out.DONVI === undefined) out.DONVI = 'Đồng';
  return out;
}

/**
 * Reads one channel: KENH, the first time row's limit and text, its fees.
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
  trace(ctx, [...canonical, 'channel'], [...path, 'KENH']);
  trace(ctx, [...canonical, 'timeLimit'], tPath);
  trace(ctx, [...canonical, 'timeLimitText'], [...tPath, 'MOTA']);
  const fees = (t.PHILEPHI ?? []).map((f, i) => {
    trace(ctx, [...canonical, 'fees', i], [...tPath, 'PHILEPHI', i]);
    return readFee(ctx, f, [...tPath, 'PHILEPHI', i]);
  });
  if (!timeLimit) return undefined;
  return compact({ channel: kind, timeLimit, timeLimitText: t.MOTA, fees });
}

/**
 * Writes a channel over its original, keeping the native wording of unchanged limits and fees.
 * @example writeChannel(procedure.channels[0], record.CACHTHUCTHUCHIEN[0])
 */
export function writeChannel(c: Channel, original: CatalogueChannel | undefined): CatalogueChannel {
  const [first, ...rest] = original?.THOIGIAN ?? [];
  const scratch = readContext('catalogue');
  const sameLimit = first !== undefined && sameDuration(readTimeLimit(scratch, first, []), c.timeLimit);
  const time: CatalogueTime = {
    ...first,
    ...(sameLimit && first ? {} : writeTimeLimit(c.timeLimit, first)),
  } as CatalogueTime;
  setField(time, 'MOTA', c.timeLimitText);
  const fees = mergeList(first?.PHILEPHI, c.fees, { read: (f) => readFee(scratch, f, []), write: writeFee });
  if (fees.length > 0 || time.PHILEPHI !== undefined) time.PHILEPHI = fees;
  return { ...original, KENH: original?.KENH ?? KENH_CODE[c.channel], THOIGIAN: [time, ...rest] };
}
