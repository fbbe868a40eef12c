/**
 * ReactFlow adapter: one Thanh Hóa-style case (`TruongHopThuTuc` row, `NodeQuyTrinh`/`EdgeQuyTrinh`)
 * ↔ canonical `Process`. Nodes become steps (in the column's order; the `startNode` is the start),
 * the user group the role, edges the outcomes. Times are read as the system's due-date code computes
 * them (`CaculateTime.TinhNgayHenTra`): hours ÷ 8 give the days, counted as working days for
 * "Ngày làm việc" and as calendar days for "Ngày". Written back, a column keeps its form — JSON text
 * stays text with only the changed values replaced, an array stays an array — and its key order.
 */
import type { Duration } from '@tthc/calendar';
import type * as z from 'zod';
import type { Process, Step, StepKind } from '@tthc/core';
import type { PortalEdge } from '../formats/portal.js';
import {
  type ReactFlowCase,
  ReactFlowCaseSchema,
  type ReactFlowEdge,
  ReactFlowEdgesSchema,
  type ReactFlowNode,
  ReactFlowNodesSchema,
} from '../formats/reactflow.js';
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
  trace,
} from '../native.js';
import { foldVietnamese, toWorkingMinutes } from '../normalize.js';
import { inferStepKind } from '../steps.js';
import { isStepKey, safeParseCandidate } from './canonical.js';
import { edgesBySource, outcomesOf, writeEdges } from './portal-edges.js';
import { HOURS_PER_DAY, readHours, writeHours } from './portal-hours.js';
import { rewriteJson } from './reactflow-text.js';
import { checkNative, compact, finish } from './shared.js';

/** Options of {@link reactflowAdapter}'s `parse`: facts a case row does not hold. */
export interface ReactFlowParseOptions {
  /** TTHC code when the row has neither `MaTTHC` nor `ThuTucId`. */
  readonly procedureCode?: string;
  /** Agency running the case (the row names none). */
  readonly agency?: string;
  /** Effective date (ISO); default the row's `LastModifiedOn`/`CreatedOn` day. */
  readonly effectiveFrom?: string;
}

/** Placeholders read, with a warning, when the row and the caller give nothing. */
export const REACTFLOW_UNKNOWN = {
  agency: '(chưa rõ đơn vị)',
  role: '(chưa phân nhóm người dùng)',
  effectiveFrom: '1970-01-01',
  version: '1',
} as const;

/** DVCQG status codes that say what a step is when its name does not (REFERENCE.md §3.2). */
const KIND_BY_STATUS: Readonly<Record<number, StepKind>> = { 2: 'receive', 6: 'pay', 9: 'return', 10: 'return' };

type RowStep = Omit<Step, 'outcomes'>;
type Json = Record<string, unknown>;

const isCalendar = (kind: unknown) => typeof kind === 'string' && foldVietnamese(kind) === 'ngay';

/**
 * Hours as the due-date code counts them, with a warning where the system's programs may disagree:
 * for "Ngày", `TinhNgayHenTra` adds hours % 8 as working hours to hours ÷ 8 calendar days; and a
 * multiple of 24 h may be an importer's days × 24, which the due-date code reads as three times the days.
 */
function readCaseHours(ctx: ReadContext, hours: unknown, kind: unknown, path: JsonPath): Duration | undefined {
  const d = readHours(ctx, hours, typeof kind === 'string' ? kind : undefined, path);
  const n = readNumber(hours);
  if (d && n !== undefined && isCalendar(kind)) {
    if (n % HOURS_PER_DAY !== 0) {
      report(
        ctx,
        'value.ambiguous',
        path,
        `${n} h with "Ngày": the due-date code counts ${Math.floor(n / 8)} calendar days and ${n % 8} working hours; read as ${n / 8} calendar days`,
        { value: hours, severity: 'warning' },
      );
    } else if (n > 0 && n % 24 === 0) {
      report(
        ctx,
        'value.ambiguous',
        path,
        `${n} h with "Ngày": the due-date code counts ${n / 8} calendar days (hours ÷ 8); an importer storing days × 24 h meant ${n / 24}; read as the due dates are computed`,
        { value: hours, severity: 'warning' },
      );
    }
  }
  return d;
}

/** A JSON column as an array (parsing text), or undefined after reporting. */
function column(ctx: ReadContext, value: unknown, name: string): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null || value === '') return name === 'EdgeQuyTrinh' ? [] : undefined;
  try {
    const parsed: unknown = JSON.parse(value as string);
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // reported below
  }
  report(ctx, 'format.invalid', [name], 'expected a JSON array (ReactFlow nodes or edges)', {
    value: String(value).slice(0, 40),
  });
  return undefined;
}

