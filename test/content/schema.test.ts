import { describe, expect, it } from "vitest";
import { classEntrySchema, contactSchema, dateRuleSchema, heritageItemSchema, validate, type ContentIssue } from "../../src/content/index.js";

/** Validate one value and return "path: message" lines ([] when valid). */
function problems(schema: Parameters<typeof validate>[2], data: unknown): string[] {
  const issues: ContentIssue[] = [];
  validate("f.yaml", data, schema, issues);
  return issues.map((i) => `${i.path}: ${i.message}`);
}

describe("date rules", () => {
  it("accepts the festival shapes the packs use", () => {
    expect(problems(dateRuleSchema, { calendar: "lunar", month: 1, day: 12, days: 2, mainDay: 13 })).toEqual([]);
    expect(problems(dateRuleSchema, { calendar: "lunar", month: 2, day: 2, leap: true })).toEqual([]);
    expect(problems(dateRuleSchema, { calendar: "solar", month: 3, day: 27, years: [2026] })).toEqual([]);
    expect(problems(dateRuleSchema, { calendar: "lunar", month: 9, day: 1, every: { years: 3, from: 2026 } })).toEqual([]);
    expect(problems(dateRuleSchema, { calendar: "solar", month: 2, day: 29, years: [2028] })).toEqual([]);
    // A span across the month's end: main day in the next month.
    expect(problems(dateRuleSchema, { calendar: "lunar", month: 1, day: 29, days: 4, mainDay: 2 })).toEqual([]);
  });

  it("defaults days to 1", () => {
    expect(dateRuleSchema.parse({ calendar: "lunar", month: 8, day: 16 }).days).toBe(1);
  });

  it("rejects impossible dates with the field that is wrong", () => {
    expect(problems(dateRuleSchema, { calendar: "lunar", month: 13, day: 1 })).toEqual(["month: Number must be ≤ 12"]);
    expect(problems(dateRuleSchema, { calendar: "lunar", month: 1, day: 0 })).toEqual(["day: Number must be ≥ 1"]);
    expect(problems(dateRuleSchema, { calendar: "lunar", month: 1, day: 31 })).toEqual(["day: Number must be ≤ 30 (a lunar month has 29 or 30 days)"]);
    expect(problems(dateRuleSchema, { calendar: "solar", month: 4, day: 31 })).toEqual(["day: Day 31 does not exist in month 4"]);
    expect(problems(dateRuleSchema, { calendar: "solar", month: 2, day: 29 })).toEqual(["day: Day 29 does not exist in month 2"]);
    expect(problems(dateRuleSchema, { calendar: "solar", month: 2, day: 29, years: [2028, 2027] })).toEqual(["day: Day 29 does not exist in month 2 of 2027"]);
    expect(problems(dateRuleSchema, { calendar: "lunar", month: 1, day: 1.5 })).toEqual(["day: Must be a whole number"]);
    expect(problems(dateRuleSchema, { calendar: "moon", month: 1, day: 1 })).toEqual(['calendar: Must be "lunar" or "solar"']);
  });

  it("checks fields against each other", () => {
    expect(problems(dateRuleSchema, { calendar: "solar", month: 3, day: 1, leap: true })).toEqual(["leap: Only lunar dates have leap months"]);
    expect(problems(dateRuleSchema, { calendar: "lunar", month: 1, day: 12, days: 2, mainDay: 15 })).toEqual([
      "mainDay: Main day 15 is outside the 2 day(s) starting on day 12",
    ]);
    expect(problems(dateRuleSchema, { calendar: "lunar", month: 1, day: 1, every: { years: 3, from: 2026 }, years: [2026] })).toEqual([
      'every: Use either "every" or "years", not both',
    ]);
    expect(problems(dateRuleSchema, { calendar: "lunar", month: 1, day: 1, every: { years: 1, from: 2026 } })).toEqual(["every.years: Number must be ≥ 2"]);
  });
});

describe("item schemas", () => {
  const contact = { id: "cong-an", names: { vi: "Công an" }, role: { vi: "Vai trò" }, source: "Kế hoạch thử, mục V.3" };

  it("loads an unknown phone as null, whether left out or written null", () => {
    expect(contactSchema.parse(contact)).toMatchObject({ phone: null, email: null, address: null });
    expect(problems(contactSchema, { ...contact, phone: null, hours: null })).toEqual([]);
  });

  it("refuses a contact detail without a source for it", () => {
    expect(problems(contactSchema, { ...contact, email: "vh@example.gov.vn" })).toEqual([
      "contactSource: email is set: say where it was checked (never invent contact details)",
    ]);
    expect(problems(contactSchema, { ...contact, phone: "0222 3822 123", contactSource: "bacninh.gov.vn, 2026" })).toEqual([]);
    expect(problems(contactSchema, { ...contact, phone: 912345678, contactSource: "x" })).toEqual([
      'phone: Write the phone number in quotes, e.g. "0222 3822 123"',
    ]);
    expect(problems(contactSchema, { ...contact, phone: "call us", contactSource: "x" })).toEqual([
      "phone: Must look like a phone number (digits, spaces, dots, dashes)",
    ]);
  });

  it("needs a capacity for an open class, and a real first session date", () => {
    const base = { id: "lop", title: { vi: "Lớp" }, kind: "quan_ho", source: "Nguồn thử" };
    expect(problems(classEntrySchema, { ...base, status: "open" })).toEqual(["capacity: An open class needs a capacity"]);
    expect(problems(classEntrySchema, { ...base, status: "not_scheduled" })).toEqual([]);
    expect(problems(classEntrySchema, { ...base, status: "open", capacity: 30, firstSession: "2026-02-30" })).toEqual([
      "firstSession: Not a real calendar date",
    ]);
  });

  it("checks a UNESCO date against its year", () => {
    const item = { id: "x", names: { vi: "X" }, kind: "intangible", description: { vi: "…" }, source: "Nguồn thử" };
    expect(problems(heritageItemSchema, { ...item, unesco: { list: "RL", year: 2009, date: "2009-09-30" } })).toEqual([]);
    expect(problems(heritageItemSchema, { ...item, unesco: { list: "RL", year: 2010, date: "2009-09-30" } })).toEqual([
      "unesco.date: Date 2009-09-30 is not in year 2010",
    ]);
    expect(problems(heritageItemSchema, { ...item, kind: "museum" })).toEqual([
      "kind: Must be one of: relic, intangible, craft_village, ocop, documentary, site",
    ]);
  });
});

describe("translated text", () => {
  it("takes Chinese and Korean with a reviewed flag per language, and names a flag without its text", async () => {
    const { textSchema, unreviewed } = await import("../../src/content/index.js");
    const text = { vi: "Hội Lim", en: "Lim Festival", zh: "林会", ko: "림 축제", reviewed: { zh: true, ko: false } };
    expect(problems(textSchema, text)).toEqual([]);
    expect(unreviewed(textSchema.parse(text), "zh")).toBe(false);
    expect(unreviewed(textSchema.parse(text), "ko")).toBe(true);
    // A translation without a flag counts as not reviewed.
    expect(unreviewed(textSchema.parse({ vi: "Hội Lim", zh: "林会" }), "zh")).toBe(true);
    expect(problems(textSchema, { vi: "Hội Lim", reviewed: { ko: true } })).toEqual(['reviewed.ko: "reviewed.ko" is set but there is no "ko" text']);
    expect(problems(textSchema, { vi: "Hội Lim", zh: "  " })).toEqual(["zh: Must not be empty"]);
  });
});
