import { describe, expect, it } from "vitest";
import { answer, answerChoice, isAnswerIntent } from "../../../src/features/answers/index.js";
import { mainMenu } from "../../../src/shared/menu.js";
import { input, library } from "./answer-fixtures.js";

describe("greeting, thanks, out_of_scope", () => {
  it("greeting: a short welcome with the main menu", async () => {
    const r = await answer(input("vo-cuong", { intent: "greeting", text: "Xin chào" }));
    expect(r.text).toMatch(/^Xin chào! Mình là Trợ lý văn hóa của Phường Võ Cường\./);
    expect(r.choices).toEqual(mainMenu("vi"));
    expect(r.choices!.map((c) => c.title)).toEqual(["Lễ hội", "Di sản", "Lớp Quan họ", "Phản ánh", "Gặp cán bộ"]);
  });

  it("thanks: “Rất vui được giúp bạn” and the menu; English in, English out", async () => {
    expect((await answer(input("tan-an", { intent: "thanks" }))).text).toMatch(/^Rất vui được giúp bạn/);
    const en = await answer(input("tan-an", { intent: "thanks", language: "en" }));
    expect(en.text).toMatch(/^Glad to help/);
    expect(en.choices).toEqual(mainMenu("en"));
    expect((await answer(input("tan-an", { intent: "greeting", language: "en" }))).text).toMatch(/^Hello! I am the culture assistant of Tan An Ward\./);
  });

  it("out_of_scope: says what the bot can help with and offers staff", async () => {
    const r = await answer(input("vo-cuong", { intent: "out_of_scope", text: "Giá vàng hôm nay?" }));
    expect(r.text).toContain("Mình có thể giúp: ngày lễ hội, thông tin di sản, lớp truyền dạy Quan họ");
    expect(r.choices!.at(-1)).toEqual({ title: "Gặp cán bộ", payload: "menu:handoff" });
    const en = await answer(input("vo-cuong", { intent: "out_of_scope", language: "en" }));
    expect(en.text).toContain("I can help with: festival dates");
  });
});

describe("join_class (information)", () => {
  it("lists the classes with status, “chưa cập nhật” fields, who may join, and “Đăng ký” for the open one", async () => {
    const r = await answer(input("vo-cuong", { intent: "join_class", text: "Lớp Quan họ ở đâu?" }));
    expect(r.text).toContain("1. Lớp truyền dạy dân ca Quan họ phường Võ Cường – đang nhận đăng ký");
    expect(r.text).toContain("   Lịch học: chưa cập nhật");
    expect(r.text).toContain("   Học phí: chưa cập nhật");
    expect(r.text).toContain("   Đối tượng: chưa cập nhật – cán bộ xác nhận khi liên hệ.");
    expect(r.text).toContain("2. Lớp truyền dạy nghề giấy dó Dương Ổ – chưa có lịch mở lớp");
    expect(r.choices).toEqual([
      { title: "Đăng ký", payload: "class:register:lop-quan-ho-vo-cuong" },
      { title: "Gặp cán bộ", payload: "menu:handoff" },
    ]);
  });

  it("a named class only; known fields as written; English", async () => {
    const r = await answer(input("tan-an", { intent: "join_class", language: "en", entities: { classes: ["lop-quan-ho-tan-an"] } }));
    expect(r.text).toContain("1. Quan ho folk song class, Tan An Ward – open for registration");
    expect(r.text).toContain("   Place: A neighbourhood cultural house");
    expect(r.text).not.toContain("2.");
    expect(r.choices![0]).toEqual({ title: "Register", payload: "class:register:lop-quan-ho-tan-an" });
  });

  it("a pack without classes says so and offers staff", async () => {
    const r = await answer(input("bac-ninh", { intent: "join_class" }));
    expect(r.text).toMatch(/chưa có lớp truyền dạy nào/);
    expect(r.choices).toEqual([{ title: "Gặp cán bộ", payload: "menu:handoff" }]);
  });
});

describe("dispatcher and choices", () => {
  it("dialog intents are not answers; they get the menu if they arrive here", async () => {
    expect(isAnswerIntent("report_violation")).toBe(false);
    expect(isAnswerIntent("plan_info")).toBe(true);
    const r = await answer(input("vo-cuong", { intent: "human_handoff" }));
    expect(r.choices).toEqual(mainMenu("vi"));
  });

  it("menu payloads for festivals, heritage and classes are answered; others are passed on (null)", () => {
    const pack = library.pack("vo-cuong");
    const base = { language: "vi" as const, today: "2026-11-20", pack };
    expect(answerChoice("menu:festivals", base)!.text).toMatch(/^Các lễ hội sắp tới/);
    expect(answerChoice("menu:heritage", base)!.text).toMatch(/^Một số di sản/);
    expect(answerChoice("menu:classes", base)!.text).toMatch(/^Các lớp truyền dạy/);
    expect(answerChoice("menu:report", base)).toBeNull();
    expect(answerChoice("class:register:lop-quan-ho-vo-cuong", base)).toBeNull();
  });

  it("every answer in every pack is Vietnamese with diacritics in Vietnamese, and has no Vietnamese-only labels in English", async () => {
    const intents = ["greeting", "thanks", "festival_dates", "heritage_info", "join_class", "contact_info", "out_of_scope"] as const;
    for (const pack of library.packs.keys()) {
      for (const intent of intents) {
        const vi = await answer(input(pack, { intent }));
        expect(vi.text, `${pack} ${intent}`).toMatch(/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/);
        const en = await answer(input(pack, { intent, language: "en" }));
        expect(en.text, `${pack} ${intent}`).not.toMatch(/Địa điểm|Nguồn|chưa cập nhật|Chọn một/);
      }
    }
  });
});
