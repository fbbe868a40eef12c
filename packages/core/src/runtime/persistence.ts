/**
 * Persistence of a dossier as a version-stamped JSON envelope. The events are the source of truth:
 * `deserialize` replays them and checks that the stored snapshot and ledger agree (DESIGN.md §4).
 */
import type { WorkCalendar } from '@tthc/calendar';
import { CoreError } from '../errors.js';
import type { MachineRegistry } from '../machine/registry.js';
import type { ChannelKind, Procedure } from '../model/procedure.js';
import type { Process } from '../model/process.js';
import { applyAll } from './apply.js';
import { type Dossier, openDossier } from './dossier.js';
import { type DossierEvent, parseDossierEvents } from './events.js';
import type { ClockLedger } from './ledger.js';

/** The current envelope format. */
export const FORMAT_VERSION = 1;

/** A dossier as stored (plain JSON). */
export interface DossierEnvelope {
  readonly formatVersion: 1;
  readonly id: string;
  readonly channel: ChannelKind;
  readonly receivedAt: string;
  readonly procedureCode: string;
  readonly processVersion: string;
  /** The machine snapshot (`machine.getPersistedSnapshot`), a cache. */
  readonly snapshot: unknown;
  /** The clock ledger, a cache. */
  readonly ledger: ClockLedger;
  /** The events: the source of truth. */
  readonly events: readonly DossierEvent[];
}

/** What a stored dossier is replayed against. */
export interface DeserializeContext {
  readonly procedure: Procedure;
  readonly process: Process;
  readonly calendar: WorkCalendar;
  readonly registry?: MachineRegistry;
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function persisted(dossier: Dossier): unknown {
  return plain(dossier.machine.getPersistedSnapshot(dossier.snapshot));
}

/**
 * A dossier as a plain-JSON envelope `{ formatVersion: 1, procedureCode, processVersion, snapshot,
 * ledger, events, … }`.
 * @example const text = JSON.stringify(serialize(dossier));
 */
export function serialize(dossier: Dossier): DossierEnvelope {
  return {
    formatVersion: FORMAT_VERSION,
    id: dossier.id,
    channel: dossier.channel,
    receivedAt: dossier.receivedAt,
    procedureCode: dossier.procedure.code,
    processVersion: dossier.process.version,
    snapshot: persisted(dossier),
    ledger: plain(dossier.ledger),
    events: plain(dossier.events),
  };
}

function invalid(field: string, stored: unknown, expected: unknown): never {
  // Bounded and never throwing: a corrupt envelope may nest a value thousands deep.
  const show = (v: unknown) => {
    try {
      return JSON.stringify(v)?.slice(0, 200);
    } catch {
      return typeof v === 'object' && v !== null ? '(a value too deep to show)' : String(v);
    }
  };
  throw new CoreError('INVALID_ENVELOPE', `envelope ${field}: stored ${show(stored)} but expected ${show(expected)}`, [
    { path: field.split('.'), message: `stored ${show(stored)}, expected ${show(expected)}`, value: stored },
  ]);
}

/** First path where two JSON values differ, or null. Iterative: a stored value may nest arbitrarily deep. */
function firstDifference(a0: unknown, b0: unknown, path0: string): { path: string; a: unknown; b: unknown } | null {
  const stack: [unknown, unknown, string][] = [[a0, b0, path0]];
  while (stack.length > 0) {
    const [a, b, path] = stack.pop()!;
    if (a === b) continue;
    if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      // Pushed in reverse so that the first differing key in order is found first.
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        stack.push([(a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`]);
      }
      continue;
    }
    return { path, a, b };
  }
  return null;
}

/**
 * Rebuilds a dossier from an envelope by replaying its events against the procedure, process and
 * calendar, then checks the stored snapshot and ledger against the replay.
 * @throws {CoreError} `INVALID_ENVELOPE` (wrong `formatVersion`, another procedure code or process
 * version, a snapshot or ledger that disagrees with the replay — naming the field and both values);
 * `INVALID_EVENT` / `EVENT_REJECTED` when an event does not replay.
 * @example const dossier = deserialize(JSON.parse(text), { procedure, process, calendar: vietnamCalendar() });
 */
export function deserialize(envelope: unknown, context: DeserializeContext): Dossier {
  const env = (envelope ?? {}) as Partial<DossierEnvelope>;
  if (env.formatVersion !== FORMAT_VERSION) invalid('formatVersion', env.formatVersion, FORMAT_VERSION);
  if (env.procedureCode !== context.procedure.code) invalid('procedureCode', env.procedureCode, context.procedure.code);
  if (env.processVersion !== context.process.version) {
    invalid('processVersion', env.processVersion, context.process.version);
  }
  const events = parseDossierEvents(env.events);
  const opened = openDossier(
    context.procedure,
    context.process,
    context.calendar,
    { id: String(env.id), receivedAt: String(env.receivedAt), channel: env.channel as ChannelKind },
    context.registry ? { registry: context.registry } : {},
  );
  const dossier = applyAll(opened, events);
  const snap = firstDifference(env.snapshot, persisted(dossier), 'snapshot');
  if (snap) invalid(snap.path, snap.a, snap.b);
  const led = firstDifference(env.ledger, plain(dossier.ledger), 'ledger');
  if (led) invalid(led.path, led.a, led.b);
  return dossier;
}
