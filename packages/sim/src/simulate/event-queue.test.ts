import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EventQueue } from './event-queue.js';

describe('EventQueue', () => {
  test('pops in (time, insertion order) order, interleaving pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 300 }), (ops) => {
        const q = new EventQueue(1);
        const model: { time: number; seq: number }[] = [];
        let seq = 0;
        for (const op of ops) {
          if (op >= 0) {
            q.push(op, seq);
            model.push({ time: op, seq: seq++ });
          } else if (model.length > 0) {
            model.sort((a, b) => a.time - b.time || a.seq - b.seq);
            const head = model.shift()!;
            expect(q.peekTime()).toBe(head.time);
            expect(q.pop()).toBe(head.seq);
          }
          expect(q.size).toBe(model.length);
        }
      }),
    );
  });

  test('an empty queue has no time and refuses to pop', () => {
    const q = new EventQueue();
    expect(q.peekTime()).toBeNaN();
    expect(() => q.pop()).toThrow(RangeError);
  });
});
