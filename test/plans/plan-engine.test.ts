/**
 * Unit tests of the plan engine (src/plans) on the real plan files: question types, search terms and paraphrases,
 * the English glossary, retrieval, the answer's lead, citations, and the LangChain retriever.
 */
import { Document } from "@langchain/core/documents";
import { describe, expect, it, vi } from "vitest";
import { loadContent } from "../../src/content/index.js";
import { PLAN_QUESTION_CHARS, PlanEngine, citationLine, planName, planVocabulary, questionType, sectionName } from "../../src/plans/index.js";
import { englishFrame, keyClause, unitOf } from "../../src/plans/answer-lead.js";
import { excerpt } from "../../src/plans/quote.js";
import { PlanRetriever } from "../../src/plans/plan-retriever.js";
import { accentedSyllables, syllables, termsOf } from "../../src/plans/terms.js";

const library = loadContent("content");
const engine = PlanEngine.fromPacks(library.packs.values());
const ask = (pack: string, q: string, language: "vi" | "en" = "vi") => engine.answer(q, { lineage: library.pack(pack).lineage, language });

describe("question types", () => {
  it.each([
    ["ai lo tiền làm kế hoạch", "who"],
    ["phong nao phu trach so hoa", "who"],
    ["Which department handles heritage?", "who"],
    ["bao nhiêu % cán bộ được tập huấn", "how_many"],
    ["How many classes a year?", "how_many"],
    ["khi nào phải nộp báo cáo", "when"],
    ["han chot nop bao cao la ngay may", "when"],
    ["festival bao lâu tổ chức một lần", "when"],
    ["lớp học mở ở đâu", "where"],
    ["kế hoạch có nhắc tới Văn miếu không ạ", "yes_no"],
    ["mục tiêu chung là gì", "what"],
    ["ke hoach tan an ai ky", "header"],
    ["kế hoạch 220 ký ngày nào", "header"],
    ["Which decision does the plan implement?", "header"],
    // "signature" products are not the plan's signature; a date of something else is not the plan's date.
    ["Who is in charge of choosing the ward's signature products?", "who"],
    ["When will Tan An's signature tourism product be built?", "when"],
    ["Hội nghị Văn hóa toàn quốc mà kế hoạch nhắc tới diễn ra ngày nào", "when"],
    ["kế hoạch này của ai", "header"],
    ["gửi báo cáo cho ai", "who"],
    ["kế hoạch do ủy ban nào ban hành", "header"],
    ["kế hoạch bắc giang căn cứ vào đâu", "header"],
    ["Kế hoạch này thuộc giai đoạn nào?", "header"],
    ["What is the number of Bac Ninh's cultural diplomacy plan?", "header"],
    ["Which provincial plan does the Vo Cuong plan implement?", "header"],
    ["What is the budget in VND for the plan?", "how_many"],
    ["kinh phí thực hiện kế hoạch lấy ở đâu", "what"],
  ])("%s → %s", (q, type) => {
    expect(questionType(q).type).toBe(type);
  });

  it("says which header fact and whether a when-question asks how often", () => {
    expect(questionType("Who signed the plan?").header).toBe("signer");
    expect(questionType("kế hoạch phường làm theo văn bản nào của tỉnh").header).toBe("implements");
    expect(questionType("mấy năm tổ chức một lần").frequency).toBe(true);
  });

  it("reads 'mấy' beside another question word as the plural of chat, not a count", () => {
    expect(questionType("tiền đâu ra để làm mấy việc này").type).toBe("what");
    expect(questionType("ai kiem tra may dong tien chi cho hoat dong").type).toBe("who");
    expect(questionType("phường làm gì với mấy tờ rơi nói sai lịch sử").type).toBe("what");
    expect(questionType("phuong co luu lai tu lieu le hoi bang may tinh ko").type).toBe("yes_no");
    // Alone, or with "bao nhiêu", it still counts.
    expect(questionType("mỗi tổ dân phố tổ chức mấy buổi sinh hoạt").type).toBe("how_many");
    expect(questionType("ai được giao bao nhiêu tiền mấy năm").type).toBe("how_many");
    expect(ask("tan-an", "tien dau ra de lam may viec nay").covered).toBe(true);
  });
});

