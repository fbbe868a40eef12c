/**
 * Catalogue adapter: a national TTHC catalogue record (LayThuTuc JSON) ↔ canonical `Procedure`.
 */
import { type Component, type LegalReference, type Procedure, safeParseProcedure } from '@tthc/core';
import {
  type CatalogueCase,
  type CatalogueComponent,
  type CatalogueLegalDoc,
  type CatalogueRecord,
  CatalogueRecordSchema,
} from '../formats/catalogue.js';
import type { Adapter } from '../issues.js';
import {
  type JsonPath,
  mergeList,
  type ReadContext,
  readCivilDate,
  readContext,
  readNumber,
  report,
  setField,
  trace,
  viDate,
} from '../native.js';
import { KENH, readChannel, writeChannel } from './catalogue-channel.js';
import { readLevels, writeLevels } from './catalogue-levels.js';
import { checkNative, compact, finish } from './shared.js';

function readLegalDoc(ctx: ReadContext, d: CatalogueLegalDoc, path: JsonPath): LegalReference {
  const date = d.NGAYBANHANH || undefined;
  const issuedOn = date === undefined ? undefined : readCivilDate(date);
  if (date !== undefined && issuedOn === undefined) {
    report(ctx, 'value.unreadable', [...path, 'NGAYBANHANH'], 'expected a date dd/MM/yyyy', { value: d.NGAYBANHANH });
  }
  return compact({
    number: d.SOVANBAN.trim(),
    title: d.TENVANBAN || undefined,
    issuer: d.COQUANBANHANH || undefined,
    issuedOn,
  });
}

function writeLegalDoc(r: LegalReference, original: CatalogueLegalDoc | undefined): CatalogueLegalDoc {
  const out: CatalogueLegalDoc = { ...original, SOVANBAN: r.number };
  setField(out, 'TENVANBAN', r.title);
  setField(out, 'COQUANBANHANH', r.issuer);
  setField(out, 'NGAYBANHANH', r.issuedOn === undefined ? undefined : viDate(r.issuedOn));
  return out;
}

function readComponent(ctx: ReadContext, c: CatalogueComponent, path: JsonPath, group?: string): Component {
  const count = (key: 'SOBANCHINH' | 'SOBANSAO', fallback: number): number => {
    const v = c[key];
    const n = v === undefined || v === null || v === '' ? fallback : readNumber(v);
    if (n === undefined || !Number.isInteger(n) || n < 0) {
      report(ctx, 'value.unreadable', [...path, key], 'expected a whole number of copies', { value: c[key] });
      return fallback;
    }
    return n;
  };
  return compact({
    name: c.TENGIAYTO,
    form: c.MAUDONTOKHAI || undefined,
    originals: count('SOBANCHINH', 1),
    copies: count('SOBANSAO', 0),
    required: c.BATBUOC ?? true,
    note: c.GHICHU || undefined,
    case: group,
  });
}

const isCase = (item: CatalogueComponent | CatalogueCase): item is CatalogueCase =>
  Array.isArray((item as CatalogueCase).GIAYTO);

/** THANHPHANHOSO flattened: flat documents, or each case's GIAYTO with the case name (TRUONGHOP). */
function readComponents(ctx: ReadContext, items: readonly (CatalogueComponent | CatalogueCase)[]): Component[] {
  const out: Component[] = [];
  items.forEach((item, i) => {
    if (!isCase(item)) {
      trace(ctx, ['components', out.length], ['THANHPHANHOSO', i]);
      out.push(readComponent(ctx, item, ['THANHPHANHOSO', i]));
      return;
    }
    const group = item.TRUONGHOP?.trim() || undefined;
    item.GIAYTO.forEach((g, j) => {
      trace(ctx, ['components', out.length], ['THANHPHANHOSO', i, 'GIAYTO', j]);
      out.push(readComponent(ctx, g, ['THANHPHANHOSO', i, 'GIAYTO', j], group));
    });
  });
  return out;
}

function writeComponent(c: Component, original: CatalogueComponent | undefined): CatalogueComponent {
  const asText = typeof original?.SOBANCHINH === 'string';
  const out: CatalogueComponent = {
    ...original,
    TENGIAYTO: c.name,
    SOBANCHINH: asText ? String(c.originals) : c.originals,
    SOBANSAO: typeof original?.SOBANSAO === 'string' ? String(c.copies) : c.copies,
  };
  setField(out, 'MAUDONTOKHAI', c.form);
  setField(out, 'BATBUOC', c.required && original?.BATBUOC === undefined ? undefined : c.required);
  if (c.note !== undefined || original?.GHICHU) setField(out, 'GHICHU', c.note);
  return out;
}