function readNode(
  ctx: ReadContext,
  n: ReactFlowNode,
  path: JsonPath,
  caseKind: unknown,
  agency: string,
): RowStep | undefined {
  const d = n.data;
  if (!isStepKey(n.id))
    report(ctx, 'step.badKey', [...path, 'id'], 'expected a node id of letters, digits, ".", "_" or "-"', {
      value: n.id,
    });
  const budget = readCaseHours(ctx, d.thoiGianXuLy, d.loaiThoiGian ?? caseKind, [...path, 'data', 'thoiGianXuLy']);
  const code =
    d.maTrangThaiHoSo === undefined || d.maTrangThaiHoSo === null || d.maTrangThaiHoSo === ''
      ? undefined
      : readNumber(d.maTrangThaiHoSo);
  if (code !== undefined && (!Number.isInteger(code) || code < 0 || code > 10)) {
    report(ctx, 'value.unreadable', [...path, 'data', 'maTrangThaiHoSo'], 'expected a DVCQG status code 0–10', {
      value: d.maTrangThaiHoSo,
    });
  }
  let role = typeof d.tenNhomNguoiDung === 'string' ? d.tenNhomNguoiDung.normalize('NFC').trim() : '';
  if (role === '') {
    role = REACTFLOW_UNKNOWN.role;
    report(ctx, 'value.assumed', [...path, 'data', 'tenNhomNguoiDung'], `no user group; read as "${role}"`, {
      severity: 'warning',
    });
  }
  const named = inferStepKind(d.tenBuocXuLy);
  const byStatus = code === undefined ? undefined : KIND_BY_STATUS[code];
  const kind = named !== 'other' ? named : (byStatus ?? (n.type === 'startNode' ? 'receive' : 'other'));
  if (!budget) return undefined;
  return compact({
    key: n.id,
    name: d.tenBuocXuLy.normalize('NFC').trim(),
    kind,
    performer: { unit: agency, role },
    budget,
    forms: [],
    outputs: [],
    portalStatus: code !== undefined && Number.isInteger(code) && code >= 0 && code <= 10 ? code : undefined,
  });
}

function dayOf(value: unknown): string | undefined {
  return typeof value === 'string' ? readCivilDate(value.slice(0, 10)) : undefined;
}

interface Read {
  readonly nodes: ReactFlowNode[];
  readonly edges: ReactFlowEdge[];
}

