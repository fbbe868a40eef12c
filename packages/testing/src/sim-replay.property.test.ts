import { readFileSync } from 'node:fs';
import { vietnamCalendar } from '@tthc/calendar';
import { type Procedure, type Process, parseProcedure, parseProcess } from '@tthc/core';
import { type LogEvent, readEventLog, replay } from '@tthc/sim';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { procedureWithProcessArb } from './core-arbitraries.js';
import { deviatingEventLogArb } from './sim-deviation-arbitrary.js';
import { eventLogArb, type GeneratedEventLog } from './sim-log-arbitrary.js';
import { type EventLogFormat, formatEventLog } from './sim-log-format.js';

const calendar = vietnamCalendar();
const example = new URL('../../../examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh/', import.meta.url);
const json = (name: string): unknown => JSON.parse(readFileSync(new URL(name, example), 'utf8'));

/** Đăng ký thành lập hộ kinh doanh: receive → review (refuse → return) → sign (not approved → review) → issue → return. */
const ward = { procedure: parseProcedure(json('procedure.json')), process: parseProcess(json('process.json')) };

/** The example process half the time, a random one from `procedureWithProcessArb` otherwise. */
const subject: fc.Arbitrary<{ readonly procedure: Procedure; readonly process: Process }> = fc.oneof(
  fc.constant(ward),
  procedureWithProcessArb(),
);
const formats: fc.Arbitrary<EventLogFormat> = fc.constantFrom('csv', 'jsonl', 'json');

// A type test: generated events are the LogEvent of @tthc/sim, so they replay without conversion.
const asLog = (log: GeneratedEventLog): readonly LogEvent[] => log.events;

describe('event logs of a process', () => {
  it('written in any format, a log reads back to the same events with the same lines', () => {
    const arb = fc
      .tuple(subject, formats)
      .chain(([s, format]) => eventLogArb(s.process, { format }).map((log) => ({ format, log })));
    fc.assert(
      fc.property(arb, ({ format, log }) => {
        const read = readEventLog(formatEventLog(log.events, format), { format });
        expect(read.problems).toEqual([]);
        expect(read.events).toEqual(log.events);
      }),
      { numRuns: 60 },
    );
  });

  it('a log generated from the process replays with fitness 1 and no deviation', () => {
    const arb = subject.chain((s) => eventLogArb(s.process).map((log) => ({ ...s, log })));
    fc.assert(
      fc.property(arb, ({ procedure, process, log }) => {
        const r = replay(procedure, process, calendar, asLog(log));
        expect(r.summary).toMatchObject({
          traces: log.traces.length,
          percFitTraces: 100,
          averageFitness: 1,
          logFitness: 1,
        });
        for (const d of r.dossiers) {
          expect(d).toMatchObject({ fit: true, fitness: 1, missing: 0, remaining: 0, deviations: [] });
          expect(d.events).toBe(log.traces.find((t) => t.dossierId === d.dossierId)!.steps.length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('one injected deviation is reported at its dossier, step and line, and a token deviation lowers fitness', () => {
    const arb = fc
      .tuple(subject, formats)
      .chain(([s, format]) => deviatingEventLogArb(s.process, { format }).map((log) => ({ ...s, format, log })));
    const seen = new Set<string>();
    fc.assert(
      fc.property(arb, ({ procedure, process, format, log }) => {
        // Through the text, so the line is the one an auditor would open.
        const read = readEventLog(formatEventLog(log.events, format), { format });
        const r = replay(procedure, process, calendar, read);
        const { deviation } = log;
        seen.add(deviation.kind);
        for (const d of r.dossiers) {
          if (d.dossierId !== deviation.dossierId) {
            expect(d).toMatchObject({ fit: true, fitness: 1, deviations: [] });
            continue;
          }
          expect(d.deviations.map((v) => ({ kind: v.kind, step: v.step, line: v.line }))).toEqual([
            { kind: deviation.kind, step: deviation.step, line: deviation.line },
          ]);
          if (deviation.expected !== undefined) expect(d.deviations[0]!.expected).toBe(deviation.expected);
          // A wrong performer is a deviation, not a token failure: the trace still fits the net.
          if (deviation.kind === 'wrong-performer') expect(d).toMatchObject({ fit: true, fitness: 1 });
          else {
            expect(d.fit).toBe(false);
            expect(d.fitness).toBeLessThan(1);
            expect(r.summary.logFitness).toBeLessThan(1);
          }
        }
      }),
      { numRuns: 300 },
    );
    expect([...seen].sort()).toEqual(['out-of-order', 'skipped-step', 'unexpected-step', 'wrong-performer']);
  });
});
