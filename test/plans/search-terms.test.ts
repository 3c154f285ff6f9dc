/**
 * The plan search's terms and ranking rules (src/plans/terms.ts, plan-search.ts, section-support.ts) on the real
 * vocabulary and plans: one spelling per tone placement, paraphrase groups read on the plans' diacritics, a plan named
 * by its title words, rarity within the plan searched, and a what-answer's section support.
 */
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/index.js";
import { PlanEngine, planVocabulary } from "../../src/plans/index.js";
import { accentedSyllables, textGroupTerms } from "../../src/plans/terms.js";
import { bySection } from "../../src/plans/section-support.js";
import type { PlanHit } from "../../src/plans/index.js";

const library = loadContent("content");
const engine = PlanEngine.fromPacks(library.packs.values());
const vocab = planVocabulary();

describe("terms", () => {
  it("both placements of a tone on 'oa', 'oe', 'uy' give one spelling; other syllables keep theirs", () => {
    expect(accentedSyllables("văn hóa văn hoá")).toEqual(["văn", "hoá", "văn", "hoá"]);
    expect(accentedSyllables("Ủy ban Uỷ ban khỏe khoẻ")).toEqual(["uỷ", "ban", "uỷ", "ban", "khoẻ", "khoẻ"]);
    expect(accentedSyllables("của mùa hoàn quý")).toEqual(["của", "mùa", "hoàn", "quý"]);
  });

  it("a plan's text gives a paraphrase group only where its words say it with their diacritics", () => {
    const money = textGroupTerms("kinh phí", vocab.phrases).filter((t) => !t.endsWith("'"));
    expect(money).toHaveLength(1);
    // "tiến độ", "ưu tiên", "tiên phong" fold to "tien" like "tiền" (money), but are not money.
    for (const text of ["theo dõi tiến độ", "ưu tiên phát triển", "vai trò tiên phong"]) expect(textGroupTerms(text, vocab.phrases), text).not.toContain(money[0]);
    expect(textGroupTerms("tiền", vocab.phrases)).toContain(money[0]);
  });
});

describe("ranking", () => {
  const top = (pack: string, q: string) => {
    const question = engine.question(q, "vi");
    return engine.search(question.text, pack, question.shape, false, 3)[0]?.passage.sectionId;
  };

  it("'kế hoạch hội nhập' names the plan: the money asked about decides, and the funding part ranks first", () => {
    expect(top("vo-cuong", "tiền để làm kế hoạch hội nhập lấy ở đâu")).toMatch(/^IV/);
    expect(top("tan-an", "kinh phí thực hiện kế hoạch hội nhập từ đâu ra")).toBe("V");
  });

  it("a section titled by a unit is not about what its unit's name paraphrases ('Phòng Tài chính' is not money)", () => {
    expect(top("vo-cuong", "kinh phí thực hiện lấy ở đâu")).toMatch(/^IV/);
    // Asked who, the unit's section answers.
    expect(top("vo-cuong", "phòng nào bố trí kinh phí")).toBe("V.5");
  });

  it("a section's support counts its passages nearly as good as its best, not every passage that names the theme", () => {
    const sections = new Map<string, object>();
    const section = (id: string) => sections.get(id) ?? (sections.set(id, { id }), sections.get(id)!);
    const hit = (sectionId: string, score: number): PlanHit => ({ passage: { sectionId, section: section(sectionId), plan: { planId: "p" } } as never, score, coverage: 1, words: 1 });
    const one = hit("A", 10);
    const many = [hit("B", 9), hit("B", 6), hit("B", 6), hit("B", 6)];
    expect(bySection([one, ...many])[0]).toBe(one);
    // Two passages nearly as good as the best: their section goes first.
    const close = [hit("C", 9.5), hit("C", 9)];
    expect(bySection([one, ...close])[0].passage.sectionId).toBe("C");
  });
});

describe("members named in a unit's section", () => {
  it("'- Hội Liên hiệp Phụ nữ, Đoàn Thanh niên, …: …' gives those members their duties; an enumeration's lead-in does not", () => {
    const top = (pack: string, q: string) => {
      const question = engine.question(q, "vi");
      return engine.search(question.text, pack, question.shape, false, 3)[0]?.passage;
    };
    for (const q of ["đoàn thanh niên với hội phụ nữ phường làm những việc gì", "hoi cuu chien binh duoc giao viec gi"]) expect(top("tan-an", q)?.sectionId, q).toBe("VI.4");
  });
});
