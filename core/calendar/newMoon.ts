/**
 * The day of a new moon in Chinese civil time, the day a lunar month begins.
 *
 * ICU's Chinese calendar finds new moons with a Keplerian approximation that can be several minutes
 * late, which puts a few new moons near midnight on the wrong day (e.g. it has 2027's 春节 on
 * 7 February; the Hong Kong Observatory and Purple Mountain Observatory have 6 February). See
 * unicode-org/icu#4070 and tc39/test262#4769.
 *
 * The new moon (朔) is the moment the Moon's apparent geocentric ecliptic longitude equals the Sun's
 * (GB/T 33661-2017). Positions come from astronomy-engine, with its ΔT (Espenak & Meeus). Its own
 * MoonPhase / SearchMoonPhase measure the Moon from the Sun's direction without aberration, which
 * makes every new moon about 40 s late (the Sun's 20.5″ aberration at the Moon's ~0.5″/s), so the
 * longitudes are compared here: SunPosition (apparent: corrected for light time, i.e. aberration)
 * against EclipticGeoMoon seen 1.28 s earlier (the light time from the Moon). Both are in the true
 * ecliptic of date.
 */
import { AstroTime, EclipticGeoMoon, Search, SunPosition } from 'astronomy-engine';
import { EPOCH_DAYS_AT_J2000, chinaCivilDayOf } from './chinaTime.js';

/** Light time from the Moon at its mean distance, 384,400 km (±0.07 s, a few hundredths of a second in the result). */
const MOON_LIGHT_TIME_DAYS = 1.2822 / 86_400;

/** The Moon's apparent longitude minus the Sun's, in degrees in [−180, 180): rising through 0 at a new moon. */
function elongation(time: AstroTime): number {
  const moon = EclipticGeoMoon(time.AddDays(-MOON_LIGHT_TIME_DAYS)).lon;
  const sun = SunPosition(time).elon;
  return ((((moon - sun + 180) % 360) + 360) % 360) - 180;
}

/**
 * The moment (UTC, in epoch days) of the new moon from two days before the day `epochDay` to two
 * days after it (in UTC), or null if there is none. The Moon gains 12° a day on the Sun, so the
 * window holds at most one.
 */
export function newMoonNear(epochDay: number): number | null {
  const ut = epochDay - EPOCH_DAYS_AT_J2000;
  const found = Search(elongation, new AstroTime(ut - 2), new AstroTime(ut + 3), { dt_tolerance_seconds: 0.1 });
  return found ? found.ut + EPOCH_DAYS_AT_J2000 : null;
}

/** Epoch day (Chinese civil time) of the new moon within two days of `epochDay` (see newMoonNear), or null. */
export function newMoonDayNear(epochDay: number): number | null {
  const moment = newMoonNear(epochDay);
  return moment === null ? null : chinaCivilDayOf(moment);
}
