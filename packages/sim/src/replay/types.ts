/**
 * Shapes of event-log replay: the events read from a log, the problems found while reading, and the
 * conformance result (summary, per-dossier and per-step tables).
 */
import type { ChannelKind, Classification } from '@tthc/core';

/** Who did something, as the log records it (every field optional). */
export interface LogPerformer {
  /** Organisational unit (PhongBanXuLy). */
  readonly unit?: string;
  /** Role (ChucDanh). */
  readonly role?: string;
  /** The person (NguoiXuLy). */
  readonly name?: string;
}

/** One event of a dossier event log: a step done for a dossier at an instant. */
export interface LogEvent {
  /** Mã số hồ sơ (MaHoSo). */
  readonly dossierId: string;
  /** The step key or step name as the log words it (NoiDungXuLy, else TrangThai). */
  readonly activity: string;
  readonly performer?: LogPerformer;
  /** When the step was done (ThoiDiemXuLy), epoch milliseconds. */
  readonly at: number;
  /** The outcome taken, when the log records it (e.g. `approved`). */
  readonly outcome?: string;
  /** When the step started (NgayBatDau), epoch milliseconds. */
  readonly startedAt?: number;
  /** The step deadline the source system recorded (NgayKetThucTheoQuyDinh), epoch milliseconds. */
  readonly dueAt?: number;
  /** The dossier's channel (KenhThucHien), when the log records it. */
  readonly channel?: ChannelKind;
  /** Line of the log where the event starts (JSON: the line where its object starts). */
  readonly line: number;
}

/** A row or value the reader or the replay could not use (never dropped silently). */
export interface LogProblem {
  /** For a CSV syntax or limit problem, the code of `@tthc/core`'s reader (e.g. `csv.unclosed-quote`). */
  readonly code?: string;
  readonly line: number;
  /** The column (CSV header or JSON key) at fault, when one is. */
  readonly column?: string;
  readonly message: string;
  readonly value?: unknown;
}

/** What `readEventLog` returns: the usable events and the problems, both with line numbers. */
export interface EventLog {
  readonly events: readonly LogEvent[];
  readonly problems: readonly LogProblem[];
}

/** Kinds of deviation from the process (closed union). */
export type DeviationKind =
  | 'skipped-step'
  | 'unexpected-step'
  | 'wrong-performer'
  | 'out-of-order'
  | 'unknown-activity';

/** One deviation of a dossier from the process, at a step (or an unknown activity) and a log line. */
export interface Deviation {
  readonly kind: DeviationKind;
  readonly dossierId: string;
  /** The step concerned; `null` for an unknown activity. */
  readonly step: string | null;
  /** The log line of the event where the deviation shows. */
  readonly line: number;
  readonly message: string;
  /** The activity as the log words it (unknown-activity) or the expected value (wrong-performer). */
  readonly expected?: string;
  readonly actual?: string;
}

/** Token counts of a token-based replay (Rozinat & van der Aalst 2008; PM4Py). */
export interface TokenCounts {
  readonly missing: number;
  readonly consumed: number;
  readonly remaining: number;
  readonly produced: number;
}

/** A late step visit of a dossier. */
export interface LateStep {
  readonly step: string;
  readonly line: number;
  /** Step entry + step budget, epoch milliseconds. */
  readonly due: number;
  readonly doneAt: number;
  /** Working minutes from the due to the completion. */
  readonly lateMinutes: number;
}

/** The replay of one dossier (trace). */
export interface DossierReplay extends TokenCounts {
  readonly dossierId: string;
  readonly events: number;
  /** 1 − deviation weight by the token formula; 1 for a perfectly fitting trace. */
  readonly fitness: number;
  /** No missing and no remaining tokens, and every activity known (PM4Py `trace_is_fit`). */
  readonly fit: boolean;
  readonly channel: ChannelKind;
  /** Receipt (NgayTiepNhan): the first event's start (NgayBatDau), else its instant. */
  readonly receivedAt: number;
  /** NgayHenTra: receipt + the channel's statutory limit, as `openDossier` computes it (`null` if it cannot be). */
  readonly due: number | null;
  /** NgayKetThucXuLy: when processing ended (the return step reached or the process ended). */
  readonly finishedAt: number | null;
  /** As the runtime classifies (`classifyCompletion`); `null` for an unfinished dossier without `asOf`. */
  readonly classification: Classification | null;
  readonly deviations: readonly Deviation[];
  readonly lateSteps: readonly LateStep[];
}

/** Per-step table of a replay. */
export interface StepReplay {
  readonly step: string;
  readonly name: string;
  /** Events replayed at this step. */
  readonly executions: number;
  /** Executions with a counted budget (a due). */
  readonly timed: number;
  readonly late: number;
  readonly lateMinutesTotal: number;
  readonly lateMinutesMax: number;
  readonly deviations: Readonly<Record<DeviationKind, number>>;
}

/** Totals of a replay. */
export interface ReplaySummary extends TokenCounts {
  readonly traces: number;
  readonly events: number;
  readonly fittingTraces: number;
  /** Percentage (0–100) of fitting traces — PM4Py `perc_fit_traces`. */
  readonly percFitTraces: number;
  /** Mean trace fitness — PM4Py `average_trace_fitness`. */
  readonly averageFitness: number;
  /** Fitness of the summed token counts — PM4Py `log_fitness`. */
  readonly logFitness: number;
  readonly deviations: Readonly<Record<DeviationKind, number>>;
  readonly classification: Readonly<Record<Classification | 'unfinished', number>>;
  /** Dossiers resolved early or on time / dossiers replayed (ND 61 art. 30). */
  readonly onTimeRate: number;
  readonly lateSteps: number;
}

/** The result of `replay`: plain JSON (instants are epoch milliseconds). */
export interface ReplayResult {
  readonly summary: ReplaySummary;
  readonly dossiers: readonly DossierReplay[];
  readonly steps: readonly StepReplay[];
  /** Reading problems passed in with the log, and events the replay could not time. */
  readonly problems: readonly LogProblem[];
}