describe("search terms", () => {
  const vocab = planVocabulary();

  it("give everyday words the plans' group: 'nói sai' is 'xuyên tạc', 'canh chừng' is 'ngăn chặn', 'gửi kết quả lên' is 'báo cáo'", () => {
    const group = (phrase: string) => termsOf(syllables(phrase), vocab.phrases).filter((t) => t.startsWith("@"));
    for (const [everyday, plan] of [["nói sai", "xuyên tạc"], ["canh chừng", "ngăn chặn"], ["gửi kết quả", "báo cáo"], ["bớt lộn xộn", "an toàn"], ["khen thưởng", "tôn vinh"], ["kêu", "phản ánh"]]) {
      expect(group(everyday), everyday).toEqual(expect.arrayContaining(group(plan)));
    }
  });

  it("are folded syllables and syllable pairs, so diacritics do not matter", () => {
    expect(termsOf(syllables("Lễ hội Đền Đô"))).toEqual(termsOf(syllables("le hoi den do")));
    expect(termsOf(syllables("lễ hội"))).toContain("le hoi");
  });

  it("give paraphrases one group term: 'tiền' and 'kinh phí', 'cầm trịch' and 'chủ trì'", () => {
    const group = (text: string) => termsOf(syllables(text), vocab.phrases, accentedSyllables(text)).filter((t) => t.startsWith("@"));
    expect(group("tiền")).toEqual(group("kinh phí"));
    expect(group("cầm trịch")).toEqual(group("chủ trì"));
    // With diacritics "tiến độ" (progress) is not money; without them the folded group term still matches.
    expect(group("tiến độ")).not.toEqual(group("tiền"));
  });

  it("read English verb forms and chat abbreviations of plan words", () => {
    expect(vocab.toVietnamese("Who organises the classes? How is it funded? Does it host events?")).toMatch(/tổ chức.*kinh phí.*đăng cai/);
    expect(vocab.expandAbbreviations("tỉnh phấn đấu mấy sp ocop, tdp làm gì")).toBe("tỉnh phấn đấu mấy sản phẩm ocop, tổ dân phố làm gì");
  });

  it("count a syllable found only inside another word as part of it ('giá đất' is not 'giá trị' + 'đất nước')", () => {
    const coverage = (q: string) => engine.index.search(q, { packIds: ["bac-ninh"], k: 1 })[0]?.coverage ?? 0;
    expect(coverage("giá đất")).toBeLessThan(0.6);
    expect(coverage("giá trị văn hóa")).toBeGreaterThan(0.9);
  });

  it("put English plan terms into the plans' Vietnamese words", () => {
    const out = vocab.toVietnamese("Who is responsible for the budget?");
    expect(out).toContain("chủ trì");
    expect(out).toContain("kinh phí");
    expect(vocab.toVietnamese("digital transformation")).toBe("chuyển đổi số");
  });
});

