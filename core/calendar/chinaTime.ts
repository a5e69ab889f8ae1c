/**
 * The clock the Chinese calendar is reckoned in: from 1929 China Standard Time (UTC+8); before that,
 * Beijing local mean time (longitude 116°25′ E, UTC+7:45:40), as in the Hong Kong Observatory's tables.
 * It decides on which day a new moon or a solar term that happens near midnight falls.
 */
const EPOCH_DAY_OF_1929 = -14975; // 1929-01-01
const BEIJING_LOCAL_MEAN_TIME_DAYS = (116 + 25 / 60) / 360;
const CHINA_STANDARD_TIME_DAYS = 8 / 24;

/** astronomy-engine counts Universal Time in days from 2000-01-01T12:00Z; epoch days count from 1970-01-01T00:00Z. */
export const EPOCH_DAYS_AT_J2000 = 10957.5;

/** The epoch day (days since 1970-01-01 in Chinese civil time) of a moment given as UTC epoch days. */
export function chinaCivilDayOf(utcEpochDays: number): number {
  const offset = utcEpochDays < EPOCH_DAY_OF_1929 ? BEIJING_LOCAL_MEAN_TIME_DAYS : CHINA_STANDARD_TIME_DAYS;
  return Math.floor(utcEpochDays + offset);
}
