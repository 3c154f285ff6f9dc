import { beforeAll, describe, expect, it } from "vitest";
import { coverage, createUnderstander, loadTrainingData, type IntentLabel, type Understander } from "../../src/nlu/index.js";
import { TEST_CATALOG } from "./test-catalog.js";

// A fixed sample per intent, written for this test: none of these is a training row (checked below).
const SAMPLE: Record<IntentLabel, string[]> = {
  greeting: ["chào ad nhé", "xin chào các anh chị", "hello admin"],
  thanks: ["cảm ơn ad nhiều lắm", "ok thanks nhé", "thank you, very helpful"],
  festival_dates: ["hội Lim năm nay vào hôm nào", "cho am duong nam sau ngay bao nhieu", "When is the Lim festival?"],
  heritage_info: ["quan họ được unesco vinh danh năm nào", "lich su van mieu bac ninh", "tell me about quan ho heritage"],
  join_class: ["cho e dk 1 suat hoc quan ho voi", "lớp quan họ học phí bao nhiêu ạ", "how to register for the quan ho class"],
  report_violation: ["ad oi co nguoi ve bay len tuong den", "tôi muốn phản ánh người bói toán ở lễ hội", "someone damaged the temple gate"],
  report_status: ["phản ánh PA-2026-0031 đã xử lý chưa", "phan anh cua minh toi dau roi", "any news on my report PA-2026-0002"],
  human_handoff: ["cho tôi nói chuyện với cán bộ", "gap nguoi that duoc ko", "I want to talk to a human"],
  plan_info: ["mục tiêu kế hoạch hội nhập văn hóa đến 2030", "kinh phi thuc hien ke hoach", "what are the tasks in the culture plan"],
  contact_info: ["sđt phòng văn hóa là gì", "dia chi ubnd phuong", "what are the office hours"],
  subscribe_reminder: ["nhắc tôi trước hội Lim", "nhac minh truoc hoi lim 5 ngay", "remind me about the Lim festival", "báo cho tôi khi có lớp quan họ mới"],
  manage_reminders: ["nhắc của tôi", "hủy nhắc", "my reminders", "huy nhac hoi lim giup minh"],
  out_of_scope: ["giá vàng hôm nay bao nhiêu", "làm sổ đỏ mất bao lâu", "mai trời có mưa không", "sdfghjkl", "kết quả bóng đá tối qua", "vay tiền mua xe"],
};

let nlu: Understander;
beforeAll(() => {
  nlu = createUnderstander({ catalog: TEST_CATALOG });
});

describe("intent classifier", () => {
  it("is tested on messages that are not training rows", () => {
    const training = new Set(loadTrainingData().map((r) => r.text.toLowerCase()));
    for (const text of Object.values(SAMPLE).flat()) expect(training.has(text.toLowerCase()), text).toBe(false);
  });

  for (const [intent, texts] of Object.entries(SAMPLE)) {
    it(`recognises ${intent}`, () => {
      for (const text of texts) {
        const u = nlu.understand(text, { today: "2026-01-10" });
        expect({ text, intent: u.intent }).toEqual({ text, intent });
        expect(u.confidence).toBeGreaterThan(0);
        expect(u.confidence).toBeLessThanOrEqual(1);
      }
    });
  }

  it("never forces gibberish or empty input into an intent", () => {
    for (const text of ["", "   ", "?!?", "😀😀", "qwertyuiop zxcvbnm", "jjjjjjjj", "lorem ipsum dolor"]) {
      expect(nlu.understand(text).intent, text).toBe("out_of_scope");
    }
  });

  it("routes a bare report code to report_status and a registration code to join_class", () => {
    expect(nlu.understand("PA-2026-0012").intent).toBe("report_status");
    expect(nlu.understand("LH-2026-0031").intent).toBe("join_class");
  });

  it("never opens the reminders for a question with no reminder word in it", () => {
    // Asked of the plans; the classifier alone once took the first for "manage_reminders" ("những … nào").
    for (const text of ["huyện quảng bá những danh nhân văn hoá nào", "kế hoạch có nhắc những di tích nào"]) {
      expect(["manage_reminders", "subscribe_reminder"], text).not.toContain(nlu.understand(text).intent);
    }
    expect(nlu.understand("hủy nhắc hội lim giúp mình nhé").intent).toBe("manage_reminders");
    expect(nlu.understand("khi nào mở lớp mới thì nhắn mình nhé").intent).toBe("subscribe_reminder");
  });

  it("does not count calls such as \"ê\", \"ới\" as unknown topic words", () => {
    // "ê" folds to "e", which no training row has as a word: before, such a call made the message look off-topic.
    expect(coverage(["e", "bong", "ro"], new Set(["bong"]), ["ê", "bóng", "rổ"])).toBe(0.5);
    expect(coverage(["e", "bong", "ro"], new Set(["bong"]))).toBeCloseTo(1 / 3);
    expect(nlu.understand("ê ơi, có ai trực page k").intent).toBe("greeting");
    expect(nlu.understand("ới ad ơi, e chào ạ").intent).toBe("greeting");
    // A call does not make an off-topic question ours.
    expect(nlu.understand("ê ad, giá vàng nhẫn hnay thế nào").intent).toBe("out_of_scope");
  });

  it("uses the previous language for short messages", () => {
    expect(nlu.understand("ok", { previousLanguage: "en" }).language).toBe("en");
    expect(nlu.understand("ok", { previousLanguage: "vi" }).language).toBe("vi");
    expect(nlu.understand("Hội Lim ngày nào", { previousLanguage: "en" }).language).toBe("vi");
  });

  it("returns the normalised and folded text", () => {
    const u = nlu.understand("Cho e đk lớp Quan Họ");
    expect(u.normalized).toBe("cho em đăng ký lớp quan họ");
    expect(u.folded).toBe("cho em dang ky lop quan ho");
  });
});
