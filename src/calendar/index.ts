// The calendar: Vietnamese lunar calendar, dates in Vietnam, festival date rules, public holidays
// and office hours. Imports nothing of ours outside this folder.

export { solarToLunar, lunarToSolar, leapMonthOf, lunarMonthLength, lunarYearMonths, LUNAR_MIN_YEAR, LUNAR_MAX_YEAR } from "./lunar.js";
export type { LunarDate, SolarDate } from "./lunar.js";
export { canChiOfYear, zodiacAnimalEn } from "./can-chi.js";
export {
  todayInVietnam,
  vietnamDateOf,
  vietnamTimeOf,
  VIETNAM_OFFSET_MS,
  addDays,
  daysBetween,
  weekday,
  weekdayName,
  formatDate,
  formatLunar,
  lunarMonthName,
  parseIsoDate,
  toIsoDate,
} from "./vietnam-date.js";
export type { Lang } from "./vietnam-date.js";
export { occurrenceInYear, nextOccurrence, occurrencesBetween } from "./date-rule.js";
export type { DateRule, Occurrence } from "./date-rule.js";
export { holidaysOf, isPublicHoliday, nationalDayPartner } from "./holidays.js";
export type { Holiday, HolidayOptions } from "./holidays.js";
export { isOfficeOpen, nextOfficeOpening, isWorkingDay, OFFICE_SESSIONS } from "./office-hours.js";
export type { OfficeOptions } from "./office-hours.js";
export { addWorkingDays, subtractWorkingDays, workingDeadline, workingDaysLeft, localInstant, OFFICE_OPENS_MINUTE, OFFICE_CLOSES_MINUTE } from "./working-days.js";