describe("retrieval and answers", () => {
  it("finds the same section with and without diacritics", () => {
    const a = ask("vo-cuong", "khi nào phải nộp báo cáo kết quả");
    const b = ask("vo-cuong", "khi nao phai nop bao cao ket qua");
    expect(a.sections).toEqual(["V.8"]);
    expect(b.sections).toEqual(a.sections);
  });

  it("finds an appendix row by a paraphrase and leads with its lead unit", () => {
    const a = ask("tan-an", "bên nào cầm trịch việc số hoá di sản");
    expect(a.sections).toEqual(["appendix:3"]);
    expect(a.text.split("\n")[0]).toMatch(/^Cơ quan chủ trì: Phòng Văn Hóa – Xã hội phường/);
  });

  it("answers English questions from the same passages", () => {
    expect(ask("vo-cuong", "When must units send their yearly report?", "en").sections).toEqual(["V.8"]);
    expect(ask("kon-ray", "Who trains workers going abroad in cultural behaviour?", "en").sections).toEqual(["V.7"]);
  });

  it("is not covered when nothing in the plans holds the answer, and invents no figure", () => {
    for (const q of ["giá vé máy bay đi Tokyo", "trưởng phòng văn hóa tên là gì", "tổng kinh phí là bao nhiêu tỷ", "số điện thoại phòng văn hóa"]) {
      const a = ask("vo-cuong", q);
      expect(a.covered, q).toBe(false);
      expect(a.text).not.toMatch(/\d+ tỷ|0\d{9}|\d{3} \d{3}/);
    }
  });

  it("a word no plan uses counts less toward coverage than a plan word: it is a paraphrase, not another topic", () => {
    // "lộn xộn" (messy) is the plan's "văn minh, an toàn"; "bớt", "xộn" are in no plan.
    expect(engine.index.weight("xon")).toBeLessThan(engine.index.weight("le hoi"));
    const evidence = (q: string) => engine.evidence(engine.question(q, "vi"), library.pack("tan-an").lineage);
    expect(evidence("làm sao cho lễ hội bớt lộn xộn").coverage).toBeGreaterThanOrEqual(engine.minCoverage);
    // Questions about what no plan holds stay not covered.
    for (const q of ["giá vé máy bay đi Tokyo", "thủ tục cấp sổ đỏ mất bao lâu"]) expect(evidence(q).coverage, q).toBeLessThan(engine.minCoverage);
  });

  it("a how-many answer needs a figure about what is counted", () => {
    expect(ask("tan-an", "mỗi tổ dân phố tổ chức mấy buổi sinh hoạt truyền thông").text).toMatch(/01 buổi/);
    expect(ask("tan-an", "festival quan họ năm 2026 có bao nhiêu du khách").covered).toBe(false);
  });

  it("answers a ward's question from the province's plan when the ward's does not hold it", () => {
    const a = ask("vo-cuong", "tỉnh đặt mục tiêu đến 2030 có thêm mấy di sản được UNESCO công nhận");
    expect(a).toMatchObject({ covered: true, fromParent: true, packId: "bac-ninh", sections: ["I.2"] });
  });

  it("scores the passages once per message: routing's evidence and the answer share one PlanQuestion", () => {
    const lineage = library.pack("vo-cuong").lineage;
    const score = vi.spyOn(engine.index, "score");
    try {
      const question = engine.question("ai chủ trì việc số hóa di sản?", "vi");
      expect(engine.evidence(question, lineage).coverage).toBeGreaterThan(0);
      const answer = engine.answer(question, { lineage, language: "vi" });
      expect(score).toHaveBeenCalledTimes(1);
      expect(answer).toEqual(engine.answer("ai chủ trì việc số hóa di sản?", { lineage, language: "vi" }));
      expect(score).toHaveBeenCalledTimes(2);
    } finally {
      score.mockRestore();
    }
  });

  it("reads the best passages of any pack from one scoring: best first, ties in passage order, as a stable sort", () => {
    const scored = engine.index.score("kinh phi thuc hien ke hoach", {});
    const all = scored.top(undefined, Number.MAX_SAFE_INTEGER);
    expect(all.length).toBeGreaterThan(20);
    const sorted = [...all].sort((x, y) => engine.index.passages.indexOf(x.passage) - engine.index.passages.indexOf(y.passage)).sort((x, y) => y.score - x.score);
    expect(all).toEqual(sorted);
    for (const packId of ["tan-an", "bac-ninh"]) {
      for (const k of [1, 6]) expect(scored.top([packId], k)).toEqual(all.filter((h) => h.passage.packId === packId).slice(0, k));
    }
    expect(engine.index.search("kinh phi thuc hien ke hoach", { packIds: ["tan-an"], k: 3 })).toEqual(scored.top(["tan-an"], 3));
  });

  it("a message with no word asks nothing of the plans ('2' is not section IV.2)", () => {
    expect(engine.evidence(engine.question("2", "vi"), library.pack("vo-cuong").lineage).coverage).toBe(0);
  });

  it("how many, when the plan lists without a number: the list, saying the plan gives no number", () => {
    const a = ask("kon-ray", "huyện giao lưu với mấy nước");
    expect(a.text.split("\n")[0]).toBe("Kế hoạch không nêu con số; mục này liệt kê như sau.");
    expect(a).toMatchObject({ covered: true, sections: ["III.4"] });
    expect(a.text).toContain("Ubon Ratchathani");
  });

  it("how many, when each of a part's sections is one of what is counted: their titles", () => {
    const a = ask("tan-an", "kế hoạch chia làm mấy giai đoạn");
    expect(a.text.split("\n").slice(0, 2)).toEqual([
      "Kế hoạch không nêu con số, nhưng có các mục sau:",
      "mục IV.1 (Giai đoạn 1: Khởi động và xây dựng nền tảng (2026 - 2027)); mục IV.2 (Giai đoạn 2: Phát triển và mở rộng (2028 - 2030)).",
    ]);
  });

  it("a text cut off before its assignments still answers what its goals say about budgets", () => {
    const a = ask("bac-ninh", "tỉnh có tăng chi ngân sách cho văn hóa không");
    expect(a).toMatchObject({ covered: true, sections: ["I.2"] });
    expect(ask("bac-ninh", "kinh phí thực hiện kế hoạch 220 lấy từ đâu").covered).toBe(false);
  });

  it("a text cut off before its assignments does not say what a named unit is given to do", () => {
    const a = ask("bac-ninh", "so ngoai vu bac ninh duoc giao nhiem vu gi");
    expect(a.covered).toBe(false);
    expect(a.text).toContain("bị cắt sau mục III.3");
  });

  it("finds a unit's own section when the question names the unit by a paraphrase or in English", () => {
    expect(ask("tan-an", "mặt trận tổ quốc phường có nhiệm vụ gì").sections[0]).toBe("VI.4");
    // "tổ" and "an" fold to English stop words; in a plan term put into Vietnamese they stay.
    expect(ask("tan-an", "What must neighbourhood groups do if they spot content against local customs?", "en").sections[0]).toBe("VI.5");
  });

  it("an English count may be named by any word of its noun phrase", () => {
    const a = ask("bac-ninh", "How many big cultural diplomacy events a year should Bac Ninh take part in?", "en");
    expect(a).toMatchObject({ covered: true, sections: ["I.2"] });
    expect(a.text.split("\n")[0]).toContain("01 hoạt động ngoại giao văn hoá có quy mô lớn");
  });

  it("takes well under a millisecond per question once built", () => {
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) ask("tan-an", "ai lo số hóa di sản ở phường");
    expect(performance.now() - t0).toBeGreaterThan(0); // figures come from npm run eval:answers, not from here
  });
});

