import { describe, expect, it } from "vitest";
import {
  answer,
  answerChoice,
  answerFestivalDates,
  festivalCard,
  festivalWindow,
  unknownFestivalName,
  upcomingFestivals,
} from "../../../src/features/answers/index.js";
import { input, library } from "./answer-fixtures.js";

const vo = library.pack("vo-cuong");
const payloads = (r: { choices?: { payload: string }[] }) => (r.choices ?? []).map((c) => c.payload);

// ===  A named festival and year  ===

describe("festival_dates: a named festival and year", () => {
  it("Hội Lim 2027: chính hội 13 tháng Giêng = thứ Năm 18/02/2027, with the 2-day span", () => {
    const r = answerFestivalDates(input("vo-cuong", { text: "Hội Lim năm 2027 ngày nào?", entities: { festivals: ["hoi-lim"], year: 2027 } }));
    expect(r.text).toContain("Hội Lim năm 2027 chính hội ngày 13 tháng Giêng âm lịch, tức thứ Năm 18/02/2027");
    expect(r.text).toContain("hội kéo dài 2 ngày, từ ngày 12 đến ngày 13 tháng Giêng âm lịch (thứ Tư 17/02/2027 – thứ Năm 18/02/2027)");
    expect(r.text).toContain("Địa điểm: Xã Tiên Du");
    expect(r.text).toContain("Dành cho du khách: ");
    expect(r.text).toContain("Nguồn: Báo VnExpress; Báo VTC News.");
    expect(r.text).not.toContain("tham khảo");
  });

  it("Chợ Âm Dương 2026: from the night of 20/02/2026 (mùng 4 tháng Giêng)", () => {
    const r = answerFestivalDates(input("vo-cuong", { text: "chợ âm dương 2026", entities: { festivals: ["cho-am-duong"], year: 2026 }, today: "2026-01-05" }));
    expect(r.text).toContain("Chợ Âm Dương (làng Ó) năm 2026 diễn ra từ ngày 4 đến ngày 5 tháng Giêng âm lịch, tức từ thứ Sáu 20/02/2026 đến thứ Bảy 21/02/2026.");
    expect(r.text).toContain("đêm 20/02/2026");
  });

  it("a past year is told in the past tense", () => {
    const r = answerFestivalDates(input("vo-cuong", { entities: { festivals: ["hoi-lim"], year: 2026 }, today: "2026-11-20" }));
    expect(r.text).toMatch(/^Hội Lim năm 2026 đã diễn ra, chính hội ngày 13 tháng Giêng âm lịch, tức Chủ nhật 01\/03\/2026/);
  });

  it("a festival marked uncertain says “theo thông tin tham khảo” and the note, and offers staff", () => {
    const r = answerFestivalDates(input("vo-cuong", { entities: { festivals: ["le-hoi-den-ba-chua-kho"], year: 2027 } }));
    expect(r.text).toContain("Theo thông tin tham khảo, Lễ hội Đền Bà Chúa Kho năm 2027 diễn ra ngày 12 tháng Giêng âm lịch, tức thứ Tư 17/02/2027.");
    expect(r.text).toContain("Lưu ý (theo thông tin tham khảo): Ngày giỗ Bà Chúa Kho");
    expect(payloads(r)).toContain("menu:handoff");
  });

  it("a year without the festival (one-off editions) says so and that the next one is not known", () => {
    const r = answerFestivalDates(input("tan-an", { entities: { festivals: ["festival-ve-mien-quan-ho"], year: 2027 } }));
    expect(r.text).toContain("năm 2027 không có kỳ nào");
    expect(r.text).toContain("Chưa có thông tin về kỳ tiếp theo.");
    expect(payloads(r)).toContain("menu:handoff");
  });

  it("a festival every 3 years says when the next one is", () => {
    const lim = vo.festival("hoi-lim")!;
    const triennial = { ...lim, date: { ...lim.date, every: { years: 3, from: 2026 } } };
    const r = festivalCard(triennial, input("vo-cuong"), { year: 2027 });
    expect(r.text).toContain("Hội Lim tổ chức 3 năm một lần (từ năm 2026), năm 2027 không có.");
    // Tết 2029 is 13/02/2029, so 13 tháng Giêng is 25/02/2029.
    expect(r.text).toContain("Kỳ tiếp theo: Hội Lim năm 2029 chính hội ngày 13 tháng Giêng âm lịch, tức Chủ nhật 25/02/2029");
  });

  it("a second festival named becomes a choice", () => {
    const r = answerFestivalDates(input("vo-cuong", { entities: { festivals: ["hoi-lim", "cho-am-duong"], year: 2027 } }));
    expect(r.text).toContain("Hội Lim năm 2027");
    expect(payloads(r)[0]).toBe("festival:cho-am-duong");
  });
});

