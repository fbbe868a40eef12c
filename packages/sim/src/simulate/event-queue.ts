/**
 * The event queue of the simulation: a binary min-heap of (time, insertion order) with an integer
 * payload, in typed arrays so a push or pop allocates nothing. Events at the same time come out in
 * the order they were pushed, which makes runs reproducible.
 */

/**
 * A binary-heap priority queue of timed events.
 * @example
 * const q = new EventQueue();
 * q.push(5, 1); q.push(2, 7);
 * q.peekTime(); // 2
 * q.pop(); // 7
 */
export class EventQueue {
  private times: Float64Array;
  private order: Float64Array;
  private payloads: Int32Array;
  private count = 0;
  private pushed = 0;

  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.times = new Float64Array(n);
    this.order = new Float64Array(n);
    this.payloads = new Int32Array(n);
  }

  /** Number of pending events. */
  get size(): number {
    return this.count;
  }

  /**
   * Time of the earliest event (NaN when empty).
   * @example new EventQueue().peekTime() // NaN
   */
  peekTime(): number {
    return this.count === 0 ? Number.NaN : this.times[0]!;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const t = new Float64Array(n);
    const o = new Float64Array(n);
    const p = new Int32Array(n);
    t.set(this.times);
    o.set(this.order);
    p.set(this.payloads);
    this.times = t;
    this.order = o;
    this.payloads = p;
  }

  /**
   * Adds an event at `time` carrying `payload` (a 32-bit integer).
   * @example q.push(480, dossier * 4 + 1)
   */
  push(time: number, payload: number): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const order = this.order;
    const payloads = this.payloads;
    const seq = this.pushed++;
    let i = this.count++;
    // Sift up: move parents that come later down into the hole.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && order[parent]! < seq)) break;
      times[i] = pt;
      order[i] = order[parent]!;
      payloads[i] = payloads[parent]!;
      i = parent;
    }
    times[i] = time;
    order[i] = seq;
    payloads[i] = payload;
  }

  /**
   * Removes the earliest event and returns its payload (read its time with `peekTime` first).
   * @throws {RangeError} when the queue is empty (a misuse).
   * @example const t = q.peekTime(); const payload = q.pop();
   */
  pop(): number {
    if (this.count === 0) throw new RangeError('EventQueue.pop: the queue is empty');
    const times = this.times;
    const order = this.order;
    const payloads = this.payloads;
    const top = payloads[0]!;
    const n = --this.count;
    if (n === 0) return top;
    const time = times[n]!;
    const seq = order[n]!;
    const payload = payloads[n]!;
    let i = 0;
    // Sift down the last element from the root.
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (
        right < n &&
        (times[right]! < times[child]! || (times[right]! === times[child]! && order[right]! < order[child]!))
      ) {
        child = right;
      }
      const ct = times[child]!;
      if (ct > time || (ct === time && order[child]! > seq)) break;
      times[i] = ct;
      order[i] = order[child]!;
      payloads[i] = payloads[child]!;
      i = child;
    }
    times[i] = time;
    order[i] = seq;
    payloads[i] = payload;
    return top;
  }
}
