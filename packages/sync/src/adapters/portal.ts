/**
 * Portal adapter: a one-stop system's electronic process configuration (QuyTrinhXuLy nodes and
 * edges per case, times in hours) ↔ canonical `Process`.
 */
import type { Duration } from '@tthc/calendar';
import type { Process, Step, StepKind } from '@tthc/core';
import { type PortalCase, type PortalProcess, PortalProcessSchema, type PortalStep } from '../formats/portal.js';
import type { Adapter } from '../issues.js';
import {
  asRecord,
  deepEqual,
  type JsonPath,
  jsonPointer,
  mergeList,
  type ReadContext,
  readCivilDate,
  readContext,
  readNumber,
  report,
  sameDuration,
  setField,
  trace,
  viDate,
} from '../native.js';
import { toWorkingMinutes } from '../normalize.js';
import { inferStepKind } from '../steps.js';
import { edgesBySource, outcomesOf, writeEdges } from './portal-edges.js';
import { readHours, writeHours } from './portal-hours.js';
import { isStepKey, safeParseCandidate } from './canonical.js';
import { checkNative, compact, finish } from './shared.js';

/** Options of {@link portalAdapter}'s `parse`. */
export interface PortalParseOptions {
  /** Which case (TruongHop.Ma) to read. Default: the first. */
  readonly caseCode?: string;
}

/** Step fields kept in `extensions.portal` so that a rebuilt document keeps them. */
const KEPT_STEP_FIELDS = [
  'ThoiGianThucHienTrucTuyen',
  'ChoPhepChuyenLaiBuocTruoc',
  'LoaiBuoc',
  'NhomNguoiDungId',
  'TenTrangThaiHoSo',
] as const;

/** DVCQG status codes that say what a step is when its name does not (REFERENCE.md §3.2). */
const KIND_BY_STATUS: Readonly<Record<number, StepKind>> = { 2: 'receive', 6: 'pay', 9: 'return', 10: 'return' };

type RowStep = Omit<Step, 'outcomes'>;

function readStep(
  ctx: ReadContext,
  s: PortalStep,
  path: JsonPath,
  agency: string,
  caseKind: string,
): RowStep | undefined {
  if (!isStepKey(s.Ma)) {
    report(ctx, 'step.badKey', [...path, 'Ma'], 'expected a step id of letters, digits, ".", "_" or "-"', {
      value: s.Ma,
    });
  }
  const budget = readHours(ctx, s.ThoiGianXuLy, s.LoaiThoiGian ?? caseKind, [...path, 'ThoiGianXuLy']);
  const status = s.MaTrangThaiHoSo === undefined ? undefined : readNumber(s.MaTrangThaiHoSo);
  if (
    s.MaTrangThaiHoSo !== undefined &&
    (status === undefined || !Number.isInteger(status) || status < 0 || status > 10)
  ) {
    report(ctx, 'value.unreadable', [...path, 'MaTrangThaiHoSo'], 'expected a DVCQG status code 0–10', {
      value: s.MaTrangThaiHoSo,
    });
  }
  const named = inferStepKind(s.TenBuocXuLy);
  const kind = named === 'other' && status !== undefined ? (KIND_BY_STATUS[status] ?? 'other') : named;
  const kept: Record<string, unknown> = {};
  for (const k of KEPT_STEP_FIELDS) if (s[k] !== undefined) kept[k] = s[k];
  if (!budget) return undefined;
  return compact({
    key: s.Ma,
    name: s.TenBuocXuLy.normalize('NFC').trim(),
    kind,
    performer: { unit: s.DonViXuLy ?? agency, role: s.TenNhomNguoiDung },
    budget,
    forms: [],
    outputs: [],
    portalStatus: status,
    extensions: Object.keys(kept).length > 0 ? { portal: kept } : undefined,
  });
}

function selectCase(doc: PortalProcess, code: string | undefined): number {
  return code === undefined ? 0 : doc.TruongHop.findIndex((c) => c.Ma === code);
}

