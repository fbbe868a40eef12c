import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoReplay, demoSimulation } from './demo-sim.js';
import { memoryIo } from './io.js';

describe('demoSimulation', () => {
  it('summarises the ward scenario (seed 1) and a what-if at the bottleneck', () => {
    const io = memoryIo();
    expect(demoSimulation(io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/đúng hạn \(on time\) \d+\.\d\d %, 95 % CI \d+\.\d\d %–\d+\.\d\d %/);
    expect(out).toContain('Điểm nghẽn (bottleneck): Phòng Kinh tế xã');
    // One more reviewing officer shortens the wait at the bottleneck.
    const [, before, after] = /chờ TB ([\d.]+) → ([\d.]+) phút/.exec(out) ?? [];
    expect(Number(after)).toBeLessThan(Number(before));
    expect(io.err()).toBe('');
  });

  it('is the same every run (the seed is fixed, the clock is never read)', () => {
    const a = memoryIo();
    const b = memoryIo();
    demoSimulation(a);
    demoSimulation(b);
    expect(a.out()).toBe(b.out());
  });
});

describe('demoReplay', () => {
  it('prints the example log’s problem rows, fitness, deviations and late review', () => {
    const io = memoryIo();
    expect(demoReplay(io)).toBe(0);
    const out = io.out();
    for (const line of [12, 24, 40]) expect(out).toContain(`ho-kinh-doanh-progress.csv:${line}:`);
    expect(out).toContain('3/7 = 42.86 %');
    for (const kind of ['skipped-step', 'wrong-performer', 'out-of-order', 'unknown-activity']) {
      expect(out).toContain(kind);
    }
    expect(out).toMatch(/H56\.14-260302-0006\s+review\s+31/);
  });
});

describe('without the examples', () => {
  it('says what is missing and returns 1', () => {
    const empty = mkdtempSync(join(tmpdir(), 'tthc-demo-sim-'));
    const io = memoryIo();
    expect(demoSimulation(io, { examplesRoot: empty })).toBe(1);
    expect(demoReplay(io, { examplesRoot: empty })).toBe(1);
    expect(io.out()).toContain('skipped: examples/simulation/ward-scenario.json not found');
  });
});
