/**
 * The astronomy behind the lunisolar calendar, written from the public formulas of Jean Meeus,
 * "Astronomical Algorithms", 2nd ed. (1998):
 * - ch. 49, instants of the true new moon (mean phase, periodic terms, 14 planetary terms);
 * - ch. 25, apparent solar longitude, low accuracy (about 0.01°, i.e. about 15 minutes of time);
 * - ΔT = TT − UT from the Espenak–Meeus polynomials (NASA eclipse web site, 2006).
 *
 * Instants are Julian days: `jde` is Terrestrial (dynamical) Time, `jd` is Universal Time.
 * Every function is O(1); nothing loops over days.
 */

const DEG = Math.PI / 180;

/** Julian day (UT) of 1970-01-01T00:00Z, i.e. of day number 0 at midnight UTC. */
export const JD_UNIX_EPOCH = 2440587.5;

/** Mean length of a synodic month in days (Meeus eq. 49.1). */
export const SYNODIC_MONTH = 29.530588861;

function sinDeg(degrees: number): number {
  return Math.sin(degrees * DEG);
}

/**
 * Reduces an angle in degrees to [0, 360).
 * @example normalizeDegrees(-30) // 330
 */
export function normalizeDegrees(degrees: number): number {
  const r = degrees % 360;
  return r < 0 ? r + 360 : r;
}

/**
 * ΔT = TT − UT in seconds for a decimal year, Espenak–Meeus polynomials (valid 1800–2150, with
 * their long-term parabola after 2150, which is what they publish for that range).
 * @example deltaTSeconds(2000) // ≈ 63.86
 */
export function deltaTSeconds(year: number): number {
  if (year < 1800 || year >= 2150) {
    const u = (year - 1820) / 100;
    return -20 + 32 * u * u;
  }
  if (year < 1860) {
    const t = year - 1800;
    return (
      13.72 -
      0.332447 * t +
      0.0068612 * t ** 2 +
      0.0041116 * t ** 3 -
      0.00037436 * t ** 4 +
      0.0000121272 * t ** 5 -
      0.0000001699 * t ** 6 +
      0.000000000875 * t ** 7
    );
  }
  if (year < 1900) {
    const t = year - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  }
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - year);
}

/** Decimal year of a Julian day (good enough to pick a ΔT polynomial). */
function decimalYear(jd: number): number {
  return 2000 + (jd - 2451545) / 365.25;
}

/**
 * Universal Time of a dynamical-time instant.
 * @example utFromTt(2451550.26) // ≈ 2451550.25926 (ΔT ≈ 64 s in 2000)
 */
export function utFromTt(jde: number): number {
  return jde - deltaTSeconds(decimalYear(jde)) / 86400;
}

/**
 * Dynamical time of a Universal-Time instant (ΔT varies by milliseconds per day, so evaluating it at
 * the UT instant instead of the TT one changes nothing at this precision).
 * @example ttFromUt(2451545) // ≈ 2451545.00074
 */
export function ttFromUt(jd: number): number {
  return jd + deltaTSeconds(decimalYear(jd)) / 86400;
}

/** Periodic terms of the new moon (Meeus table in ch. 49): [coefficient, power of E, M, M', F, Ω]. */
const NEW_MOON_TERMS: readonly (readonly [number, number, number, number, number, number])[] = [
  [-0.4072, 0, 0, 1, 0, 0],
  [0.17241, 1, 1, 0, 0, 0],
  [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0],
  [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0],
  [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0],
  [-0.00042, 0, 0, 3, 0, 0],
  [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0],
  [-0.00024, 1, -1, 2, 0, 0],
  [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0],
  [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0],
  [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0],
  [-0.00002, 0, -1, 1, -2, 0],
  [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

/** Planetary arguments A1–A14 of ch. 49: [coefficient, constant, rate per lunation]. */
const PLANETARY_TERMS: readonly (readonly [number, number, number])[] = [
  [0.000325, 299.77, 0.107408], // A1 also has −0.009173 T², added in newMoonTt
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

/**
 * Dynamical time (JDE) of the true new moon number `k`, counted from the new moon of
 * 2000-01-06 (k = 0), Meeus ch. 49. Accuracy: well under a minute for 1900–2200.
 * @example newMoonTt(0) // ≈ 2451550.2603 (2000-01-06 18:14:46 TT)
 */
export function newMoonTt(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const mean = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
  let correction = 0;
  for (const [c, ePower, cm, cmp, cf, co] of NEW_MOON_TERMS) {
    correction += c * e ** ePower * sinDeg(cm * m + cmp * mp + cf * f + co * omega);
  }
  for (const [index, [c, a0, rate]] of PLANETARY_TERMS.entries()) {
    const argument = a0 + rate * k - (index === 0 ? 0.009173 * t2 : 0);
    correction += c * sinDeg(argument);
  }
  return mean + correction;
}

/**
 * Universal Time (JD) of the true new moon number `k` (k = 0 is 2000-01-06).
 * @example newMoonUt(0) // ≈ 2451550.2595 (2000-01-06 18:13:42 UT)
 */
export function newMoonUt(k: number): number {
  return utFromTt(newMoonTt(k));
}

/**
 * Number `k` of the last new moon at or before the UT instant `jd` (exact: the mean-phase guess is
 * corrected against the true instants, at most a step or two).
 * @example newMoonIndexAtOrBefore(2451550.5) // 0
 */
export function newMoonIndexAtOrBefore(jd: number): number {
  let k = Math.floor((jd - 2451550.09766) / SYNODIC_MONTH);
  // The true new moon is within ±0.6 day of the mean one, so one step either way suffices.
  while (newMoonUt(k) > jd) k -= 1;
  while (newMoonUt(k + 1) <= jd) k += 1;
  return k;
}

/**
 * Apparent geocentric longitude of the Sun in degrees [0, 360), referred to the true equinox of
 * date, at the dynamical instant `jde` (Meeus ch. 25, low accuracy: about 0.01°).
 * @example sunLongitude(2448908.5) // ≈ 199.909 (Meeus example 25.a, 1992-10-13)
 */
export function sunLongitude(jde: number): number {
  const t = (jde - 2451545) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const c =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * sinDeg(m) +
    (0.019993 - 0.000101 * t) * sinDeg(2 * m) +
    0.000289 * sinDeg(3 * m);
  const omega = 125.04 - 1934.136 * t;
  // Nutation in longitude and aberration, the low-accuracy correction of Meeus ch. 25.
  return normalizeDegrees(l0 + c - 0.00569 - 0.00478 * sinDeg(omega));
}

/**
 * Dynamical instant near `jdeGuess` (within a few days) at which the apparent solar longitude is
 * `targetDegrees`, by Newton steps (Meeus ch. 27: Δt = 58 sin(target − λ) days).
 * @example solarLongitudeInstant(270, 2460665.5) // December solstice 2024, ≈ 2460665.885 TT
 */
export function solarLongitudeInstant(targetDegrees: number, jdeGuess: number): number {
  let jde = jdeGuess;
  for (let i = 0; i < 8; i++) {
    const step = 58 * sinDeg(targetDegrees - sunLongitude(jde));
    jde += step;
    if (Math.abs(step) < 1e-6) break;
  }
  return jde;
}