/** Writes the components back in the shape of the original (cases with GIAYTO, or flat). */
function writeComponents(
  original: readonly (CatalogueComponent | CatalogueCase)[] | null | undefined,
  components: readonly Component[],
): (CatalogueComponent | CatalogueCase)[] {
  const scratch = readContext('catalogue');
  const flatRead = (c: CatalogueComponent) => {
    const { case: _c, ...rest } = readComponent(scratch, c, []);
    return rest as Component;
  };
  const strip = (c: Component): Component => {
    const { case: _c, ...rest } = c;
    return rest as Component;
  };
  const nested = (original ?? []).some(isCase);
  if (!nested) {
    return mergeList(original as CatalogueComponent[] | undefined, components.map(strip), {
      read: flatRead,
      write: writeComponent,
    });
  }
  const groups: { name: string | undefined; items: Component[] }[] = [];
  for (const c of components) {
    const last = groups.at(-1);
    if (last && last.name === c.case) last.items.push(strip(c));
    else groups.push({ name: c.case, items: [strip(c)] });
  }
  const cases = (original ?? []).filter(isCase);
  return groups.map((g, i) => {
    const match = cases.find((k) => (k.TRUONGHOP?.trim() || undefined) === g.name) ?? cases[i];
    const GIAYTO = mergeList(match?.GIAYTO, g.items, { read: flatRead, write: writeComponent });
    const sameName = (match?.TRUONGHOP?.trim() || undefined) === g.name;
    return { ...match, TRUONGHOP: sameName && match ? match.TRUONGHOP : (g.name ?? ''), GIAYTO };
  });
}

function listOf<T>(items: readonly T[] | undefined, key: string, canonical: string, ctx: ReadContext): T[] {
  for (let i = 0; i < (items?.length ?? 0); i++) trace(ctx, [canonical, i], [key, i]);
  return [...(items ?? [])];
}

function readRecord(ctx: ReadContext, r: CatalogueRecord): Record<string, unknown> {
  if (r.LINHVUCTHUCHIEN.length > 1) {
    report(ctx, 'value.ignored', ['LINHVUCTHUCHIEN'], 'several fields: the first is the procedure field', {
      severity: 'warning',
    });
  }
  const field = r.LINHVUCTHUCHIEN[0]!;
  const levels = readLevels(ctx, r.CAPTHUCHIEN);
  for (const [canonical, native] of [
    ['code', 'MATTHC'],
    ['name', 'TENTTHC'],
    ['levels', 'CAPTHUCHIEN'],
    ['kind', 'LOAITTHC'],
    ['announcedBy', 'QUYETDINHCONGBO'],
  ] as const) {
    trace(ctx, [canonical], [native]);
  }
  trace(ctx, ['field'], ['LINHVUCTHUCHIEN', 0]);
  const channels = r.CACHTHUCTHUCHIEN.map((c, i) => {
    trace(ctx, ['channels', i], ['CACHTHUCTHUCHIEN', i]);
    return readChannel(ctx, c, ['CACHTHUCTHUCHIEN', i], ['channels', i]);
  });
  return compact({
    code: r.MATTHC.trim(),
    name: r.TENTTHC,
    field: compact({ code: field.MALINHVUC || undefined, name: field.TENLINHVUC }),
    levels,
    kind: r.LOAITTHC || undefined,
    agencies: listOf(r.COQUANTHUCHIEN, 'COQUANTHUCHIEN', 'agencies', ctx).map((a) =>
      compact({ code: a.MADONVI || undefined, name: a.TENDONVI }),
    ),
    channels: channels.filter((c) => c !== undefined),
    components: readComponents(ctx, r.THANHPHANHOSO ?? []),
    results: listOf(r.KETQUATHUCHIEN ?? undefined, 'KETQUATHUCHIEN', 'results', ctx).map((k) =>
      compact({ code: k.MAKETQUA || undefined, name: k.TENKETQUA }),
    ),
    legalBases: listOf(r.CANCUPHAPLY ?? undefined, 'CANCUPHAPLY', 'legalBases', ctx).map((d, i) =>
      readLegalDoc(ctx, d, ['CANCUPHAPLY', i]),
    ),
    announcedBy: r.QUYETDINHCONGBO == null ? undefined : readLegalDoc(ctx, r.QUYETDINHCONGBO, ['QUYETDINHCONGBO']),
  });
}

