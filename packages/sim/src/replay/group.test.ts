import { describe, expect, it } from 'vitest';
import { process } from './fixtures.test-util.js';
import { groupTraces } from './group.js';
import type { LogEvent } from './types.js';
import { workflowNet } from './workflow-net.js';

const event = (dossierId: string, at: number, line: number): LogEvent => ({
  dossierId,
  activity: process.steps[0]!.key,
  at,
  line,
});

describe('groupTraces orders each trace by time in O(n log n)', () => {
  it('one dossier with 100k events in reverse order (14 s with insertion sort) comes out in time order', () => {
    const n = 100_000;
    const events = Array.from({ length: n }, (_, i) => event('D1', (n - i) * 1000, i + 1));
    const { order, offsets } = groupTraces(events, workflowNet(process));
    expect(offsets[1]).toBe(n);
    let ordered = true;
    for (let k = 1; k < n; k++) ordered &&= events[order[k]!]!.at > events[order[k - 1]!]!.at;
    expect(ordered).toBe(true);
  });

  it('equal instants keep their log order, traces keep the order of first appearance', () => {
    const events = [event('A', 5, 1), event('B', 1, 2), event('A', 5, 3), event('A', 2, 4), event('B', 1, 5)];
    const { order, offsets } = groupTraces(events, workflowNet(process));
    expect([...offsets]).toEqual([0, 3, 5]);
    expect([...order].map((i) => events[i]!.line)).toEqual([4, 1, 3, 2, 5]);
  });
});