function readDocument(
  ctx: ReadContext,
  doc: PortalProcess,
  options: PortalParseOptions,
): Record<string, unknown> | undefined {
  const ci = selectCase(doc, options.caseCode);
  const c = doc.TruongHop[ci];
  if (!c) {
    report(ctx, 'case.notFound', ['TruongHop'], `no case with Ma "${options.caseCode}"`, { value: options.caseCode });
    return undefined;
  }
  const base: JsonPath = ['TruongHop', ci];
  const agency = doc.DonVi.TenDonVi;
  // Eight origins per node: the pointers are built by appending constant segments to the node's own.
  const { system, provenance } = ctx;
  const edges = { system, pointer: jsonPointer([...base, 'Edges']) };
  const agencyOrigin = { system, pointer: '/DonVi/TenDonVi' };
  const rows = c.QuyTrinh.map((s, i) => {
    const path = [...base, 'QuyTrinh', i];
    const node = jsonPointer(path);
    const step = `/steps/${i}`;
    const name = { system, pointer: `${node}/TenBuocXuLy` };
    provenance.set(`${step}/key`, { system, pointer: `${node}/Ma` });
    provenance.set(`${step}/name`, name);
    provenance.set(`${step}/kind`, name);
    provenance.set(`${step}/budget`, { system, pointer: `${node}/ThoiGianXuLy` });
    provenance.set(`${step}/portalStatus`, { system, pointer: `${node}/MaTrangThaiHoSo` });
    provenance.set(`${step}/performer/role`, { system, pointer: `${node}/TenNhomNguoiDung` });
    provenance.set(
      `${step}/performer/unit`,
      s.DonViXuLy === undefined ? agencyOrigin : { system, pointer: `${node}/DonViXuLy` },
    );
    provenance.set(`${step}/outcomes`, edges);
    return readStep(ctx, s, path, agency, c.LoaiThoiGian);
  });
  const keys = new Set(c.QuyTrinh.map((s) => s.Ma));
  const outgoing = edgesBySource(c.Edges);
  c.Edges.forEach((e, i) => {
    for (const end of ['source', 'target'] as const) {
      if (!keys.has(e[end]))
        report(ctx, 'step.unknownTarget', [...base, 'Edges', i, end], `edge ${end} is not a step of the case`, {
          value: e[end],
        });
    }
  });
  const seen = new Set<string>();
  c.QuyTrinh.forEach((s, i) => {
    if (seen.has(s.Ma))
      report(ctx, 'step.duplicateKey', [...base, 'QuyTrinh', i, 'Ma'], `step id ${s.Ma} is used twice`, {
        value: s.Ma,
      });
    seen.add(s.Ma);
  });
  const effectiveField: JsonPath = doc.NgayApDung === undefined ? ['QuyetDinhPheDuyet', 'Ngay'] : ['NgayApDung'];
  const effectiveText = doc.NgayApDung ?? doc.QuyetDinhPheDuyet?.Ngay;
  const effectiveFrom = readCivilDate(effectiveText);
  if (effectiveFrom === undefined)
    report(ctx, 'value.unreadable', effectiveField, 'expected an effective date dd/MM/yyyy', { value: effectiveText });
  const decision = doc.QuyetDinhPheDuyet;
  const issuedOn = decision?.Ngay === undefined ? undefined : readCivilDate(decision.Ngay);
  if (decision?.Ngay !== undefined && issuedOn === undefined) {
    report(ctx, 'value.unreadable', ['QuyetDinhPheDuyet', 'Ngay'], 'expected a date dd/MM/yyyy', {
      value: decision.Ngay,
    });
  }
  const version = doc.PhienBan ?? decision?.So;
  if (version === undefined)
    report(ctx, 'format.invalid', ['PhienBan'], 'expected PhienBan or QuyetDinhPheDuyet.So for the version');
  for (const [canonical, native] of [
    [['procedureCode'], ['MaTTHC']],
    [['name'], ['TenTTHC']],
    [
      ['agency', 'name'],
      ['DonVi', 'TenDonVi'],
    ],
    [
      ['agency', 'code'],
      ['DonVi', 'MaDinhDanh'],
    ],
    [['approvedBy'], ['QuyetDinhPheDuyet']],
    [['effectiveFrom'], effectiveField],
    [['version'], doc.PhienBan === undefined ? ['QuyetDinhPheDuyet', 'So'] : ['PhienBan']],
    [['totalLimit'], [...base, 'ThoiGianThucHien']],
  ] as const) {
    trace(ctx, canonical, native);
  }
  return compact({
    procedureCode: doc.MaTTHC.trim(),
    name: doc.TenTTHC,
    agency: compact({ code: doc.DonVi.MaDinhDanh, name: agency }),
    version,
    effectiveFrom,
    approvedBy: decision && compact({ number: decision.So, issuedOn, title: decision.TrichYeu }),
    totalLimit: readHours(ctx, c.ThoiGianThucHien, c.LoaiThoiGian, [...base, 'ThoiGianThucHien']),
    steps: rows.filter((r) => r !== undefined).map((r) => ({ ...r, outcomes: outcomesOf(outgoing.get(r.key) ?? []) })),
    extensions: { portal: compact({ TruongHop: c.Ma, ThoiGianThucHienTrucTuyen: c.ThoiGianThucHienTrucTuyen }) },
  });
}