// ===  No year, "sắp tới"  ===

describe("festival_dates: the next occurrence", () => {
  const ask = (today: string) =>
    answerFestivalDates(input("vo-cuong", { text: "Hội Lim sắp tới ngày nào?", entities: { festivals: ["hoi-lim"], upcoming: true }, today }));

  it("before this year's date: this year's, not marked as passed", () => {
    const r = ask("2026-02-01");
    expect(r.text).toMatch(/^Hội Lim năm 2026 chính hội ngày 13 tháng Giêng âm lịch, tức Chủ nhật 01\/03\/2026/);
    expect(r.text).not.toContain("đã diễn ra");
  });

  it("after this year's date: says it has passed and gives next year's", () => {
    const r = ask("2026-03-02");
    expect(r.text).toContain("Hội Lim năm nay đã diễn ra (chính hội Chủ nhật 01/03/2026).");
    expect(r.text).toContain("Lần tới: Hội Lim năm 2027 chính hội ngày 13 tháng Giêng âm lịch, tức thứ Năm 18/02/2027");
  });

  it("on the day itself it is under way", () => {
    expect(ask("2026-02-28").text).toMatch(/^Hội Lim năm 2026 chính hội .*Chủ nhật 01\/03\/2026/);
    const r = answerFestivalDates(input("vo-cuong", { entities: { festivals: ["le-dang-huong-van-mieu-bac-ninh"] }, today: "2026-03-03" }));
    expect(r.text).toContain("năm 2026 đang diễn ra ngày 15 tháng Giêng âm lịch, tức thứ Ba 03/03/2026");
  });
});

// ===  Windows  ===

