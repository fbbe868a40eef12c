import { status } from '@tthc/core';
import { deviatingEventLogArb, eventLogArb } from '@tthc/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendar, process, procedure } from './fixtures.test-util.js';
import { replay } from './replay.js';
import { runtimeDossier } from './runtime-events.test-util.js';
import type { LogEvent } from './types.js';

/** Several conforming dossiers (outcomes named or not), their events interleaved in an arbitrary log order. */
const conformingLog = eventLogArb(process);

/** One conforming dossier in time order, every outcome at a choice named (the runtime needs them). */
const oneDossier = eventLogArb(process, { minDossiers: 1, maxDossiers: 1, outcomes: 'named', interleave: false });

/** The log as a recorder without outcomes would write it. */
function withoutOutcomes(trace: readonly LogEvent[]): LogEvent[] {
  return trace.map(({ outcome: _, ...rest }) => rest);
}

describe('replay — properties', () => {
  it('a log generated from the process replays with fitness 1 and no deviations', () => {
    fc.assert(
      fc.property(conformingLog, ({ traces, events }) => {
        const r = replay(procedure, process, calendar, events);
        expect(r.summary).toMatchObject({
          traces: traces.length,
          percFitTraces: 100,
          averageFitness: 1,
          logFitness: 1,
        });
        for (const d of r.dossiers)
          expect(d).toMatchObject({ fit: true, fitness: 1, missing: 0, remaining: 0, deviations: [] });
      }),
      { numRuns: 150 },
    );
  });

  it("a conforming dossier gets the runtime's due, end and classification", () => {
    fc.assert(
      fc.property(oneDossier, fc.boolean(), ({ events: trace }, named) => {
        const d = replay(procedure, process, calendar, named ? trace : withoutOutcomes(trace)).dossiers[0]!;
        const runtime = runtimeDossier(trace);
        expect(d.due).toBe(runtime.ledger.legalDue);
        expect(d.finishedAt).toBe(runtime.ledger.finishedAt);
        const at = new Date(trace.at(-1)!.at).toISOString();
        expect(d.classification).toBe(status(runtime, at, { compare: 'date' }).classification);
        const byInstant = replay(procedure, process, calendar, trace, { compare: 'instant' }).dossiers[0]!;
        expect(byInstant.classification).toBe(status(runtime, at, { compare: 'instant' }).classification);
      }),
      { numRuns: 60 },
    );
  });

  const single = (idPrefix: string) =>
    eventLogArb(process, { minDossiers: 1, maxDossiers: 1, outcomes: 'named', interleave: false, idPrefix });
  const injected = fc.record({
    x: single('X'),
    ok: single('OK'),
    at: fc.nat(),
    kind: fc.constantFrom('drop', 'swap', 'performer', 'unknown'),
  });

  it('one injected deviation lowers fitness or is reported at the right dossier, step and line', () => {
    fc.assert(
      fc.property(injected, ({ x: log, ok: other, at, kind }) => {
        const trace: LogEvent[] = [...log.events];
        const clean = other.events;
        const i = at % trace.length;
        const target = trace[i]!;
        if (kind === 'drop') trace.splice(i, 1);
        if (kind === 'swap') {
          const j = i + 1 < trace.length ? i + 1 : i - 1;
          if (j < 0 || trace[j]!.activity === target.activity) return; // nothing to swap
          const [a, b] = [trace[Math.min(i, j)]!, trace[Math.max(i, j)]!];
          trace[Math.min(i, j)] = { ...b, at: a.at };
          trace[Math.max(i, j)] = { ...a, at: b.at };
        }
        if (kind === 'performer') trace[i] = { ...target, performer: { ...target.performer, role: 'Bảo vệ' } };
        if (kind === 'unknown') trace.splice(i, 0, { ...target, activity: 'Photo hồ sơ', line: 999 });
        const r = replay(procedure, process, calendar, [...clean, ...trace]);
        const ok = r.dossiers.find((d) => d.dossierId === 'OK0')!;
        const x = r.dossiers.find((d) => d.dossierId === 'X0')!;
        expect(ok).toMatchObject({ fit: true, deviations: [] });
        // A wrong performer is a deviation, not a token failure: the trace still fits the net.
        expect(x.fit).toBe(kind === 'performer');
        if (kind === 'drop') {
          expect(x.fitness).toBeLessThan(1);
          const named = x.deviations.filter(
            (v) =>
              (v.kind === 'skipped-step' && v.step === target.activity) ||
              (v.kind === 'out-of-order' && v.expected === target.activity),
          );
          expect(named.length).toBeGreaterThan(0);
        }
        if (kind === 'swap') {
          expect(x.fitness).toBeLessThan(1);
          expect(x.deviations.some((v) => v.kind === 'out-of-order')).toBe(true);
        }
        if (kind === 'performer') {
          expect(x.deviations.map((v) => [v.kind, v.step, v.line])).toEqual([
            ['wrong-performer', target.activity, target.line],
          ]);
          expect(x.fitness).toBe(1);
        }
        if (kind === 'unknown') {
          expect(x.deviations.map((v) => [v.kind, v.step, v.line])).toEqual([['unknown-activity', null, 999]]);
          expect(x.fitness).toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a deviation injected by @tthc/testing is the only one reported, at its step and line', () => {
    fc.assert(
      fc.property(deviatingEventLogArb(process), ({ events, deviation }) => {
        const r = replay(procedure, process, calendar, events);
        const x = r.dossiers.find((d) => d.dossierId === deviation.dossierId)!;
        expect(x.deviations.map((v) => [v.kind, v.step, v.line])).toEqual([
          [deviation.kind, deviation.step, deviation.line],
        ]);
        expect(x.fitness < 1).toBe(deviation.kind !== 'wrong-performer');
      }),
      { numRuns: 200 },
    );
  });
});