describe("the lead", () => {
  const passage = (pack: string, id: string) => engine.index.passages.find((p) => p.packId === pack && p.sectionId === id)!;

  it("names the unit from the section or the row, else from the text", () => {
    expect(unitOf(passage("vo-cuong", "V.3"))).toBe("Công an phường");
    expect(unitOf(passage("tan-an", "appendix:10"))).toBe("Công an phường");
  });

  it("names who approves for an approval question, then who prepares and submits", () => {
    expect(ask("tan-an", "ai duyệt kế hoạch chi tiết hàng năm").text.split("\n")[0]).toBe(
      "Cấp phê duyệt: Chủ tịch UBND phường. Đơn vị xây dựng, trình: Phòng Văn Hóa - Xã hội phường.",
    );
    expect(ask("tan-an", "Who approves the yearly detailed plan in Tan An?", "en").text.split("\n")[0]).toMatch(/^Approved by \(plan's wording\): Chủ tịch UBND phường\./);
    // Where the plan says what is submitted for approval (VI.1), not where a unit spends what was approved (VI.3).
    expect(ask("tan-an", "đơn vị nào thẩm định kế hoạch hằng năm").sections).toEqual(["VI.1"]);
  });

  it("names where a report or a problem is sent for a recipient question", () => {
    expect(ask("vo-cuong", "các đơn vị gửi báo cáo về đâu").text.split("\n")[0]).toBe("Nơi nhận: UBND phường (qua phòng Văn hóa - Xã hội).");
    expect(ask("tan-an", "ai tiep nhan phan anh vuong mac").text.split("\n")[0]).toBe("Nơi nhận: phòng Văn hóa - Xã hội phường.");
    expect(ask("vo-cuong", "Who do units send their yearly report to?", "en").text.split("\n")[0]).toBe("Sent to (plan's wording): UBND phường (qua phòng Văn hóa - Xã hội).");
  });

  it("picks the clause with the date or the figure", () => {
    expect(keyClause("- Tổng hợp, theo dõi tiến độ; lập báo cáo định kỳ hằng năm (trước ngày 25/10) gửi Sở", "when", "khi nào nộp báo cáo")).toBe(
      "lập báo cáo định kỳ hằng năm (trước ngày 25/10) gửi Sở",
    );
    expect(englishFrame("trước ngày 15/10 hằng năm")).toBe("before 15/10, every year");
    expect(englishFrame("định kỳ 03 năm/lần")).toBe("every 03 years");
    // A how-many figure is not the year it is due by; a share asked leads with the percentage.
    expect(englishFrame("Mục tiêu đến năm 2030, tỉnh Bắc Ninh có thêm 02 di sản", { count: true })).toBe("02");
    expect(englishFrame("100% các Tổ dân phố tổ chức ít nhất 01 buổi", { count: true, share: true })).toBe("100%, at least 01");
  });

  it("never cuts a word: a cut ends after a clause or at a space, marked '…'", () => {
    const text = "- 100% cơ quan, đơn vị hoạt động trong lĩnh vực văn hóa trên địa bàn phường và cán bộ, công chức làm công tác văn hóa, đội ngũ cán bộ làm công tác văn hóa được trang bị kiến thức cơ bản về ngoại giao văn hóa và hội nhập quốc tế.";
    for (const max of [40, 77, 101, 150]) {
      const cut = excerpt(text, undefined, max);
      expect(cut.endsWith(" …"), cut).toBe(true);
      const kept = cut.slice(0, -2).replace(/[,;:]$/, "");
      expect(text.startsWith(kept) && /[\s,;.]/.test(text[kept.length] ?? " "), cut).toBe(true);
    }
  });

  it("cuts a long passage around what answers, marking the cut", () => {
    const text = `${"x ".repeat(300)}; trước ngày 15/10 hằng năm; ${"y ".repeat(300)}`;
    const out = excerpt(text, "trước ngày 15/10 hằng năm", 200);
    expect(out).toContain("15/10");
    expect(out.startsWith("… ")).toBe(true);
    expect(out.endsWith(" …")).toBe(true);
  });
});

describe("citations", () => {
  const header = (pack: string) => engine.headers(pack)[0];
  const section = (pack: string, id: string) => engine.index.passages.find((p) => p.packId === pack && p.sectionId === id)!.section;

  it("name a plan by number and date, or by title, issuer and the date it has", () => {
    expect(planName(header("bac-ninh"), "vi")).toBe("Kế hoạch số 220/KH-UBND ngày 05/04/2022 của UBND tỉnh Bắc Ninh");
    expect(planName(header("tan-an"), "vi")).toBe(
      "Kế hoạch thực hiện hội nhập quốc tế về văn hóa trên địa bàn phường Tân An giai đoạn 2026-2030 của UBND phường Tân An (tháng 05/2026)",
    );
    expect(planName(header("bac-ninh"), "en")).toBe("Plan No. 220/KH-UBND of 05/04/2022 by the Bắc Ninh Provincial People's Committee");
  });

  it("name a section by the plan's number and title; an appendix row by its task", () => {
    expect(citationLine(header("bac-ninh"), section("bac-ninh", "III.2"), "vi")).toBe(
      "Theo Kế hoạch số 220/KH-UBND ngày 05/04/2022 của UBND tỉnh Bắc Ninh, mục III.2 (Hội nhập sâu, rộng các nội dung về văn hoá tại các tổ chức, diễn đàn khu vực và quốc tế):",
    );
    expect(sectionName(section("tan-an", "appendix:3"), "vi")).toBe("Phụ lục “Danh mục các nhiệm vụ chủ yếu”, nhiệm vụ 3 (Số hóa di sản văn hóa)");
    expect(sectionName(section("kon-ray", "IV.2"), "en")).toBe("section IV.2 (Kinh phí thực hiện)");
  });

  it("never hold 'đoạn', 'seed' or a file name", () => {
    for (const m of engine.models) for (const s of m.sections) expect(sectionName(s, "vi")).not.toMatch(/(?<!giai )đoạn|seed|\.txt/i);
  });
});

describe("PlanRetriever (LangChain)", () => {
  it("invoke() returns Documents with the plan metadata and a citizen's citation", async () => {
    const retriever = new PlanRetriever(engine, { packIds: ["tan-an"], k: 2 });
    const docs = await retriever.invoke("Ai chủ trì số hóa di sản?");
    expect(docs).toHaveLength(2);
    expect(docs[0]).toBeInstanceOf(Document);
    expect(docs[0].metadata).toMatchObject({ packId: "tan-an", sectionId: "appendix:3", unit: "Phòng Văn Hóa – Xã hội phường" });
    expect(docs[0].metadata.citation).toContain("Phụ lục “Danh mục các nhiệm vụ chủ yếu”, nhiệm vụ 3");
  });
});

describe("bounded work per question (issue 15)", () => {
  it("searches at most PLAN_QUESTION_CHARS of a long text, and a question followed by a long paste is answered as the question alone", () => {
    const question = "kinh phí lễ hội lấy từ đâu";
    const pasted = `${question} ${"hoi lym chua dauu van mieuu bac nihn ".repeat(60)}`;
    expect(pasted.length).toBeGreaterThan(2_000);
    const read = engine.question(pasted, "vi");
    // The plan search's work grows with the words searched: a pasted page must not be searched whole.
    expect(read.text.length).toBeLessThanOrEqual(PLAN_QUESTION_CHARS);
    expect(read.text.length).toBeLessThan(pasted.length / 4);
    expect(read.text.startsWith(question)).toBe(true);
    const lineage = library.pack("vo-cuong").lineage;
    expect(engine.answer(`${question} ${"a".repeat(5_000)}`, { lineage, language: "vi" }).text).toBe(engine.answer(question, { lineage, language: "vi" }).text);
  });
});
