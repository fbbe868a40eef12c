/** Turns replay log events into runtime dossier events, to check replay against the runtime. */
import { applyAll, type Dossier, openDossier } from '@tthc/core';
import { calendar, process, procedure } from './fixtures.test-util.js';
import type { LogEvent } from './types.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** The runtime's view of a conforming trace: open at the first event's start, apply every step. */
export function runtimeDossier(trace: readonly LogEvent[]): Dossier {
  const first = trace[0]!;
  const dossier = openDossier(procedure, process, calendar, {
    id: first.dossierId,
    receivedAt: iso(first.startedAt ?? first.at),
    channel: first.channel ?? 'direct',
  });
  const events = trace.map((e) => {
    const step = process.steps.find((s) => s.key === e.activity)!;
    const base = { at: iso(e.at), by: { ...e.performer } };
    if (step.kind === 'return') return { ...base, type: 'return-result' };
    if (step.kind === 'pay') return { ...base, type: 'pay' };
    return { ...base, type: 'complete-step', step: step.key, ...(e.outcome ? { outcome: e.outcome } : {}) };
  });
  return applyAll(dossier, events);
}
