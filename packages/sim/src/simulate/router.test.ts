import { readFileSync } from 'node:fs';
import { vietnamCalendar } from '@tthc/calendar';
import { machineFor, type Procedure, type Process, parseProcedure, parseProcess } from '@tthc/core';
import { describe, expect, test } from 'vitest';
import { procedure, process, wardScenario } from './fixtures.test-util.js';
import { createRouter, END, ExactRouter, MemoRouter } from './router.js';
import type { ScenarioInput } from './scenario.js';
import { simulate } from './simulate.js';

const vn = vietnamCalendar();
const examples = new URL('../../../../examples/procedures/', import.meta.url);
const load = (dir: string, file: string): unknown =>
  JSON.parse(readFileSync(new URL(`${dir}/${file}`, examples), 'utf8'));
const EXAMPLES = ['chung-thuc-ban-sao-tu-ban-chinh', 'dang-ky-khai-sinh', 'dang-ky-thanh-lap-ho-kinh-doanh'];

/** A busy scenario for any process: every outcome equally likely (loops included), supplements twice. */
function everyOutcome(p: Process): ScenarioInput {
  const units = [...new Set(p.steps.map((s) => s.performer.unit))];
  return {
    start: '2025-07-01',
    horizon: 15,
    arrivals: { perWorkingDay: 12 },
    steps: Object.fromEntries(
      p.steps.map((s) => [
        s.key,
        {
          duration: { type: 'lognormal', mean: 40, sd: 30 },
          ...(s.outcomes.length > 1
            ? { outcomes: Object.fromEntries(s.outcomes.map((o) => [o.name, 1 / s.outcomes.length])) }
            : {}),
        },
      ]),
    ),
    staff: Object.fromEntries(units.map((u) => [u, 1])),
    supplementation: { probability: 0.3, citizenDelay: { type: 'exponential', mean: 1 }, maxRounds: 2 },
  };
}

const both = (proc: Procedure, p: Process, scenario: unknown, seed: number, registry?: object) =>
  (['auto', 'exact'] as const).map((routing) =>
    JSON.stringify(simulate(proc, p, vn, scenario, { seed, routing, ...(registry ? { registry } : {}) })),
  );

describe('routing by the core machine: the memo is exact', () => {
  test.each(EXAMPLES)('%s: memoised and always-transition runs give byte-identical results', (dir) => {
    const proc = parseProcedure(load(dir, 'procedure.json'));
    const p = parseProcess(load(dir, 'process.json'));
    for (const seed of [1, 2]) {
      const [memo, exact] = both(proc, p, everyOutcome(p), seed);
      expect(memo).toBe(exact);
    }
  });

  test('the ward scenario, lean and as published, by date and by instant', () => {
    const lean = wardScenario();
    lean.staff['Phòng Kinh tế xã'] = 1;
    for (const scenario of [wardScenario(), lean]) {
      const [memo, exact] = both(procedure, process, scenario, 7);
      expect(memo).toBe(exact);
    }
    const [a, b] = (['auto', 'exact'] as const).map((routing) =>
      JSON.stringify(simulate(procedure, process, vn, wardScenario(), { seed: 3, routing, compare: 'instant' })),
    );
    expect(a).toBe(b);
  });

  test('a step that loops to itself is re-entered by both routers', () => {
    const rework: Process = {
      ...process,
      steps: process.steps.map((s) =>
        s.key === 'review' ? { ...s, outcomes: [...s.outcomes, { name: 'rework', next: 'review' }] } : s,
      ),
    };
    const scenario = wardScenario() as ScenarioInput;
    scenario.steps.review!.outcomes = { done: 0.7, refuse: 0.1, rework: 0.2 };
    const [memo, exact] = both(procedure, rework, scenario, 5);
    expect(memo).toBe(exact);
    expect(JSON.parse(memo!).steps[1].visits).toBeGreaterThan(JSON.parse(memo!).dossiers.arrived * 1.2);
  });

  test('the memo table is the machine’s answers: steps, the end, shallow history after a supplement', () => {
    const router = new MemoRouter(process, machineFor(process));
    expect(router.start()).toBe(0);
    expect(router.next(0, 1, 0)).toBe(2); // review done → sign
    expect(router.next(0, 1, 1)).toBe(4); // review refuse → return
    expect(router.next(0, 2, 1)).toBe(1); // sign not-approved → review
    expect(router.next(0, 4, 0)).toBe(END); // return → returned
    expect(router.supplementReceived(0, 1)).toBe(1);
  });
});

describe('routing with registered guards', () => {
  const withGuard = (guard: string): Process => ({
    ...process,
    steps: process.steps.map((s) =>
      s.key === 'review' ? { ...s, outcomes: s.outcomes.map((o) => (o.name === 'done' ? { ...o, guard } : o)) } : s,
    ),
  });

  test('a process naming a guard needs the registry, and is then routed by transition on real snapshots', () => {
    const p = withGuard('complete');
    expect(() => simulate(procedure, p, vn, wardScenario(), { seed: 1 })).toThrow(
      /guard "complete" is not in the registry/,
    );
    const seen: number[] = [];
    const registry = {
      guards: {
        complete: ({ context }: { context: { supplementRounds: number } }) => {
          seen.push(context.supplementRounds);
          return true;
        },
      },
    };
    const [auto, exact] = both(procedure, p, wardScenario(), 4, registry);
    expect(auto).toBe(exact);
    // The guard saw real contexts: dossiers back from a supplement carry supplementRounds = 1.
    expect(seen).toContain(0);
    expect(seen).toContain(1);
    // A guard that is always true routes as no guard at all (memoised).
    expect(auto).toBe(JSON.stringify(simulate(procedure, process, vn, wardScenario(), { seed: 4 })));
    expect(createRouter(p, machineFor(p, registry))).toBeInstanceOf(ExactRouter);
    expect(createRouter(process, machineFor(process))).toBeInstanceOf(MemoRouter);
  });

  test('an outcome the machine refuses is an error naming step, outcome and guard — not a silent loop', () => {
    const p = withGuard('firstRound');
    const registry = {
      guards: {
        firstRound: ({ context }: { context: { supplementRounds: number } }) => context.supplementRounds === 0,
      },
    };
    const scenario = {
      ...wardScenario(),
      supplementation: { probability: 1, citizenDelay: { type: 'fixed', value: 1 } },
    };
    expect(() => simulate(procedure, p, vn, scenario, { seed: 1, registry })).toThrow(
      'scenario.steps.review.outcomes.done: the machine refuses outcome "done" of step "review" (guard "firstRound" is false)',
    );
  });

  test('a supplement at a step the machine cannot suspend is refused up front', () => {
    const pay: Process = {
      ...process,
      steps: process.steps.map((s) => (s.key === 'issue' ? { ...s, kind: 'pay' } : s)),
    };
    const scenario = {
      ...wardScenario(),
      supplementation: { probability: 0.1, citizenDelay: { type: 'fixed', value: 1 }, atStep: 'issue' },
    };
    expect(() => simulate(procedure, pay, vn, scenario, { seed: 1 })).toThrow(
      'scenario.supplementation.atStep: the machine refuses "request-supplement" at step "issue"',
    );
    expect(() => simulate(procedure, process, vn, wardScenario(), { seed: 1, routing: 'fast' as 'auto' })).toThrow(
      /options\.routing: expected "auto" or "exact", got "fast"/,
    );
  });
});
