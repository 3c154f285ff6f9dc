/**
 * Issue 12, item 6: a person sees readable sources ("Báo VnExpress", "Cổng TTĐT tỉnh Bắc Ninh", a plan as a citizen
 * names it), never internal keys or seed files, and never the notes meant for staff.
 */
import { describe, expect, it } from "vitest";
import { answerChoice } from "../../src/features/answers/index.js";
import { sourceSchema } from "../../src/content/schema/common.js";
import { library } from "../features/answers/answer-fixtures.js";

describe("content sources and staff notes", () => {
  it("the schema refuses internal keys and seed files as sources", () => {
    expect(sourceSchema.safeParse("vnexpress; vtcnews").success).toBe(false);
    expect(sourceSchema.safeParse("seed 000, mục V.3").success).toBe(false);
    expect(sourceSchema.safeParse("bacninh.gov.vn").success).toBe(false);
    expect(sourceSchema.safeParse("Báo VnExpress; Cổng TTĐT tỉnh Bắc Ninh").success).toBe(true);
  });

  it("every card of every pack shows a readable source and none of the staff's notes", () => {
    let notes = 0;
    for (const pack of library.packs.values()) {
      const items = [
        ...pack.festivals.map((f) => ({ payload: `festival:${f.id}`, note: f.staffNote })),
        ...pack.heritage.map((h) => ({ payload: `heritage:${h.id}`, note: h.staffNote })),
        ...pack.contacts.map((c) => ({ payload: `contact:${c.id}`, note: c.staffNote })),
        { payload: "menu:classes", note: pack.classes.map((c) => c.staffNote).find(Boolean) },
      ];
      for (const { payload, note } of items) {
        for (const language of ["vi", "en"] as const) {
          const reply = answerChoice(payload, { language, today: "2026-03-10", pack });
          const text = reply?.text ?? "";
          expect(text, `${pack.id} ${payload}`).not.toMatch(/\bseed\b|(?<!giai )đoạn|Nguồn: [a-z]+[;.]/i);
          if (note) {
            notes++;
            expect(text).not.toContain(note);
            expect(text).not.toMatch(/cán bộ cập nhật lịch/);
          }
        }
      }
    }
    expect(notes).toBeGreaterThan(0);
  });
});