describe("festival_dates: festivals in a window", () => {
  it("“tháng Giêng 2027” is the lunar month: 06/02/2027 – 07/03/2027", () => {
    expect(festivalWindow({ text: "", entities: { month: 1, lunarMonth: true, year: 2027 } }, "2026-11-20", "vi")).toMatchObject({
      from: "2027-02-06",
      to: "2027-03-07",
    });
    const r = answerFestivalDates(input("vo-cuong", { text: "Tháng Giêng 2027 có lễ hội gì?", entities: { month: 1, lunarMonth: true, year: 2027 } }));
    expect(r.text).toMatch(/^Các lễ hội tháng Giêng năm 2027 \(âm lịch, từ 06\/02\/2027 đến 07\/03\/2027\):/);
    expect(r.text).toContain("• Hội Lim: thứ Năm 18/02/2027 (chính hội, 13 tháng Giêng âm lịch)");
    expect(r.text).toContain("• Chợ Âm Dương (làng Ó): từ thứ Ba 09/02/2027 đến thứ Tư 10/02/2027");
    expect(r.text).not.toContain("Chùa Dâu"); // tháng Tư
    expect(payloads(r)).toContain("festival:hoi-lim");
  });

  it("“tháng sau” uses the nlu window and lists in date order", () => {
    const r = answerFestivalDates(
      input("vo-cuong", {
        text: "Tháng sau có lễ hội gì?",
        entities: { month: 2, year: 2027, window: { from: "2027-02-01", to: "2027-02-28", label: "tháng sau" } },
        today: "2027-01-10",
      }),
    );
    expect(r.text.split("\n")[0]).toBe("Các lễ hội tháng sau:");
    const order = ["Chợ Âm Dương", "Lễ hội làng Ó", "Lễ hội Đền Bà Chúa Kho", "Hội Lim", "Lễ dâng hương Văn Miếu"].map((n) => r.text.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("a window with no festival says so and offers the upcoming ones", () => {
    const r = answerFestivalDates(
      input("vo-cuong", { entities: { window: { from: "2026-11-21", to: "2026-11-22", label: "cuối tuần này" } }, today: "2026-11-20" }),
    );
    expect(r.text).toMatch(/^Cuối tuần này: không có lễ hội nào/);
    expect(payloads(r)[0]).toBe("festival:cho-am-duong");
  });

  it("“Tết này” is mùng 1 to rằm tháng Giêng of the coming Tết", () => {
    const w = festivalWindow({ text: "Tết này có hội gì", entities: {} }, "2026-11-20", "vi");
    expect(w).toMatchObject({ from: "2027-02-06", to: "2027-02-20" });
    const r = answerFestivalDates(input("vo-cuong", { text: "Tết này có hội gì không?" }));
    expect(r.text).toContain("dịp Tết Nguyên đán 2027");
    expect(r.text).toContain("Hội Lim");
    // Tết Trung thu is not the lunar new year.
    expect(festivalWindow({ text: "tết trung thu", entities: {} }, "2026-11-20", "vi")).toBeUndefined();
  });

  it("a month without a year means its next occurrence", () => {
    expect(festivalWindow({ text: "", entities: { month: 3 } }, "2026-11-20", "vi")).toEqual({ from: "2027-03-01", to: "2027-03-31", label: "tháng 3/2027" });
    expect(festivalWindow({ text: "", entities: { month: 12 } }, "2026-11-20", "vi")?.from).toBe("2026-12-01");
  });
});

// ===  Nothing named, unknown festivals  ===

describe("festival_dates: no festival, unknown festival", () => {
  it("no festival and no window lists the upcoming festivals as choices", () => {
    const r = answerFestivalDates(input("vo-cuong", { text: "Có lễ hội gì không?" }));
    expect(r.text).toMatch(/^Các lễ hội sắp tới ở Phường Võ Cường:/);
    const items = upcomingFestivals(vo, "2026-11-20");
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(payloads(r)).toEqual(items.slice(0, 5).map((i) => `festival:${i.festival.id}`));
  });

  it("upcoming = every festival in the next 60 days, at least 5", () => {
    const soon = upcomingFestivals(vo, "2027-01-20");
    expect(soon.every((d) => d.occurrence.start <= "2027-03-21")).toBe(true);
    expect(soon.map((d) => d.festival.id)).toContain("hoi-lim");
    expect(upcomingFestivals(vo, "2026-05-01")).toHaveLength(5);
  });

  it("a festival the pack does not know: says so by name and offers staff", () => {
    const r = answerFestivalDates(input("vo-cuong", { text: "Hội Gióng năm 2027 ngày nào?", entities: { year: 2027 } }));
    expect(r.text).toContain("Mình chưa có thông tin về “Hội Gióng” trong danh sách lễ hội của Phường Võ Cường.");
    expect(payloads(r)[0]).toBe("menu:handoff");
    expect(r.text).not.toContain("2027"); // no date invented
  });

  it("a festival id of another pack is unknown here", () => {
    const r = answerFestivalDates(input("vo-cuong", { text: "lễ hội Xương Giang", entities: { festivals: ["le-hoi-xuong-giang"] } }));
    expect(r.text).toContain("Mình chưa có thông tin về “Lễ hội Xương Giang”");
  });

  it("finds the name of an unknown festival, and no name in a list question", () => {
    expect(unknownFestivalName("hội gióng năm 2027 ngày nào?")).toBe("Hội Gióng");
    expect(unknownFestivalName("Lễ hội Đền Hùng tổ chức khi nào")).toBe("Lễ hội Đền Hùng");
    expect(unknownFestivalName("When is the Hung Kings Festival?")).toBe("Hung Kings Festival");
    expect(unknownFestivalName("tháng này có lễ hội gì?")).toBeUndefined();
    expect(unknownFestivalName("cho mình hỏi lịch lễ hội sắp tới")).toBeUndefined();
  });
});

// ===  English, choices  ===

describe("festival_dates in English, festival choices", () => {
  it("English in, English out", () => {
    const r = answerFestivalDates(input("vo-cuong", { language: "en", text: "When is Lim festival 2027?", entities: { festivals: ["hoi-lim"], year: 2027 } }));
    expect(r.text).toContain("Lim Festival 2027 main day: the 13th day of the 1st lunar month, i.e. Thursday 18 Feb 2027");
    expect(r.text).toContain("Place: Tien Du commune");
    expect(r.text).toContain("For visitors: ");
    expect(r.text).toContain("Source: ");
    expect(r.text).not.toMatch(/chính hội|âm lịch|Địa điểm/);
  });

  it("falls back to Vietnamese with a note when a text has no English", () => {
    const lim = vo.festival("hoi-lim")!;
    const viOnly = { ...lim, place: { vi: "Xã Tiên Du" } };
    const r = festivalCard(viOnly, input("vo-cuong", { language: "en" }), { year: 2027 });
    expect(r.text).toContain("Place: Xã Tiên Du");
    expect(r.text).toContain("(Some of this is only available in Vietnamese for now.)");
  });

  it("“festival:<id>” answers the card with the description; a stale id gets the list", () => {
    const r = answerChoice("festival:cho-am-duong", { language: "vi", today: "2026-11-20", pack: vo })!;
    expect(r.text).toContain("Chợ Âm Dương (làng Ó) năm nay đã diễn ra (thứ Sáu 20/02/2026).");
    expect(r.text).toContain("không mặc cả");
    const gone = answerChoice("festival:khong-co", { language: "vi", today: "2026-11-20", pack: vo })!;
    expect(gone.text).toMatch(/^Mục này không còn trong dữ liệu của mình\.\nCác lễ hội sắp tới/);
  });

  it("the dispatcher routes festival_dates", async () => {
    const r = await answer(input("vo-cuong", { entities: { festivals: ["hoi-lim"], year: 2027 } }));
    expect(r.text).toContain("18/02/2027");
  });
});
