import { describe, expect, it } from "vitest";
import { detectLanguage, fold, normalize, squeezeWordEnd } from "../../src/nlu/index.js";

describe("normalize", () => {
  it("expands teencode and chat abbreviations", () => {
    const n = normalize("cho e dk 1 suat hoc quan ho dc ko");
    expect(n.expanded).toBe("cho em đăng ký 1 suat học quan ho được không");
    expect(normalize("ntn j sdt ad").expanded).toBe("như thế nào gì số điện thoại admin");
    expect(normalize("c ơi đk lớp").tokens.slice(0, 2)).toEqual(["chị", "ơi"]);
    expect(normalize("ok e hiu r a").expanded).toBe("ok em hiểu rồi ạ");
    expect(normalize("vâg e cx bít r").expanded).toBe("vâng em cũng biết rồi");
    expect(normalize("có ai hơm, trl e vs").expanded).toBe("có ai không trả lời em với");
  });

  it('reads "bn" as "bao nhiêu" or "bạn" by context', () => {
    expect(normalize("học phí bn").expanded).toBe("học phí bao nhiêu");
    expect(normalize("bn tiền 1 buổi").expanded).toBe("bao nhiêu tiền 1 buổi");
    expect(normalize("bn ơi cho mình hỏi").expanded).toBe("bạn ơi cho mình hỏi");
    expect(normalize("cảm ơn bn").expanded).toBe("cảm ơn bạn");
  });

  it("composes NFD input to NFC and folds diacritics, đ → d", () => {
    const nfd = "Lễ hội Đền Đô".normalize("NFD");
    const n = normalize(nfd);
    expect(n.nfc).toBe("Lễ hội Đền Đô");
    expect(n.expanded).toBe("lễ hội đền đô");
    expect(n.folded).toBe("le hoi den do");
    expect(fold("ĐƯỜNG")).toBe("duong");
  });

  it("drops punctuation and emoji, keeping the ones that mean something", () => {
    expect(normalize("Hội Lim ngày nào??? 😀🎉!!").expanded).toBe("hội lim ngày nào");
    expect(normalize("👍").expanded).toBe("ok");
    expect(normalize("🙏").folded).toBe("cam on");
  });

  it("squeezes stretched letters but keeps one-letter noise unknown", () => {
    expect(normalize("chàooo ad ơiiii").expanded).toBe("chào admin ơi");
    expect(normalize("dạaa").expanded).toBe("dạ");
    expect(squeezeWordEnd("nhéee")).toBe("nhé");
    // "ưu" folds to "uu": "giao luu" (giao lưu) and "huu nghi" (hữu nghị) are words, not stretched letters.
    expect(normalize("giao luu huu nghi").expanded).toBe("giao luu huu nghi");
    expect(squeezeWordEnd("lưu")).toBe("lưu");
    expect(squeezeWordEnd("húuu")).toBe("hú");
    expect(normalize("kkkkkk").expanded).toBe("kkkkkk");
  });

  it("leaves English words alone (no Vietnamese teencode in English)", () => {
    const n = normalize("Is the class free? thx");
    expect(n.language).toBe("en");
    expect(n.expanded).toBe("is the class free thanks");
  });

  it("keeps accented and folded forms aligned", () => {
    const n = normalize("Lễ hội");
    expect(n.tokens).toEqual(["lễ", "hội"]);
    expect(n.foldedTokens).toEqual(["le", "hoi"]);
  });
});

describe("detectLanguage", () => {
  it("decides from diacritics, then from word lists, then from the previous language", () => {
    expect(detectLanguage(["khi", "nào"])).toBe("vi");
    expect(detectLanguage(["when", "is", "the", "festival"])).toBe("en");
    expect(detectLanguage(["hoi", "lim", "ngay", "nao"])).toBe("vi");
    expect(detectLanguage(["ok"], "en")).toBe("en");
    expect(detectLanguage(["ok"], "vi")).toBe("vi");
    expect(detectLanguage(["ok"])).toBe("vi");
  });
});
