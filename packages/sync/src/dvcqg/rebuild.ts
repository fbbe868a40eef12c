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

/** What {@link rebuildDossiers} returns. */
export interface RebuiltDossiers {
  /** One dossier per MaHoSo that could be opened, in order of first appearance. */
  readonly dossiers: Dossier[];
  readonly problems: DvcqgProblem[];
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
    if (fields.type === 'receipt') return { index, row, receipt: true };
    return { index, row, receipt: false, event: { ...fields, at, by: byId === undefined ? by : { id: byId, ...by } } };
  }
  const fields = eventFieldsOfText(content.text, process);
  if (!fields) {
    return { index, row, receipt: false, unmapped: `NoiDungXuLy names no step of the process and no known action` };
  }
  // An untagged new appointment carries its date in the row's deadline column (see toDvcqgProgress).
  const newDue = fields.type === 'extend' && row.NgayKetThucTheoQuyDinh && dvcqgDateToIso(row.NgayKetThucTheoQuyDinh);
  const note = content.note === undefined ? {} : { note: content.note };
  return { index, row, receipt: false, event: { ...fields, ...note, ...(newDue ? { newDue } : {}), at, by } };
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
): Dossier | undefined {
  const receipt = list.find((c) => c.receipt);
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
  for (const c of inferOutcomes(list, options.process)) {
    if (c.receipt) {
      if (c === receipt) check(c);
      else report(c, 'row.unmapped', 'a second receipt row for the dossier');
      continue;
    }
    if (!c.event) {
      report(c, 'row.unmapped', c.unmapped ?? 'the row says nothing');
      continue;
    }
    try {
      d = apply(d, c.event);
      check(c);
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
  const report = (c: Candidate, code: DvcqgProblemCode, message: string) => {
    const pos = options.positions?.[c.index];
    problems.push({
      code,
      index: pos?.index ?? c.index,
      ...(pos?.line === undefined ? {} : { line: pos.line }),
      dossierId: c.row.MaHoSo,
      message,
    });
  };
  for (const [id, indices] of byDossier(rows)) {
    const list = indices.map((i) => toCandidate(rows[i]!, i, options.process));
    const d = rebuildOne(id, list, options, report);
    if (d) dossiers.push(d);
  }
  problems.sort((a, b) => a.index - b.index);
  return { dossiers, problems };
}
