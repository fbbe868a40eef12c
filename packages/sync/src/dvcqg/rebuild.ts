/**
 * Sync in: `rebuildDossiers` turns progress rows back into dossiers through the core runtime
 * (`openDossier` + `apply`): each row becomes a `DossierEvent` (docs/integration.md §3), and every row
 * that cannot be placed is reported with its index and the reason — never dropped silently.
 */
import type { WorkCalendar } from '@tthc/calendar';
import {
  apply,
  type ChannelKind,
  CoreError,
  type Dossier,
  type MachineRegistry,
  openDossier,
  type PortalStatusOptions,
  type Procedure,
  type Process,
  portalStatus,
} from '@tthc/core';
import { eventFieldsOfText, readContent } from './content.js';
import { contextualEvent, type MappingVia, outcomeFromNext, syntheticKind } from './step-mapping.js';
import { dvcqgDateToIso, parseDvcqgDate } from './dates.js';
import { CHANNEL_CODES } from './progress.js';
import type { DvcqgProblem, DvcqgProblemCode, RowPosition } from './read.js';
import type { DvcqgProgressRow } from './schemas.js';

/** Options of {@link rebuildDossiers}. */
export interface RebuildDossiersOptions extends PortalStatusOptions {
  readonly procedure: Procedure;
  readonly process: Process;
  readonly calendar: WorkCalendar;
  readonly registry?: MachineRegistry;
  /** Where each row came from (`readDvcqgProgress(...).positions`), so problems carry the input line. */
  readonly positions?: readonly RowPosition[];
  /** Channel of dossiers whose rows carry no KenhThucHien. Default `direct`. */
  readonly channel?: ChannelKind;
}

/** How one row was understood (what a person checks when mapping a real client's log). */
export interface RowMapping {
  /** Index of the row in `rows`. */
  readonly index: number;
  readonly dossierId: string;
  /** The receipt, an event applied, a client's synthetic row, or nothing. */
  readonly kind: 'receipt' | 'event' | 'synthetic' | 'unmapped';
  /** The event type applied (kind `event`). */
  readonly event?: string;
  /** The step completed (a `complete-step` event). */
  readonly step?: string;
  readonly outcome?: string;
  /** What told the step: the tag, a step name, a convention sentence, an action (edge) label, the actor's role or unit, the status, the position in the sequence. */
  readonly via?: MappingVia;
}

/** What {@link rebuildDossiers} returns. */
export interface RebuiltDossiers {
  /** One dossier per MaHoSo that could be opened, in order of first appearance. */
  readonly dossiers: Dossier[];
  readonly problems: DvcqgProblem[];
  /** One entry per row placed or understood, in input order. */
  readonly mappings: RowMapping[];
}

const CHANNEL_OF: Readonly<Record<number, ChannelKind>> = Object.fromEntries(
  Object.entries(CHANNEL_CODES).map(([k, v]) => [v, k as ChannelKind]),
);

/** One row to place: its index in `rows` and what it says. */
interface Candidate {
  readonly index: number;
  readonly row: DvcqgProgressRow;
  readonly receipt: boolean;
  readonly event?: Record<string, unknown>;
  readonly unmapped?: string;
  readonly via?: MappingVia;
  /** A client's own row (e.g. "Kết thúc xử lý hồ sơ"): understood, not applied. */
  readonly synthetic?: string;
  /** No step name or convention: resolved against the dossier's open step when it is its turn. */
  readonly contextual?: { readonly at: string; readonly by: Record<string, string> };
}

