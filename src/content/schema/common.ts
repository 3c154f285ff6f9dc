/**
 * Building blocks shared by every content file schema: ids, text in four languages, sources, optional fields.
 *
 * @example
 * const item = z.strictObject({ id: idSchema, names: textSchema, source: sourceSchema });
 */
import { z } from "zod";

// ===  Scalars  ===

/** A kebab-case id ("hoi-lim", "phong-van-hoa-xa-hoi"): stable, used in links and routing. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Must be a kebab-case id (a-z, 0-9, single dashes), e.g. \"hoi-lim\"");

/** Non-empty text after trimming. */
export const nonEmpty = z.string().trim().min(1, "Must not be empty");

/**
 * Where a fact comes from, as a person reads it (it is shown as "Nguồn: …"): a plan as a citizen names it
 * ("Kế hoạch hội nhập quốc tế về văn hóa phường Võ Cường 2026–2030, mục V.1") or a public source ("Báo VnExpress",
 * "Cổng TTĐT tỉnh Bắc Ninh"), several joined with "; ". Internal keys ("vnexpress", "seed 000") are refused.
 */
export const sourceSchema = nonEmpty.superRefine((value, ctx) => {
  for (const part of value.split(";").map((p) => p.trim())) {
    if (/\bseed\b|\.txt\b/i.test(part) || /^[a-z0-9.-]+$/.test(part)) {
      ctx.addIssue({ code: "custom", message: `Write the source as a person names it ("Báo VnExpress", "Cổng TTĐT tỉnh Bắc Ninh", "Kế hoạch …, mục V.1"), not "${part}"` });
    }
  }
});

/** A note for the staff who keep the content ("mẫu – cán bộ cập nhật lịch"): never shown to a person. */
export const staffNoteSchema = nonEmpty;

/** An integer in [min, max], with messages that read well in a start-up error. */
export function intIn(min: number, max: number) {
  return z
    .number({ error: "Expected a number" })
    .int("Must be a whole number")
    .min(min, `Number must be ≥ ${min}`)
    .max(max, `Number must be ≤ ${max}`);
}

/** A calendar date written "YYYY-MM-DD" that exists (no 2026-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Must be a date written YYYY-MM-DD")
  .refine(isRealDate, "Not a real calendar date");

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInSolarMonth(y, m);
}

/** Days in a Gregorian month; `year` undefined means "any year", so February allows 29. */
export function daysInSolarMonth(year: number | undefined, month: number): number {
  if (month === 2) {
    if (year === undefined) return 29;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// ===  Text  ===

/** The translations a text may carry beside Vietnamese. */
export const TRANSLATIONS = ["en", "zh", "ko"] as const;

/** A language a text may be translated into. */
export type Translation = (typeof TRANSLATIONS)[number];

/**
 * Text a person reads: Vietnamese required; English, Chinese (Simplified) and Korean optional. The bot shows
 * Chinese and Korean readers their language, else English, else Vietnamese, never an empty field.
 * `reviewed` says which machine or volunteer translations staff have checked: a zh/ko text without
 * `reviewed: { zh: true }` is "not reviewed yet" on the console (the bot still uses it).
 *
 * @example { vi: "Hội Lim", en: "Lim Festival", zh: "林会", ko: "림 축제", reviewed: { zh: false, ko: false } }
 */
export const textSchema = z
  .strictObject({
    vi: nonEmpty,
    en: nonEmpty.optional(),
    zh: nonEmpty.optional(),
    ko: nonEmpty.optional(),
    reviewed: z.strictObject({ zh: z.boolean().optional(), ko: z.boolean().optional() }).optional(),
  })
  .superRefine((t, ctx) => {
    for (const lang of ["zh", "ko"] as const) {
      if (t.reviewed?.[lang] !== undefined && t[lang] === undefined) {
        ctx.addIssue({ code: "custom", path: ["reviewed", lang], message: `"reviewed.${lang}" is set but there is no "${lang}" text` });
      }
    }
  });

/** Content text as loaded. */
export type Text = z.infer<typeof textSchema>;

/**
 * Whether a text's translation into `lang` is written but not yet reviewed by staff.
 * @example unreviewed({ vi: "Hội Lim", zh: "林会" }, "zh") // true
 */
export function unreviewed(text: Text, lang: "zh" | "ko"): boolean {
  return text[lang] !== undefined && text.reviewed?.[lang] !== true;
}

/** Other spellings a person may type; matching ignores diacritics, so "hoi lim" and "hội lim" are one. */
export const aliasesSchema = z.array(nonEmpty).default([]);

// ===  Optional fields  ===

/**
 * An optional field. Staff may also write `null` for "not known": the loader drops null map values before
 * validation (see `dropNulls`), so here it is a plain `.optional()` and code checks `undefined` only.
 */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.optional();
}

/**
 * A contact detail that is either known or `null` ("chưa cập nhật"). Left out (or written `null`) loads as `null`,
 * so an unknown phone number can never be mistaken for an empty one.
 */
export function unknownOr<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null);
}

/**
 * Drop `null` values from maps, recursively, so "not known" written as `null` equals a key left out.
 * Array elements are kept as they are, so a stray `- null` in a list is still reported.
 *
 * @example dropNulls({ a: null, b: { c: null, d: 1 } }) // { b: { d: 1 } }
 */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== null) out[key] = dropNulls(v);
    return out;
  }
  return value;
}

// ===  Lists  ===

/**
 * A list of items with unique ids: a duplicate id is reported at the second occurrence.
 *
 * @example listOf(festivalSchema) // validates festivals.yaml
 */
export function listOf<T extends z.ZodType<{ id: string }>>(item: T) {
  return z.array(item).superRefine((items, ctx) => {
    const seen = new Map<string, number>();
    items.forEach((it, index) => {
      const first = seen.get(it.id);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path: [index, "id"], message: `Duplicate id "${it.id}" (first at [${first}])` });
      } else seen.set(it.id, index);
    });
  });
}
