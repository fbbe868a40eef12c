/**
 * e-ISO adapter: an ISO procedure document (TCVN ISO 9001:2015, QĐ 101/QĐ-BKHCN model) ↔ canonical
 * `Process`. The work-flow table 5.7 becomes the steps; "Trách nhiệm" becomes a performer.
 */
import { formatDuration } from '@tthc/calendar';
import type { Process } from '@tthc/core';
import { type EisoDocument, EisoDocumentSchema, type EisoStep } from '../formats/eiso.js';
import type { Adapter } from '../issues.js';
import {
  asRecord,
  deepEqual,
  hasErrors,
  type JsonPath,
  mergeList,
  type ReadContext,
  readCivilDate,
  readContext,
  readDuration,
  report,
  sameDuration,
  setField,
  trace,
  viDate,
} from '../native.js';
import { linkSteps, type RowStep, readStepRow, type StepRowOptions, uniqueSteps } from '../step-rows.js';
import { formatPerformer, parsePerformer, stepLabel } from '../steps.js';
import { safeParseCandidate } from './canonical.js';
import { checkNative, compact, finish } from './shared.js';

/** Options of {@link eisoAdapter}'s `parse`. */
export interface EisoParseOptions {
  /** Plain "ngày" in step times and the processing time. Default `workingDay` (process tables). */
  readonly plainDay?: 'calendarDay' | 'workingDay';
}

const STEPS: JsonPath = ['NoiDung', 'QuyTrinhXuLy'];

function rowOptions(doc: EisoDocument, plainDay: 'calendarDay' | 'workingDay'): StepRowOptions {
  // Section 4 "Định nghĩa / Viết tắt" defines the document's own abbreviations (BPTN&TKQ, CN&TC…).
  const abbreviations = Object.fromEntries((doc.DinhNghia ?? []).map((d) => [d.VietTat.trim(), d.GiaiThich.trim()]));
  return { agency: doc.CoQuan, abbreviations, declaredForms: (doc.BieuMau ?? []).map((b) => b.MaBieuMau), plainDay };
}

function formsText(f: EisoStep['BieuMau']): string {
  return Array.isArray(f) ? f.join('; ') : (f ?? '');
}

function readRow(ctx: ReadContext, row: EisoStep, i: number, options: StepRowOptions): RowStep | undefined {
  const step = readStepRow(
    ctx,
    {
      label: row.TT,
      content: row.TrinhTu,
      responsibility: row.TrachNhiem,
      time: row.ThoiGian,
      forms: formsText(row.BieuMau),
    },
    {
      label: ['NoiDung', 'QuyTrinhXuLy', i, 'TT'],
      content: ['NoiDung', 'QuyTrinhXuLy', i, 'TrinhTu'],
      responsibility: ['NoiDung', 'QuyTrinhXuLy', i, 'TrachNhiem'],
      time: ['NoiDung', 'QuyTrinhXuLy', i, 'ThoiGian'],
      forms: ['NoiDung', 'QuyTrinhXuLy', i, 'BieuMau'],
    },
    options,
    ['steps', i],
  );
  // The raw texts stay with the step: the responsibility text is richer than { unit, role }.
  if (step) step.extensions = { eiso: { TT: row.TT, TrachNhiem: row.TrachNhiem, ThoiGian: row.ThoiGian } };
  return step;
}

