import { initialTransition, transition } from 'xstate';
import { describe, expect, test } from 'vitest';
import type { CoreError } from '../errors.js';
import { parseProcess } from '../model/parse.js';
import { process, processInput } from '../runtime/fixtures.test-util.js';
import { enumeratePaths } from './paths.js';
import { locate } from './names.js';
import { toMachine } from './to-machine.js';

describe('toMachine', () => {
  test('one state per step plus the dossier phases; outcomes become transitions', () => {
    const m = toMachine(process());
    expect(Object.keys(m.root.states)).toEqual([
      'processing',
      'awaitingSupplement',
      'consulting',
      'awaitingPayment',
      'closed',
      'returned',
      'rejected',
      'withdrawn',
    ]);
    expect(Object.keys(m.root.states.processing!.states)).toEqual([
      '(resume)',
      'receive',
      'review',
      'approve',
      'issue',
      'return',
    ]);
    expect(Object.keys(m.root.states.awaitingPayment!.states)).toEqual(['fee']);
    let [s] = initialTransition(m);
    expect(s.value).toEqual({ processing: 'receive' });
    [s] = transition(m, s, { type: 'complete-step', step: 'receive' });
    [s] = transition(m, s, { type: 'complete-step', step: 'review' });
    const [back] = transition(m, s, { type: 'complete-step', step: 'approve', outcome: 'not-approved' });
    expect(back.value).toEqual({ processing: 'review' });
    const [pay] = transition(m, s, { type: 'complete-step', step: 'approve', outcome: 'approved' });
    expect(pay.value).toEqual({ awaitingPayment: 'fee' });
    // Without an outcome name a two-outcome step does not move.
    expect(transition(m, s, { type: 'complete-step', step: 'approve' })[0].value).toEqual({ processing: 'approve' });
  });

  test('a supplement resumes at the step that asked (shallow history)', () => {
    const m = toMachine(process());
    let [s] = initialTransition(m);
    [s] = transition(m, s, { type: 'complete-step', step: 'receive' });
    [s] = transition(m, s, { type: 'request-supplement' });
    expect(s.value).toBe('awaitingSupplement');
    [s] = transition(m, s, { type: 'supplement-received' });
    expect(s.value).toEqual({ processing: 'review' });
    expect(s.context.supplementRounds).toBe(1);
  });

  test('step keys with dots are encoded in state names', () => {
    const input = processInput();
    const steps = input.steps.map((s) => ({
      ...s,
      key: s.key === 'review' ? 'review.legal' : s.key,
      outcomes: s.outcomes?.map((o) => ({ ...o, next: o.next === 'review' ? 'review.legal' : o.next })),
    }));
    const m = toMachine(parseProcess({ ...input, steps }));
    let [s] = initialTransition(m);
    [s] = transition(m, s, { type: 'complete-step', step: 'receive' });
    expect(s.value).toEqual({ processing: 'review:legal' });
    expect(locate(s.value)).toEqual({ phase: 'processing', step: 'review.legal' });
  });

  test('registered guards and actions are used; unknown names fail before the machine is built', () => {
    const input = processInput();
    const steps = input.steps.map((s) =>
      s.key === 'approve'
        ? {
            ...s,
            entry: ['notifyLeader'],
            outcomes: [
              { name: 'approved', next: 'fee', guard: 'hasSignature', actions: ['logApproval'] },
              { name: 'not-approved', next: 'review' },
            ],
          }
        : s,
    );
    const p = parseProcess({ ...input, steps });
    try {
      toMachine(p, { actions: { notifyLeader: () => {} } });
      throw new Error('expected UNKNOWN_IMPLEMENTATION');
    } catch (e) {
      const err = e as CoreError;
      expect(err.code).toBe('UNKNOWN_IMPLEMENTATION');
      expect(err.message).toContain('step "approve"');
      expect(err.message).toContain('steps[2].outcomes[0].guard');
      expect(err.message).toContain('hasSignature');
      expect(err.issues.map((i) => i.value)).toEqual(['hasSignature', 'logApproval']);
    }
    let signed = false;
    const m = toMachine(p, {
      actions: { notifyLeader: () => {}, logApproval: () => {} },
      guards: { hasSignature: () => signed },
    });
    let [s] = initialTransition(m);
    [s] = transition(m, s, { type: 'complete-step', step: 'receive' });
    const [s2, entryActions] = transition(m, s, { type: 'complete-step', step: 'review' });
    expect(entryActions.map((a) => a.type)).toContain('notifyLeader');
    expect(transition(m, s2, { type: 'complete-step', step: 'approve', outcome: 'approved' })[0].value).toEqual({
      processing: 'approve',
    });
    signed = true;
    const [s3, actions] = transition(m, s2, { type: 'complete-step', step: 'approve', outcome: 'approved' });
    expect(s3.value).toEqual({ awaitingPayment: 'fee' });
    expect(actions.map((a) => a.type)).toContain('logApproval');
  });

  test('the reserved prefix cannot be used by data', () => {
    const input = processInput();
    const steps = input.steps.map((s, i) => (i === 0 ? { ...s, entry: ['tthc.syncLedger'] } : s));
    expect(() => toMachine(parseProcess({ ...input, steps }), { actions: { 'tthc.syncLedger': () => {} } })).toThrow(
      /reserved prefix/,
    );
  });
});

describe('enumeratePaths', () => {
  test('the process has one simple path to returned (the not-approved loop revisits a state)', () => {
    const paths = enumeratePaths(process());
    expect(paths.map((p) => p.states.join(' → '))).toEqual([
      'processing.receive → processing.review → processing.approve → awaitingPayment.fee → processing.issue → processing.return → returned',
    ]);
    expect(paths[0]!.events[0]).toEqual({ type: 'complete-step', step: 'receive', outcome: 'done' });
  });

  test('supplementation rounds and consultations multiply the paths, bounded by the options', () => {
    const none = enumeratePaths(process()).length;
    const one = enumeratePaths(process(), { maxSupplementRounds: 1 });
    const two = enumeratePaths(process(), { maxSupplementRounds: 2 });
    expect(one.length).toBeGreaterThan(none);
    expect(two.length).toBeGreaterThan(one.length);
    for (const p of two) {
      expect(p.events.filter((e) => e.type === 'request-supplement').length).toBeLessThanOrEqual(2);
      expect(p.end).toBe('returned');
    }
    const ends = new Set(enumeratePaths(process(), { includeTerminations: true }).map((p) => p.end));
    expect(ends).toEqual(new Set(['returned', 'rejected', 'withdrawn']));
    const consult = enumeratePaths(process(), { consultAgencies: ['Thuế cơ sở'] });
    expect(consult.some((p) => p.states.includes('consulting'))).toBe(true);
  });
});
