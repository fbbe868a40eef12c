/**
 * Seeded pseudo-random numbers: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, 128-bit
 * state, passes PractRand) seeded through splitmix32. No `Math.random`: a simulation is a pure
 * function of its seed (STYLE.md habit 2).
 */
import { CalendarError } from '@tthc/calendar';

const TWO_POW_32 = 4294967296;

/**
 * One splitmix32 step: a well-mixed 32-bit value from `x` (used to expand seeds).
 * @example mix32(0) // 1684164658
 */
export function mix32(x: number): number {
  let t = (x + 0x9e3779b9) | 0;
  t ^= t >>> 16;
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/**
 * A 32-bit seed derived from a seed and stream ids, so independent streams (arrivals, each
 * dossier's k-th step visit) never share a sequence and do not depend on the order events happen
 * in — the basis of common random numbers across scenarios.
 * @example deriveSeed(42, 7, 0) // the seed of dossier 7's first step visit
 */
export function deriveSeed(seed: number, ...ids: readonly number[]): number {
  // Both 32-bit halves of a safe-integer seed feed the hash, asymmetrically (−1 and 0 must differ).
  let h = mix32((mix32(seed >>> 0) ^ Math.floor(seed / TWO_POW_32)) >>> 0);
  for (const id of ids) h = mix32((h ^ mix32(id >>> 0)) >>> 0);
  return h;
}

/**
 * A deterministic generator (sfc32). Reseedable in place so hot loops allocate nothing.
 * @example
 * const r = new Random(42);
 * r.float(); // a number in [0, 1), the same for every run with seed 42
 */
export class Random {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  /** The second normal deviate of the last polar-method pair (NaN when none is cached). */
  spare = Number.NaN;

  constructor(seed: number) {
    this.reseed(deriveSeed(checkSeed(seed)));
  }

  /**
   * Restarts the sequence from a 32-bit seed (the state is expanded with splitmix32 and warmed up).
   * @example r.reseed(deriveSeed(42, 3))
   */
  reseed(seed32: number): void {
    let s = seed32 >>> 0;
    this.a = s = mix32(s);
    this.b = s = mix32(s);
    this.c = s = mix32(s);
    this.d = mix32(s);
    this.spare = Number.NaN;
    // sfc32's authors discard the first outputs so weak seeds are mixed through the whole state.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /**
   * The next 32-bit unsigned integer.
   * @example new Random(1).uint32() // an integer in [0, 2^32)
   */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /**
   * A uniform number in [0, 1) with 32 random bits.
   * @example new Random(1).float() < 1 // true
   */
  float(): number {
    return this.uint32() / TWO_POW_32;
  }
}

/**
 * Checks a user seed: a safe integer (its two 32-bit halves both feed the state).
 * @throws {CalendarError} `INVALID_OPTIONS` naming `seed` and the value.
 * @example checkSeed(42) // 42
 */
export function checkSeed(seed: number, field = 'seed'): number {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new CalendarError('INVALID_OPTIONS', `${field}: expected a safe integer seed, got ${String(seed)}`, {
      field,
      value: seed,
    });
  }
  return seed;
}