function toCandidate(row: DvcqgProgressRow, index: number, process: Process): Candidate {
  const content = readContent(row.NoiDungXuLy);
  if (content.kind === 'bad-tag') return { index, row, receipt: false, unmapped: content.message };
  const by = Object.fromEntries(
    (
      [
        ['name', row.NguoiXuLy],
        ['role', row.ChucDanh],
        ['unit', row.PhongBanXuLy],
      ] as const
    ).filter(([, v]) => v !== ''),
  );
  const at = dvcqgDateToIso(row.ThoiDiemXuLy);
  if (content.kind === 'tagged') {
    const { byId, ...fields } = content.fields;
    if (fields.type === 'receipt') return { index, row, receipt: true, via: 'tag' };
    return {
      index,
      row,
      receipt: false,
      via: 'tag',
      event: { ...fields, at, by: byId === undefined ? by : { id: byId, ...by } },
    };
  }
  const synthetic = syntheticKind(content.text, row);
  const fields = eventFieldsOfText(content.text, process);
  // "Tiếp nhận hồ sơ" (status 2) is the client's receipt row unless it is the reception step's own
  // name with the step's start (NgayBatDau) beside it; a later row with those words is the step.
  if (synthetic === 'receipt' && (fields === undefined || row.NgayBatDau === undefined)) {
    return { index, row, receipt: true, via: 'receipt', ...(fields ? { event: { ...fields, at, by } } : {}) };
  }
  if (synthetic !== undefined && synthetic !== 'receipt')
    return { index, row, receipt: false, synthetic, via: 'synthetic' };
  if (!fields) {
    return {
      index,
      row,
      receipt: false,
      contextual: { at: at!, by: by as Record<string, string> },
      unmapped:
        'NoiDungXuLy names no step, action label or known sentence, and neither the actor nor the status tells the step',
    };
  }
  // An untagged new appointment carries its date in the row's deadline column (see toDvcqgProgress).
  const newDue = fields.type === 'extend' && row.NgayKetThucTheoQuyDinh && dvcqgDateToIso(row.NgayKetThucTheoQuyDinh);
  const note = content.note === undefined ? {} : { note: content.note };
  const via: MappingVia =
    fields.type === 'complete-step' || fields.type === 'return-result' ? 'step-name' : 'convention';
  return { index, row, receipt: false, via, event: { ...fields, ...note, ...(newDue ? { newDue } : {}), at, by } };
}

/**
 * An untagged step row of a step with several outcomes says no outcome: the next step row tells
 * which one was taken (the outcome whose `next` is that step), when exactly one fits.
 */
function inferOutcomes(list: Candidate[], process: Process): Candidate[] {
  return list.map((c, i) => {
    const e = c.event;
    if (e?.type !== 'complete-step' || e.outcome !== undefined || readContent(c.row.NoiDungXuLy).kind !== 'text')
      return c;
    const step = process.steps.find((s) => s.key === e.step);
    if (!step || step.outcomes.length < 2) return c;
    const following = list
      .slice(i + 1)
      .find((n) => n.event?.type === 'complete-step' || n.event?.type === 'return-result');
    const nextKey =
      following?.event?.type === 'return-result'
        ? process.steps.find((s) => s.kind === 'return')?.key
        : (following?.event?.step as string | undefined);
    const fits = step.outcomes.filter((o) => o.next === nextKey);
    return fits.length === 1 ? { ...c, event: { ...e, outcome: fits[0]!.name } } : c;
  });
}

/** Rows of one dossier, in ThoiDiemXuLy order (rows at the same instant keep their order). */
function byDossier(rows: readonly DvcqgProgressRow[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = groups.get(r.MaHoSo) ?? [];
    list.push(i);
    groups.set(r.MaHoSo, list);
  });
  for (const list of groups.values()) {
    list.sort((a, b) => (parseDvcqgDate(rows[a]!.ThoiDiemXuLy) ?? 0) - (parseDvcqgDate(rows[b]!.ThoiDiemXuLy) ?? 0));
  }
  return groups;
}