function sameStep(a: RowStep, b: RowStep): boolean {
  const view = (s: RowStep) => ({ ...s, budget: 0, kind: 0, forms: 0, outputs: 0 });
  return sameDuration(a.budget, b.budget) && deepEqual(view(a), view(b));
}

function writeStep(step: RowStep, original: PortalStep | undefined, agency: string): PortalStep {
  const base = { ...asRecord(asRecord(step.extensions).portal), ...original } as Partial<PortalStep>;
  const scratch = readContext('portal');
  const old = original && readHours(scratch, original.ThoiGianXuLy, original.LoaiThoiGian, []);
  const out: PortalStep = {
    ...base,
    Ma: step.key,
    TenBuocXuLy: step.name,
    TenNhomNguoiDung: step.performer.role,
    ThoiGianXuLy: base.ThoiGianXuLy ?? 0,
  };
  if (!old || !sameDuration(old, step.budget)) {
    const { hours, kind } = writeHours(step.budget);
    out.ThoiGianXuLy = hours;
    if (kind === 'Ngày' || out.LoaiThoiGian !== undefined) out.LoaiThoiGian = kind;
  }
  if (original?.TenBuocXuLy.normalize('NFC').trim() === step.name) out.TenBuocXuLy = original.TenBuocXuLy;
  setField(
    out,
    'DonViXuLy',
    step.performer.unit === agency && original?.DonViXuLy === undefined ? undefined : step.performer.unit,
  );
  const status = original?.MaTrangThaiHoSo === undefined ? undefined : readNumber(original.MaTrangThaiHoSo);
  if (status !== step.portalStatus) setField(out, 'MaTrangThaiHoSo', step.portalStatus);
  return out;
}