/** Puts a list back under `key`, leaving the key absent when it was absent and the list is empty. */
function putList(target: Record<string, unknown>, key: string, list: readonly unknown[]): void {
  if (list.length === 0 && (target[key] === undefined || target[key] === null)) return;
  setField(target, key, list);
}

function serializeRecord(p: Procedure, original: CatalogueRecord | undefined): CatalogueRecord {
  const out = (original ? structuredClone(original) : {}) as Record<string, unknown>;
  const scratch = readContext('catalogue');
  if (original?.MATTHC.trim() !== p.code) out.MATTHC = p.code;
  out.TENTTHC = p.name;
  const fields = original?.LINHVUCTHUCHIEN ?? [];
  const field0 = fields[0];
  const sameField =
    field0 !== undefined && (field0.MALINHVUC || undefined) === p.field.code && field0.TENLINHVUC === p.field.name;
  const newField = { ...field0, TENLINHVUC: p.field.name };
  setField(newField, 'MALINHVUC', p.field.code);
  out.LINHVUCTHUCHIEN = sameField ? fields : [newField, ...fields.slice(1)];
  out.CAPTHUCHIEN = writeLevels(original?.CAPTHUCHIEN, p.levels);
  if (p.kind !== undefined || original?.LOAITTHC) setField(out, 'LOAITTHC', p.kind);
  out.CACHTHUCTHUCHIEN = mergeList(original?.CACHTHUCTHUCHIEN, p.channels, {
    read: (c) => readChannel(scratch, c, [], []),
    write: writeChannel,
    match: (c) => original?.CACHTHUCTHUCHIEN.find((n) => KENH[String(n.KENH).trim()] === c.channel),
  });
  putList(out, 'THANHPHANHOSO', writeComponents(original?.THANHPHANHOSO, p.components));
  putList(
    out,
    'KETQUATHUCHIEN',
    mergeList(original?.KETQUATHUCHIEN ?? undefined, p.results, {
      read: (k) => compact({ code: k.MAKETQUA || undefined, name: k.TENKETQUA }),
      write: (k, o) => {
        const item = { ...o, TENKETQUA: k.name };
        setField(item, 'MAKETQUA', k.code);
        return item;
      },
    }),
  );
  putList(
    out,
    'CANCUPHAPLY',
    mergeList(original?.CANCUPHAPLY ?? undefined, p.legalBases, {
      read: (d) => readLegalDoc(scratch, d, []),
      write: writeLegalDoc,
    }),
  );
  out.COQUANTHUCHIEN = mergeList(original?.COQUANTHUCHIEN, p.agencies, {
    read: (a) => compact({ code: a.MADONVI || undefined, name: a.TENDONVI }),
    write: (a, o) => {
      const item = { ...o, TENDONVI: a.name };
      setField(item, 'MADONVI', a.code);
      return item;
    },
  });
  const announced = original?.QUYETDINHCONGBO ?? undefined;
  const sameAnnounced =
    announced !== undefined &&
    p.announcedBy !== undefined &&
    mergeList([announced], [p.announcedBy], {
      read: (d) => readLegalDoc(scratch, d, []),
      write: writeLegalDoc,
    })[0] === announced;
  if (!sameAnnounced && !(p.announcedBy === undefined && original?.QUYETDINHCONGBO === null)) {
    setField(out, 'QUYETDINHCONGBO', p.announcedBy && writeLegalDoc(p.announcedBy, announced));
  }
  return out as CatalogueRecord;
}

/**
 * The national TTHC catalogue adapter. `parse` reads a LayThuTuc record into a `Procedure` (time
 * limits per channel with `parseDuration`, plain "Ngày" = calendar days as in law); `serialize`
 * writes a procedure back into the record, keeping fields it does not map (TRINHTUTHUCHIEN, YEUCAU…).
 * @example
 * const { value, issues } = catalogueAdapter.parse(JSON.parse(text));
 * const record = catalogueAdapter.serialize({ ...value!, name: 'Đăng ký khai sinh' }, JSON.parse(text));
 */
export const catalogueAdapter: Adapter<Procedure, CatalogueRecord> = {
  system: 'catalogue',
  parse(raw) {
    const ctx = readContext('catalogue');
    const record = checkNative(ctx, CatalogueRecordSchema, raw);
    const candidate = record && readRecord(ctx, record);
    return finish(ctx, candidate, safeParseProcedure);
  },
  serialize(value, original) {
    // Work on a copy: unchanged items are reused as they are, and must not alias the caller's document.
    return serializeRecord(value, original && structuredClone(original));
  },
};
