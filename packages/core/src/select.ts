/**
 * `selectProcess` — which version of a process governs a dossier: the one in force on the local
 * date the dossier was received (DESIGN.md §4: versions are selected by the receipt date).
 */
import { type InstantInput, toEpochMs } from '@tthc/calendar';
import { CoreError } from './errors.js';
import { localDateOf } from './lint/zoned.js';
import { type ChannelKind, nationalCode } from './model/procedure.js';
import type { Process } from './model/process.js';

/** Options of {@link selectProcess}. */
export interface SelectProcessOptions {
  /** IANA zone in which the receipt's civil date is read. Default `Asia/Ho_Chi_Minh`. */
  readonly zone?: string;
  /** Keep only processes of this procedure (compared on the national code `X.NNNNNN`). */
  readonly procedureCode?: string;
  /** Keep only processes that serve this channel (a process without `channels` serves all). */
  readonly channel?: ChannelKind;
}

const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

function describe(p: Process): string {
  return `${p.procedureCode} v${p.version} (${p.effectiveFrom} – ${p.effectiveTo ?? '…'})`;
}

/**
 * Picks the process version in force on the receipt's local date: `effectiveFrom ≤ date ≤
 * effectiveTo` (both inclusive, `effectiveTo` open when absent). When versions overlap, the one
 * with the latest `effectiveFrom` wins (a newer decision supersedes an older one from its date).
 * @throws {CoreError} `NO_PROCESS_VERSION` naming the date and every version seen.
 * @throws {CalendarError} `INVALID_INSTANT` for a receipt without offset; `INVALID_OPTIONS` for an unknown zone.
 * @example
 * const process = selectProcess([v2024, v2025], '2026-02-13T16:30:00+07:00', { channel: 'direct' });
 */
export function selectProcess(
  processes: readonly Process[],
  receivedAt: InstantInput,
  options: SelectProcessOptions = {},
): Process {
  const zone = options.zone ?? DEFAULT_ZONE;
  const date = localDateOf(toEpochMs(receivedAt, 'receivedAt'), zone);
  const wanted = options.procedureCode === undefined ? undefined : nationalCode(options.procedureCode);
  const candidates = processes.filter(
    (p) =>
      (wanted === undefined || nationalCode(p.procedureCode) === wanted) &&
      (options.channel === undefined || p.channels === undefined || p.channels.includes(options.channel)),
  );
  let best: Process | undefined;
  for (const p of candidates) {
    const inForce = p.effectiveFrom <= date && (p.effectiveTo === undefined || date <= p.effectiveTo);
    // Ties on effectiveFrom keep the first listed version, so the result never depends on sort order luck.
    if (inForce && (best === undefined || p.effectiveFrom > best.effectiveFrom)) best = p;
  }
  if (best) return best;
  const filters = [
    wanted === undefined ? undefined : `procedure ${wanted}`,
    options.channel === undefined ? undefined : `channel ${options.channel}`,
  ].filter((x) => x !== undefined);
  const seen = processes.length === 0 ? 'none' : processes.map(describe).join('; ');
  throw new CoreError(
    'NO_PROCESS_VERSION',
    `receivedAt: no process version in force on ${date} (${zone})${filters.length ? ` for ${filters.join(', ')}` : ''}; versions seen: ${seen}`,
    [{ path: ['receivedAt'], message: `no process version in force on ${date}`, value: date }],
  );
}
