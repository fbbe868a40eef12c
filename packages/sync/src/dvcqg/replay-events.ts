/**
 * Progress rows as replay events: `tthc replay` reads real clients' CapNhatTienDoHoSoMC rows by
 * rebuilding the dossiers (rebuild.ts, which maps rows to steps through the process's own labels,
 * performers and statuses) and handing each completed step on as one event of the event log
 * `@tthc/sim` replays. The shape is `@tthc/sim`'s `LogEvent` (sync does not depend on sim).
 */
import type { ChannelKind } from '@tthc/core';
import { parseDvcqgDate } from './dates.js';
import type { DvcqgProgressRead } from './read.js';
import type { RebuiltDossiers } from './rebuild.js';

/** One step done for a dossier, as `@tthc/sim`'s `readEventLog` gives it. */
export interface DvcqgReplayEvent {
  readonly dossierId: string;
  /** The step key the row was mapped to. */
  readonly activity: string;
  readonly performer?: { readonly name?: string; readonly role?: string; readonly unit?: string };
  readonly at: number;
  readonly outcome?: string;
  readonly startedAt?: number;
  readonly dueAt?: number;
  readonly channel?: ChannelKind;
  /** Line of the row in the input (CSV), else its 1-based position. */
  readonly line: number;
}

/** A row that gave no event, with its line (as `@tthc/sim`'s `LogProblem`). */
export interface DvcqgReplayProblem {
  readonly line: number;
  readonly message: string;
}

const CHANNELS: Readonly<Record<number, ChannelKind>> = { 1: 'direct', 2: 'online', 3: 'postal' };

/**
 * The event log of rebuilt dossiers: one event per row mapped to a completed step (the return step
 * for a returned result), the row's actor, times and line; every read or mapping problem (not the
 * `info` notes on a client's own rows) as a problem with its line.
 * @example
 * const read = readDvcqgProgress(text);
 * const rebuilt = rebuildDossiers(read.rows, { procedure, process, calendar, positions: read.positions });
 * const log = dvcqgReplayEvents(read, rebuilt, process); // replay(procedure, process, calendar, log)
 */
export function dvcqgReplayEvents(
  read: DvcqgProgressRead,
  rebuilt: RebuiltDossiers,
  process: { readonly steps: readonly { readonly key: string; readonly kind: string }[] },
): { events: DvcqgReplayEvent[]; problems: DvcqgReplayProblem[] } {
  const lineOf = (index: number) => read.positions[index]?.line ?? index + 1;
  const returnStep = process.steps.find((s) => s.kind === 'return')?.key;
  const events: DvcqgReplayEvent[] = [];
  for (const m of rebuilt.mappings) {
    const step = m.event === 'complete-step' ? m.step : m.event === 'return-result' ? returnStep : undefined;
    if (m.kind !== 'event' || step === undefined) continue;
    const row = read.rows[m.index]!;
    const performer = Object.fromEntries(
      (
        [
          ['name', row.NguoiXuLy],
          ['role', row.ChucDanh],
          ['unit', row.PhongBanXuLy],
        ] as const
      ).filter(([, v]) => v !== ''),
    );
    const startedAt = row.NgayBatDau === undefined ? undefined : parseDvcqgDate(row.NgayBatDau);
    const dueAt = row.NgayKetThucTheoQuyDinh === undefined ? undefined : parseDvcqgDate(row.NgayKetThucTheoQuyDinh);
    const channel = row.KenhThucHien === undefined ? undefined : CHANNELS[row.KenhThucHien];
    events.push({
      dossierId: row.MaHoSo,
      activity: step,
      ...(Object.keys(performer).length > 0 ? { performer } : {}),
      at: parseDvcqgDate(row.ThoiDiemXuLy)!,
      ...(m.outcome ? { outcome: m.outcome } : {}),
      ...(startedAt === undefined ? {} : { startedAt }),
      ...(dueAt === undefined ? {} : { dueAt }),
      ...(channel ? { channel } : {}),
      line: lineOf(m.index),
    });
  }
  const problems = [...read.problems, ...rebuilt.problems]
    .filter((p) => p.severity !== 'info' && p.index >= 0)
    .map((p) => ({ line: p.line ?? p.index + 1, message: `${p.code}: ${p.message}` }));
  return { events, problems };
}
