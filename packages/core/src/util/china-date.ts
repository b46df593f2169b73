/** Dates people read here are China's calendar days (UTC+8, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar day (China time) an instant falls on, as YYYY-MM-DD. */
export const chinaDate = (instant: Date): string =>
  new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