function writeCase(p: Process, original: PortalCase | undefined, agency: string): PortalCase {
  const ext = asRecord(asRecord(p.extensions).portal);
  const scratch = readContext('portal');
  const out = {
    ...original,
    Ma: original?.Ma ?? (typeof ext.TruongHop === 'string' ? ext.TruongHop : '1'),
  } as PortalCase;
  if (!original && ext.ThoiGianThucHienTrucTuyen !== undefined)
    out.ThoiGianThucHienTrucTuyen = ext.ThoiGianThucHienTrucTuyen as number;
  const total: Duration = p.totalLimit ?? {
    amount: p.steps.reduce((sum, s) => sum + (toWorkingMinutes(s.budget) ?? 0), 0),
    unit: 'workingMinute',
  };
  const old = original && readHours(scratch, original.ThoiGianThucHien, original.LoaiThoiGian, []);
  if (!old || !sameDuration(old, total)) {
    const { hours, kind } = writeHours(total);
    out.ThoiGianThucHien = hours;
    out.LoaiThoiGian = kind;
  }
  const rows = original?.QuyTrinh ?? [];
  out.QuyTrinh = mergeList<RowStep, PortalStep>(rows, p.steps, {
    read: (s) => readStep(scratch, s, [], agency, original?.LoaiThoiGian ?? 'Ngày làm việc'),
    write: (s, o) => writeStep(s, o, agency),
    match: (s) => rows.find((r) => r.Ma === s.key),
    same: sameStep,
  });
  out.Edges = writeEdges(p.steps, original?.Edges ?? []);
  return out;
}

function serializeDocument(p: Process, original: PortalProcess | undefined): PortalProcess {
  const out = (original ? structuredClone(original) : {}) as Record<string, unknown> & Partial<PortalProcess>;
  if (original?.MaTTHC.trim() !== p.procedureCode) out.MaTTHC = p.procedureCode;
  setField(out, 'TenTTHC', p.name);
  const donVi = { ...original?.DonVi, TenDonVi: p.agency.name };
  setField(donVi, 'MaDinhDanh', p.agency.code);
  out.DonVi = donVi;
  const decision = original?.QuyetDinhPheDuyet;
  if (!p.approvedBy) delete out.QuyetDinhPheDuyet;
  else {
    const d = { ...decision, So: p.approvedBy.number };
    if (readCivilDate(decision?.Ngay) !== p.approvedBy.issuedOn)
      setField(d, 'Ngay', p.approvedBy.issuedOn && viDate(p.approvedBy.issuedOn));
    setField(d, 'TrichYeu', p.approvedBy.title);
    out.QuyetDinhPheDuyet = d;
  }
  if (readCivilDate(out.NgayApDung ?? out.QuyetDinhPheDuyet?.Ngay) !== p.effectiveFrom)
    out.NgayApDung = viDate(p.effectiveFrom);
  if ((out.PhienBan ?? out.QuyetDinhPheDuyet?.So) !== p.version) out.PhienBan = p.version;
  const cases = original?.TruongHop ?? [];
  const wanted = asRecord(asRecord(p.extensions).portal).TruongHop;
  const ci = Math.max(
    0,
    cases.findIndex((c) => c.Ma === wanted),
  );
  const written = writeCase(p, cases[ci], p.agency.name);
  out.TruongHop = cases.length === 0 ? [written] : cases.map((c, i) => (i === ci ? written : c));
  return out as PortalProcess;
}

/**
 * The one-stop portal adapter. `parse` reads one case (TruongHop) of a process configuration into a
 * `Process`: nodes become steps (budget from hours, "Ngày" = calendar days), the user group the
 * role, DonViXuLy (default the agency) the unit, edges the outcomes. `serialize` writes the process
 * back into that case and leaves the other cases alone.
 * @example
 * const { value } = portalAdapter.parse(config, { caseCode: 'KS-DUNGHAN' });
 * const written = portalAdapter.serialize(value!, config); // deep-equals config
 */
export const portalAdapter: Adapter<Process, PortalProcess, PortalParseOptions> = {
  system: 'portal',
  parse(raw, options = {}) {
    const ctx = readContext('portal');
    const doc = checkNative(ctx, PortalProcessSchema, raw);
    const candidate = doc && readDocument(ctx, doc, options);
    return finish(ctx, candidate, safeParseCandidate);
  },
  serialize(value, original) {
    // Work on a copy: unchanged items are reused as they are, and must not alias the caller's document.
    return serializeDocument(value, original && structuredClone(original));
  },
};
