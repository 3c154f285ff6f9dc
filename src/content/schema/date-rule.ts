/**
 * When a festival happens: a lunar or solar day rule, with cross-field checks (lunar day 1..30, real solar dates,
 * the main day inside the span, leap months only in the lunar calendar).
 *
 * @example
 * { calendar: "lunar", month: 1, day: 12, days: 2, mainDay: 13 }          // Hội Lim, 12–13 tháng Giêng
 * { calendar: "solar", month: 3, day: 27, years: [2026] }                  // a one-off edition
 * { calendar: "lunar", month: 1, day: 4, every: { years: 3, from: 2026 } } // every three years
 */
import { z } from "zod";
import { daysInSolarMonth, intIn } from "./common.js";

// ===  Schema  ===

const everySchema = z.strictObject({
  years: intIn(2, 100),
  from: intIn(1000, 3000),
});

/** The date rule of a festival, as written in festivals.yaml. */
export const dateRuleSchema = z
  .strictObject({
    calendar: z.enum(["lunar", "solar"], { error: 'Must be "lunar" or "solar"' }),
    month: intIn(1, 12),
    day: intIn(1, 31),
    days: intIn(1, 90).default(1),
    mainDay: intIn(1, 31).optional(),
    leap: z.boolean().optional(),
    every: everySchema.optional(),
    years: z.array(intIn(1000, 3000)).min(1, "List at least one year").optional(),
  })
  .superRefine((rule, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (rule.calendar === "lunar") {
      if (rule.day > 30) issue("day", "Number must be ≤ 30 (a lunar month has 29 or 30 days)");
    } else {
      if (rule.leap !== undefined) issue("leap", "Only lunar dates have leap months");
      // Without a year list the rule recurs every year, so 29/2 would silently skip three years in four.
      const years = rule.years ?? [2001];
      for (const year of years) {
        const max = daysInSolarMonth(year, rule.month);
        if (rule.day > max) {
          issue("day", `Day ${rule.day} does not exist in month ${rule.month}${rule.years ? ` of ${year}` : ""}`);
          break;
        }
      }
    }
    if (rule.every && rule.years) issue("every", 'Use either "every" or "years", not both');
    if (rule.years && new Set(rule.years).size !== rule.years.length) issue("years", "Years must not repeat");
    if (rule.mainDay !== undefined && !mainDayInSpan(rule)) {
      issue("mainDay", `Main day ${rule.mainDay} is outside the ${rule.days} day(s) starting on day ${rule.day}`);
    }
  });

/** A validated date rule (`days` defaults to 1). */
export type DateRule = z.infer<typeof dateRuleSchema>;

// ===  Checks  ===

/** The main day may fall in the next month when the span crosses the month's end (e.g. 29/1 → 2/2). */
function mainDayInSpan(rule: { calendar: string; month: number; day: number; days: number; mainDay?: number }): boolean {
  const main = rule.mainDay!;
  const monthLength = rule.calendar === "lunar" ? 30 : daysInSolarMonth(undefined, rule.month);
  const offset = main >= rule.day ? main - rule.day : main + monthLength - rule.day;
  return offset < rule.days;
}