function readDocument(
  ctx: ReadContext,
  doc: EisoDocument,
  plainDay: 'calendarDay' | 'workingDay',
): Record<string, unknown> {
  const options = rowOptions(doc, plainDay);
  const rows = doc.NoiDung.QuyTrinhXuLy.map((row, i) => readRow(ctx, row, i, options));
  const labelPaths = rows.map((_, i) => [...STEPS, i, 'TT']);
  const unique = uniqueSteps(ctx, rows, labelPaths);
  // Branch targets are only checked on a complete table: a missing row is already an error.
  const steps = hasErrors(ctx.issues)
    ? unique
    : linkSteps(
        ctx,
        unique,
        rows.map((_, i) => [...STEPS, i, 'TrinhTu']),
      );
  const dateField = doc.NgayHieuLuc === undefined ? 'NgayBanHanh' : 'NgayHieuLuc';
  const effectiveFrom = readCivilDate(doc[dateField]);
  if (effectiveFrom === undefined)
    report(ctx, 'value.unreadable', [dateField], 'expected a date dd/MM/yyyy', { value: doc[dateField] });
  const total = doc.NoiDung.ThoiGianXuLy;
  const totalLimit =
    total === undefined ? undefined : readDuration(ctx, total, ['NoiDung', 'ThoiGianXuLy'], { plainDay });
  for (const [canonical, native] of [
    [['procedureCode'], ['MaTTHC']],
    [['name'], ['TenQuyTrinh']],
    [['agency', 'name'], ['CoQuan']],
    [['agency', 'code'], ['MaCoQuan']],
    [['version'], ['LanBanHanh']],
    [['effectiveFrom'], [dateField]],
    [['totalLimit'], ['NoiDung', 'ThoiGianXuLy']],
    [['forms'], ['BieuMau']],
    [['extensions', 'eiso', 'MaQuyTrinh'], ['MaQuyTrinh']],
  ] as const) {
    trace(ctx, canonical, native);
  }
  return compact({
    procedureCode: doc.MaTTHC.trim(),
    name: doc.TenQuyTrinh,
    agency: compact({ code: doc.MaCoQuan, name: doc.CoQuan }),
    version: String(doc.LanBanHanh).trim(),
    effectiveFrom,
    totalLimit,
    steps,
    forms: (doc.BieuMau ?? []).map((b) => ({ code: b.MaBieuMau, name: b.TenBieuMau })),
    // The definitions are kept: they are needed to read the responsibility texts again.
    extensions: { eiso: compact({ MaQuyTrinh: doc.MaQuyTrinh, DinhNghia: doc.DinhNghia }) },
  });
}

/** The row-local meaning of a step, for "did this row change?". */
function rowView(s: RowStep): unknown {
  return { key: s.key, name: s.name, performer: s.performer, budget: s.budget, forms: s.forms, outputs: s.outputs };
}

function sameRow(a: RowStep, b: RowStep): boolean {
  return (
    sameDuration(a.budget, b.budget) &&
    deepEqual({ ...(rowView(a) as object), budget: 0 }, { ...(rowView(b) as object), budget: 0 })
  );
}

function writeRow(step: RowStep, original: EisoStep | undefined, options: StepRowOptions): EisoStep {
  const raw = asRecord(asRecord(step.extensions).eiso);
  const base = (original ?? raw) as Partial<EisoStep>;
  const rawText = typeof base.TrachNhiem === 'string' ? base.TrachNhiem : undefined;
  const keepPerformer = rawText !== undefined && deepEqual(parsePerformer(rawText, options), step.performer);
  const scratch = readContext('eiso');
  const oldBudget =
    typeof base.ThoiGian === 'string'
      ? readDuration(scratch, base.ThoiGian, [], { plainDay: options.plainDay ?? 'workingDay' })
      : undefined;
  const label = stepLabel(base.TT);
  const numbered = /^B(\d+)$/.exec(step.key);
  const forms = [...step.forms, ...step.outputs];
  const oldForms = base.BieuMau;
  const sameForms = deepEqual(
    Array.isArray(oldForms) ? oldForms : (oldForms ?? '').split(/\s*;\s*/).filter(Boolean),
    forms,
  );
  const out: EisoStep = {
    ...base,
    TT: label?.key === step.key ? base.TT! : numbered ? Number(numbered[1]) : step.key,
    TrinhTu: base.TrinhTu?.normalize('NFC').trim() === step.name ? base.TrinhTu : step.name,
    TrachNhiem: keepPerformer ? rawText : formatPerformer(step.performer, options),
    ThoiGian: oldBudget && sameDuration(oldBudget, step.budget) ? base.ThoiGian! : formatDuration(step.budget),
  };
  if (!sameForms)
    setField(
      out as Record<string, unknown>,
      'BieuMau',
      forms.length === 0 ? undefined : Array.isArray(oldForms) ? forms : forms.join('; '),
    );
  return out;
}