function rebuildOne(
  id: string,
  list: Candidate[],
  options: RebuildDossiersOptions,
  report: (c: Candidate, code: DvcqgProblemCode, message: string) => void,
  mapped: (m: RowMapping) => void,
): Dossier | undefined {
  // A tagged receipt anywhere; an untagged "Tiếp nhận hồ sơ" (status 2) only as the dossier's first row.
  const receipt = list.find((c) => c.receipt && (c.via === 'tag' || c === list[0]));
  const first = receipt?.row ?? list[0]!.row;
  const receivedText = receipt ? first.ThoiDiemXuLy : (first.NgayBatDau ?? first.ThoiDiemXuLy);
  const kenh = list.find((c) => c.row.KenhThucHien !== undefined)?.row.KenhThucHien;
  const channel = kenh === undefined ? (options.channel ?? 'direct') : CHANNEL_OF[kenh]!;
  let d: Dossier;
  try {
    d = openDossier(
      options.procedure,
      options.process,
      options.calendar,
      { id, receivedAt: dvcqgDateToIso(receivedText)!, channel },
      options.registry ? { registry: options.registry } : {},
    );
  } catch (e) {
    if (!(e instanceof CoreError)) throw e;
    for (const c of list) report(c, 'dossier.unopened', `dossier ${id} cannot be opened: ${e.message}`);
    return undefined;
  }
  const check = (c: Candidate) => {
    const now = portalStatus(d, options);
    if (now !== c.row.TrangThai) {
      report(c, 'status.mismatch', `TrangThai ${c.row.TrangThai} but the rebuilt dossier is in status ${now}`);
    }
  };
  const ordered = inferOutcomes(list, options.process);
  for (let i = 0; i < ordered.length; i++) {
    let c = ordered[i]!;
    const next = ordered[i + 1]?.row;
    if (c.receipt && c !== receipt && c.event) c = { ...c, receipt: false, via: 'step-name' };
    if (c.receipt) {
      if (c === receipt) {
        check(c);
        mapped({ index: c.index, dossierId: id, kind: 'receipt', ...(c.via ? { via: c.via } : {}) });
      } else report(c, 'row.unmapped', 'a second receipt row for the dossier');
      continue;
    }
    if (c.synthetic !== undefined) {
      mapped({ index: c.index, dossierId: id, kind: 'synthetic', via: 'synthetic' });
      report(
        c,
        'row.synthetic',
        `"${c.row.NoiDungXuLy}" is the sending client's own row (${c.synthetic}); not applied`,
      );
      continue;
    }
    if (!c.event && c.contextual) {
      const found = contextualEvent(d, c.row, c.contextual.at, c.contextual.by, next);
      if (found) c = { ...c, event: found.event, via: found.via };
    }
    const e0 = c.event as { type?: string; step?: string; outcome?: string } | undefined;
    if (e0?.type === 'complete-step' && e0.outcome === undefined) {
      // A named step with several ways out: the status after the row (the portalStatus of the step an
      // outcome leads to) tells which was taken, else the next row's status does.
      const step = options.process.steps.find((s) => s.key === e0.step);
      const byOwn = step?.outcomes.filter(
        (o) => options.process.steps.find((s) => s.key === o.next)?.portalStatus === c.row.TrangThai,
      );
      const outcome =
        step && step.outcomes.length > 1
          ? byOwn?.length === 1
            ? byOwn[0]!.name
            : outcomeFromNext(step, next, options.process, c.row.TrangThai)
          : undefined;
      if (outcome) c = { ...c, event: { ...c.event, outcome } };
    }
    if (!c.event) {
      mapped({ index: c.index, dossierId: id, kind: 'unmapped' });
      report(c, 'row.unmapped', c.unmapped ?? 'the row says nothing');
      continue;
    }
    try {
      d = apply(d, c.event);
      check(c);
      const e = c.event as { type: string; step?: string; outcome?: string };
      mapped({
        index: c.index,
        dossierId: id,
        kind: 'event',
        event: e.type,
        ...(e.step ? { step: e.step } : {}),
        ...(e.outcome ? { outcome: e.outcome } : {}),
        ...(c.via ? { via: c.via } : {}),
      });
    } catch (e) {
      if (!(e instanceof CoreError)) throw e;
      const reason = (e.issues[0] as { reason?: string } | undefined)?.reason;
      if (e.code === 'EVENT_REJECTED') report(c, 'event.refused', `${reason}: ${e.message}`);
      else report(c, 'row.unmapped', e.message);
    }
  }
  return d;
}

/**
 * Rebuilds dossiers from progress rows: rows are grouped by MaHoSo and ordered by ThoiDiemXuLy; the
 * receipt row (or, in logs from other systems, the first row's NgayBatDau) opens the dossier; each
 * other row is applied as the event its NoiDungXuLy names (the `[tthc]` tag, else a step name or one
 * of the convention's sentences). A row whose TrangThai differs from the rebuilt status is reported
 * (`status.mismatch`) and still placed; a row the runtime refuses is reported with the reason.
 * @example
 * const { rows, positions } = readDvcqgProgress(text);
 * const { dossiers, problems } = rebuildDossiers(rows, { procedure, process, calendar, positions });
 */
export function rebuildDossiers(rows: readonly DvcqgProgressRow[], options: RebuildDossiersOptions): RebuiltDossiers {
  const problems: DvcqgProblem[] = [];
  const dossiers: Dossier[] = [];
  const mappings: RowMapping[] = [];
  const report = (c: Candidate, code: DvcqgProblemCode, message: string) => {
    const pos = options.positions?.[c.index];
    problems.push({
      code,
      index: pos?.index ?? c.index,
      ...(pos?.line === undefined ? {} : { line: pos.line }),
      dossierId: c.row.MaHoSo,
      message,
      ...(code === 'row.synthetic' ? { severity: 'info' as const } : {}),
    });
  };
  for (const [id, indices] of byDossier(rows)) {
    const list = indices.map((i) => toCandidate(rows[i]!, i, options.process));
    const d = rebuildOne(id, list, options, report, (m) => mappings.push(m));
    if (d) dossiers.push(d);
  }
  problems.sort((a, b) => a.index - b.index);
  mappings.sort((a, b) => a.index - b.index);
  return { dossiers, problems, mappings };
}
