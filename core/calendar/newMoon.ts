/**
 * The day of a new moon in Chinese civil time, the day a lunar month begins.
 *
 * ICU's Chinese calendar finds new moons with a Keplerian approximation that can be several minutes
 * late, which puts a few new moons near midnight on the wrong day (e.g. it has 2027's 春节 on
 * 7 February; the Hong Kong Observatory and Purple Mountain Observatory have 6 February). See
 * unicode-org/icu#4070 and tc39/test262#4769. Meeus, "Astronomical Algorithms", ch. 49, gives the
 * new moon to within seconds; with ΔT (Espenak & Meeus polynomials) that settles those days.
 */
import { chinaCivilDayOf } from './chinaTime.js';

const DEGREES = Math.PI / 180;
const JULIAN_DAY_OF_EPOCH = 2440587.5;
const FIRST_NEW_MOON_OF_2000 = 2451550.09766;
const SYNODIC_MONTH = 29.530588861;

const PERIODIC_TERMS: ReadonlyArray<readonly [coefficient: number, eccentricityPower: number, mPrime: number, m: number, f: number]> = [
  [-0.4072, 0, 1, 0, 0], [0.17241, 1, 0, 1, 0], [0.01608, 0, 2, 0, 0], [0.01039, 0, 0, 0, 2],
  [0.00739, 1, 1, -1, 0], [-0.00514, 1, 1, 1, 0], [0.00208, 2, 0, 2, 0], [-0.00111, 0, 1, 0, -2],
  [-0.00057, 0, 1, 0, 2], [0.00056, 1, 2, 1, 0], [-0.00042, 0, 3, 0, 0], [0.00042, 1, 0, 1, 2],
  [0.00038, 1, 0, 1, -2], [-0.00024, 1, 2, -1, 0], [-0.00007, 0, 1, 2, 0], [0.00004, 0, 2, 0, -2],
  [0.00004, 0, 0, 3, 0], [0.00003, 0, 1, 1, -2], [0.00003, 0, 2, 0, 2], [-0.00003, 0, 1, 1, 2],
  [0.00003, 0, 1, -1, 2], [-0.00002, 0, 1, -1, -2], [-0.00002, 0, 3, 1, 0], [0.00002, 0, 4, 0, 0],
];

/** Planetary arguments: [coefficient, A at k = 0, degrees per lunation]. */
const PLANETARY_TERMS: ReadonlyArray<readonly [number, number, number]> = [
  [0.000325, 299.77, 0.107408], [0.000165, 251.88, 0.016321], [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478], [0.00011, 84.66, 18.206239], [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732], [0.000056, 154.84, 7.30686], [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824], [0.00004, 291.34, 1.844379], [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099], [0.000023, 331.55, 3.592518],
];

/** Julian Ephemeris Day (TT) of new moon number `k` (k = 0: 6 January 2000). Meeus ch. 49. */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const meanJde = FIRST_NEW_MOON_OF_2000 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const eccentricity = 1 - 0.002516 * t - 0.0000074 * t2;
  const sunAnomaly = (2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3) * DEGREES;
  const moonAnomaly = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * DEGREES;
  const latitudeArgument = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * DEGREES;
  const ascendingNode = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * DEGREES;

  let correction = -0.00017 * Math.sin(ascendingNode);
  for (const [coefficient, eccentricityPower, mPrime, m, f] of PERIODIC_TERMS) {
    correction += coefficient * eccentricity ** eccentricityPower * Math.sin(mPrime * moonAnomaly + m * sunAnomaly + f * latitudeArgument);
  }
  for (const [coefficient, atZero, perLunation] of PLANETARY_TERMS) {
    const argument = (atZero + perLunation * k - (atZero === 299.77 ? 0.009173 * t2 : 0)) * DEGREES;
    correction += coefficient * Math.sin(argument);
  }
  return meanJde + correction;
}

/** ΔT = TT − UT in seconds, Espenak & Meeus (NASA eclipse site) polynomials for 1900–2150. */
export function deltaTSeconds(decimalYear: number): number {
  const y = decimalYear;
  if (y < 1920) { const t = y - 1900; return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4; }
  if (y < 1941) { const t = y - 1920; return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3; }
  if (y < 1961) { const t = y - 1950; return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547; }
  if (y < 1986) { const t = y - 1975; return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718; }
  if (y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y < 2050) { const t = y - 2000; return 62.92 + 0.32217 * t + 0.005589 * t ** 2; }
  return -20 + 32 * ((y - 1820) / 100) ** 2 - 0.5628 * (2150 - y);
}

/** Epoch day (Chinese civil time) of the new moon nearest to `epochDay`. */
export function newMoonDayNear(epochDay: number): number {
  const k = Math.round((epochDay + JULIAN_DAY_OF_EPOCH - FIRST_NEW_MOON_OF_2000) / SYNODIC_MONTH);
  const jde = newMoonJde(k);
  const decimalYear = 2000 + (jde - 2451544.5) / 365.25;
  const universalTime = jde - deltaTSeconds(decimalYear) / 86_400;
  return chinaCivilDayOf(universalTime - JULIAN_DAY_OF_EPOCH);
}