function serializeDocument(p: Process, original: EisoDocument | undefined): EisoDocument {
  const out = (original ? structuredClone(original) : {}) as Record<string, unknown> & Partial<EisoDocument>;
  if (original?.MaTTHC.trim() !== p.procedureCode) out.MaTTHC = p.procedureCode;
  const ext = asRecord(asRecord(p.extensions).eiso);
  out.MaQuyTrinh =
    original?.MaQuyTrinh ?? (typeof ext.MaQuyTrinh === 'string' ? ext.MaQuyTrinh : `QT-${p.procedureCode}`);
  if (!original && Array.isArray(ext.DinhNghia)) out.DinhNghia = ext.DinhNghia as EisoDocument['DinhNghia'];
  out.TenQuyTrinh = p.name ?? original?.TenQuyTrinh ?? p.procedureCode;
  if (String(original?.LanBanHanh ?? '').trim() !== p.version) out.LanBanHanh = p.version;
  out.CoQuan = p.agency.name;
  setField(out, 'MaCoQuan', p.agency.code);
  if (!original) out.NgayBanHanh = viDate(p.effectiveFrom);
  else if (readCivilDate(original.NgayHieuLuc ?? original.NgayBanHanh) !== p.effectiveFrom)
    out.NgayHieuLuc = viDate(p.effectiveFrom);
  const doc = out as EisoDocument;
  const options = rowOptions(
    { ...doc, BieuMau: p.forms.map((f) => ({ MaBieuMau: f.code, TenBieuMau: f.name })) },
    'workingDay',
  );
  const content = { ...asRecord(original?.NoiDung) } as Partial<EisoDocument['NoiDung']>;
  const scratch = readContext('eiso');
  const oldTotal =
    content.ThoiGianXuLy === undefined
      ? undefined
      : readDuration(scratch, content.ThoiGianXuLy, [], { plainDay: 'workingDay' });
  if (p.totalLimit && !sameDuration(oldTotal, p.totalLimit)) content.ThoiGianXuLy = formatDuration(p.totalLimit);
  if (!p.totalLimit) delete content.ThoiGianXuLy;
  const rows = original?.NoiDung.QuyTrinhXuLy ?? [];
  content.QuyTrinhXuLy = mergeList<RowStep, EisoStep>(rows, p.steps, {
    read: (row) => readRow(scratch, row, 0, options),
    write: (step, row) => writeRow(step, row, options),
    match: (step) => rows.find((row) => stepLabel(row.TT)?.key === step.key),
    same: sameRow,
  });
  out.NoiDung = content as EisoDocument['NoiDung'];
  const forms = mergeList(original?.BieuMau, p.forms, {
    read: (b) => ({ code: b.MaBieuMau, name: b.TenBieuMau }),
    write: (f, o) => ({ ...o, MaBieuMau: f.code, TenBieuMau: f.name }),
  });
  if (forms.length > 0 || out.BieuMau !== undefined) out.BieuMau = forms;
  return out as EisoDocument;
}

/**
 * The e-ISO adapter. `parse` reads an ISO procedure document into a `Process`: one step per row of
 * the work-flow table (key `B<TT>`, kind from the verb, performer from "Trách nhiệm", budget from
 * "Thời gian" with plain "ngày" = working days), linked in order plus the branches the text writes
 * ("Nếu không đồng ý thì chuyển lại Bước 2"). `serialize` writes a process back into the document.
 * @example
 * const { value } = eisoAdapter.parse(doc);
 * const updated = eisoAdapter.serialize(value!, doc); // deep-equals doc
 */
export const eisoAdapter: Adapter<Process, EisoDocument, EisoParseOptions> = {
  system: 'eiso',
  parse(raw, options = {}) {
    const ctx = readContext('eiso');
    const doc = checkNative(ctx, EisoDocumentSchema, raw);
    const candidate = doc && readDocument(ctx, doc, options.plainDay ?? 'workingDay');
    return finish(ctx, candidate, safeParseCandidate);
  },
  serialize(value, original) {
    // Work on a copy: unchanged items are reused as they are, and must not alias the caller's document.
    return serializeDocument(value, original && structuredClone(original));
  },
};