/** Checks a column's array, reporting at paths inside the column (`/NodeQuyTrinh/2/data/…`). */
function checkColumn<T>(ctx: ReadContext, schema: z.ZodType<T>, value: unknown, name: string): T | undefined {
  const sub = readContext(ctx.system);
  const checked = checkNative(sub, schema, value);
  for (const issue of sub.issues) {
    const path = [name, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    const pointer = jsonPointer(path);
    const message = issue.message.replace(`${ctx.system} ${issue.pointer || '/'}:`, `${ctx.system} ${pointer}:`);
    ctx.issues.push({ ...issue, path, pointer, message });
  }
  return checked;
}

function readColumns(ctx: ReadContext, doc: ReactFlowCase): Read | undefined {
  const nodes = column(ctx, doc.NodeQuyTrinh, 'NodeQuyTrinh');
  const edges = column(ctx, doc.EdgeQuyTrinh, 'EdgeQuyTrinh');
  if (!nodes || !edges) return undefined;
  const n = checkColumn(ctx, ReactFlowNodesSchema, nodes, 'NodeQuyTrinh');
  const e = checkColumn(ctx, ReactFlowEdgesSchema, edges, 'EdgeQuyTrinh');
  // The checked copies put the schema's keys first: keep the column's own objects, in their key order.
  return n && e ? { nodes: nodes as ReactFlowNode[], edges: edges as ReactFlowEdge[] } : undefined;
}

function readCase(ctx: ReadContext, doc: ReactFlowCase, options: ReactFlowParseOptions): Json | undefined {
  const cols = readColumns(ctx, doc);
  if (!cols) return undefined;
  const row = doc as Json;
  let agency =
    options.agency ?? (typeof row.TenDonVi === 'string' && row.TenDonVi.trim() !== '' ? row.TenDonVi : undefined);
  if (agency === undefined) {
    agency = REACTFLOW_UNKNOWN.agency;
    report(ctx, 'value.assumed', ['TenDonVi'], `no agency; read as "${agency}" (pass options.agency)`, {
      severity: 'warning',
    });
  }
  const code = (doc.MaTTHC ?? doc.ThuTucId ?? options.procedureCode)?.trim();
  if (!code)
    report(
      ctx,
      'format.invalid',
      ['ThuTucId'],
      'expected the TTHC code in MaTTHC or ThuTucId (or options.procedureCode)',
    );
  let effectiveFrom =
    options.effectiveFrom ?? dayOf(row.NgayApDung) ?? dayOf(row.LastModifiedOn) ?? dayOf(row.CreatedOn);
  if (effectiveFrom === undefined) {
    effectiveFrom = REACTFLOW_UNKNOWN.effectiveFrom;
    report(
      ctx,
      'value.assumed',
      ['LastModifiedOn'],
      `no date; effective from ${effectiveFrom} (pass options.effectiveFrom)`,
      { severity: 'warning' },
    );
  }
  const version =
    doc.Ma ??
    (typeof row.Id === 'string' || typeof row.Id === 'number' ? String(row.Id) : undefined) ??
    REACTFLOW_UNKNOWN.version;
  const rows = cols.nodes.map((n, i) => {
    for (const [c, native] of [
      ['key', 'id'],
      ['name', 'data/tenBuocXuLy'],
      ['budget', 'data/thoiGianXuLy'],
      ['portalStatus', 'data/maTrangThaiHoSo'],
      ['performer/role', 'data/tenNhomNguoiDung'],
    ] as const) {
      trace(ctx, ['steps', i, ...c.split('/')], ['NodeQuyTrinh', i, ...native.split('/')]);
    }
    trace(ctx, ['steps', i, 'outcomes'], ['EdgeQuyTrinh']);
    return readNode(ctx, n, ['NodeQuyTrinh', i], doc.LoaiThoiGianThucHien, agency!);
  });
  const keys = new Set(cols.nodes.map((n) => n.id));
  cols.edges.forEach((e, i) => {
    for (const end of ['source', 'target'] as const) {
      if (!keys.has(e[end]))
        report(ctx, 'step.unknownTarget', ['EdgeQuyTrinh', i, end], `edge ${end} is not a node of the case`, {
          value: e[end],
        });
    }
  });
  const outgoing = edgesBySource(cols.edges.map((e) => compact({ ...e, label: e.label ?? undefined }) as PortalEdge));
  const start = cols.nodes.find((n) => n.type === 'startNode')?.id;
  trace(ctx, ['procedureCode'], [doc.MaTTHC ? 'MaTTHC' : 'ThuTucId']);
  trace(ctx, ['totalLimit'], ['ThoiGianThucHien']);
  trace(ctx, ['version'], ['Ma']);
  const hasTotal = doc.ThoiGianThucHien !== undefined && doc.ThoiGianThucHien !== null && doc.ThoiGianThucHien !== '';
  return compact({
    procedureCode: code || undefined,
    name: typeof row.TenTTHC === 'string' ? row.TenTTHC : (doc.Ten ?? undefined),
    agency: { name: agency },
    version,
    effectiveFrom,
    totalLimit: hasTotal
      ? readCaseHours(ctx, doc.ThoiGianThucHien, doc.LoaiThoiGianThucHien, ['ThoiGianThucHien'])
      : undefined,
    start,
    steps: rows.filter((r) => r !== undefined).map((r) => ({ ...r, outcomes: outcomesOf(outgoing.get(r.key) ?? []) })),
  });
}

/** A node written from a step: the original node with the changed data fields, or a new `custom` node. */
function writeNode(
  step: RowStep,
  original: ReactFlowNode | undefined,
  index: number,
  caseKind: unknown,
): ReactFlowNode {
  const data = { ...(original?.data ?? { tenBuocXuLy: step.name, thoiGianXuLy: 0 }) } as Json;
  const scratch = readContext('reactflow');
  if (original?.data.tenBuocXuLy.normalize('NFC').trim() !== step.name) data.tenBuocXuLy = step.name;
  const old =
    original &&
    readHours(scratch, original.data.thoiGianXuLy, (original.data.loaiThoiGian ?? caseKind) as string | undefined, []);
  if (!old || !sameDuration(old, step.budget)) {
    const { hours, kind } = writeHours(step.budget);
    data.thoiGianXuLy = hours;
    if (kind !== (original?.data.loaiThoiGian ?? caseKind ?? 'Ngày làm việc')) data.loaiThoiGian = kind;
  }
  const role =
    typeof data.tenNhomNguoiDung === 'string' ? data.tenNhomNguoiDung.normalize('NFC').trim() : REACTFLOW_UNKNOWN.role;
  if (role !== step.performer.role) data.tenNhomNguoiDung = step.performer.role;
  const status =
    data.maTrangThaiHoSo === undefined || data.maTrangThaiHoSo === null || data.maTrangThaiHoSo === ''
      ? undefined
      : readNumber(data.maTrangThaiHoSo);
  if (status !== step.portalStatus) {
    // The system keeps the code as text (QuyTrinhXuLy.MaTrangThaiHoSo is a string).
    data.maTrangThaiHoSo =
      step.portalStatus === undefined
        ? null
        : typeof data.maTrangThaiHoSo === 'number'
          ? step.portalStatus
          : String(step.portalStatus);
  }
  if (original) return { ...original, data: data as ReactFlowNode['data'] };
  return {
    id: step.key,
    position: { x: 500, y: 50 + 150 * index },
    data: data as ReactFlowNode['data'],
    type: 'custom',
  } as ReactFlowNode;
}

/** A column written in the form it had: text keeps its bytes but for the changed values. */
function writeColumn(original: unknown, before: unknown[], after: unknown[]): unknown {
  if (typeof original === 'string' && original.trim() !== '')
    return deepEqual(before, after) ? original : rewriteJson(original, before, after);
  if (Array.isArray(original)) return after;
  return JSON.stringify(after);
}

function serializeCase(p: Process, original: ReactFlowCase | undefined): ReactFlowCase {
  const out = { ...(original ?? {}) } as Json;
  const scratch = readContext('reactflow');
  const cols = original ? readColumns(scratch, original) : undefined;
  const nodes = cols?.nodes ?? [];
  const caseKind = original?.LoaiThoiGianThucHien;
  const agency = original
    ? (readCase(scratch, original, {}) as { agency?: { name: string } } | undefined)?.agency?.name
    : undefined;
  const written = mergeList<RowStep, ReactFlowNode>(nodes, p.steps, {
    read: (n) => readNode(scratch, n, [], caseKind, agency ?? p.agency.name),
    write: (s, o) => writeNode(s, o, p.steps.indexOf(s as Step), caseKind),
    match: (s) => nodes.find((n) => n.id === s.key),
    same: (a, b) =>
      sameDuration(a.budget, b.budget) &&
      deepEqual(
        { ...a, budget: 0, kind: 0, performer: { ...a.performer, unit: 0 } },
        { ...b, budget: 0, kind: 0, performer: { ...b.performer, unit: 0 } },
      ),
  });
  const edges = writeEdges(p.steps, (cols?.edges ?? []) as PortalEdge[]);
  out.NodeQuyTrinh = writeColumn(original?.NodeQuyTrinh, nodes, written);
  out.EdgeQuyTrinh = writeColumn(original?.EdgeQuyTrinh, cols?.edges ?? [], edges);
  const total: Duration = p.totalLimit ?? {
    amount: p.steps.reduce((sum, s) => sum + (toWorkingMinutes(s.budget) ?? 0), 0),
    unit: 'workingMinute',
  };
  const oldTotal =
    original?.ThoiGianThucHien === undefined || original.ThoiGianThucHien === null
      ? undefined
      : readHours(scratch, original.ThoiGianThucHien, original.LoaiThoiGianThucHien ?? undefined, []);
  const keepTotal = p.totalLimit === undefined && original !== undefined && oldTotal === undefined;
  if (!keepTotal && (!oldTotal || !sameDuration(oldTotal, total))) {
    const { hours, kind } = writeHours(total);
    out.ThoiGianThucHien = hours;
    if (kind !== (original?.LoaiThoiGianThucHien ?? 'Ngày làm việc') || original?.LoaiThoiGianThucHien === undefined)
      out.LoaiThoiGianThucHien = kind;
  }
  if (!original) {
    out.ThuTucId = p.procedureCode;
    out.Ma = p.version;
    if (p.name) out.Ten = p.name;
  } else if ((original.MaTTHC ?? original.ThuTucId)?.trim() !== p.procedureCode)
    out[original.MaTTHC ? 'MaTTHC' : 'ThuTucId'] = p.procedureCode;
  return out as ReactFlowCase;
}

/**
 * The ReactFlow adapter. `parse` reads one case row (columns as JSON text or arrays) into a `Process`;
 * `serialize` writes a process back into a copy of the row, each column in the form it had.
 * @example
 * const { value } = reactflowAdapter.parse(row, { agency: 'UBND xã Quảng Phú' });
 * reactflowAdapter.serialize(value!, row).NodeQuyTrinh === row.NodeQuyTrinh; // true
 */
export const reactflowAdapter: Adapter<Process, ReactFlowCase, ReactFlowParseOptions> = {
  // A Thanh Hóa-style system plays the one-stop portal's part in a sync; its issues name the format.
  system: 'portal',
  parse(raw, options = {}) {
    const ctx = readContext('reactflow');
    const doc = checkNative(ctx, ReactFlowCaseSchema, raw);
    const candidate = doc && readCase(ctx, doc, options);
    return finish(ctx, candidate, safeParseCandidate);
  },
  serialize(value, original) {
    return serializeCase(value, original && (structuredClone(asRecord(original)) as ReactFlowCase));
  },
};
