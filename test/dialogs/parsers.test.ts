import { describe, expect, it } from "vitest";
import { Knowledge } from "../../src/shared/knowledge.js";
import { loadContent } from "../../src/content/index.js";
import { dialogCommand } from "../../src/dialogs/commands.js";
import { parseWhen } from "../../src/dialogs/parse-when.js";
import { maskPhone, normalizePhone, personName, splitPhone } from "../../src/dialogs/phone.js";
import { closeInPlace, distanceMetres, possibleDuplicates } from "../../src/features/reports/duplicates.js";
import { guessCategory, isDescriptive } from "../../src/features/reports/guess-category.js";

/** The small parsers behind the dialogs. */

describe("parseWhen", () => {
  const today = "2026-11-25";
  it.each([
    ["hôm qua", "2026-11-24"],
    ["tối qua khoảng 9 giờ", "2026-11-24"],
    ["tối nay", "2026-11-25"],
    ["sáng nay lúc 8h", "2026-11-25"],
    ["hom kia", "2026-11-23"],
    ["tuần trước", "2026-11-18"],
    ["3 ngày trước", "2026-11-22"],
    ["20/11", "2026-11-20"],
    ["ngày 3 tháng 11", "2026-11-03"],
    ["20/11/2025", "2025-11-20"],
    // A day later in the year than today means last year: reports are about the past.
    ["30/12", "2025-12-30"],
    ["yesterday", "2026-11-24"],
  ])("%s → %s", (text, iso) => expect(parseWhen(text, today)).toBe(iso));
  it("leaves what it cannot read", () => {
    expect(parseWhen("lâu rồi", today)).toBeUndefined();
    expect(parseWhen("31/02", today)).toBeUndefined();
  });
});

describe("phones", () => {
  it("normalises Vietnamese mobiles and landlines, refuses the rest", () => {
    expect(normalizePhone("0912 345 678")).toBe("0912345678");
    expect(normalizePhone("+84 912.345.678")).toBe("0912345678");
    expect(normalizePhone("84912345678")).toBe("0912345678");
    expect(normalizePhone("024 3825 1234")).toBe("02438251234");
    expect(normalizePhone("0123456789")).toBeUndefined();
    expect(normalizePhone("091234567")).toBeUndefined();
  });
  it("splits a name from a number and masks it", () => {
    expect(splitPhone("Tên tôi là Lan, sđt: 091.234.5678")).toEqual({ phone: "0912345678", rest: "Lan" });
    expect(splitPhone("Lan 0123 456 789")).toMatchObject({ invalid: true });
    expect(maskPhone("0912345678")).toBe("09******78");
    expect(personName("  nguyễn   văn an ")).toBe("nguyễn văn an");
    expect(personName("An 123")).toBeUndefined();
  });
});

describe("dialog commands", () => {
  it.each([
    ["Hủy ạ", "cancel"],
    ["huỷ", "cancel"],
    ["cancel", "cancel"],
    ["bỏ qua nhé", "skip"],
    ["ko có", "skip"],
    ["Xong rồi", "done"],
    ["tiếp tục", "resume"],
    ["ẩn danh", "anonymous"],
    ["Gửi", "yes"],
  ])("%s → %s", (text, command) => expect(dialogCommand(text)).toBe(command));
  it("only whole messages are commands", () => {
    expect(dialogCommand("tối qua")).toBeUndefined();
    expect(dialogCommand("đã hủy hoại tường đình")).toBeUndefined();
  });
});

describe("category guess and descriptive first messages", () => {
  const pack = new Knowledge(loadContent("content"), "vo-cuong").packFor("any");
  it("guesses from folded keywords", () => {
    expect(guessCategory("có người vẽ bậy lên tường đình", pack)?.id).toBe("relic-harm");
    expect(guessCategory("co nguoi xem boi o den", pack)?.id).toBe("festival-superstition");
    expect(guessCategory("vandalism at the temple", pack)?.id).toBe("relic-harm");
    expect(guessCategory("tôi muốn phản ánh", pack)).toBeUndefined();
  });
  it("tells an opener from a description", () => {
    expect(isDescriptive("tôi muốn phản ánh")).toBe(false);
    expect(isDescriptive("cho mình phản ánh việc này với")).toBe(false);
    expect(isDescriptive("ở đình làng có người vẽ bậy lên tường")).toBe(true);
  });
});

describe("possible duplicates", () => {
  const base = { packId: "p", categoryId: "c", createdAt: 0 };
  it("needs the same category, nearby place, close time and similar text", () => {
    const a = { ...base, code: "A", description: "vẽ bậy trên tường đình làng Đông Xá", place: { location: { latitude: 21.1717, longitude: 106.0763 } } };
    const near = { ...base, code: "B", description: "Có người vẽ bậy lên tường đình Đông Xá", place: { location: { latitude: 21.173, longitude: 106.0763 } } };
    expect(distanceMetres(a.place.location, near.place.location)).toBeLessThan(300);
    expect(possibleDuplicates(near, [a])).toEqual(["A"]);
    expect(possibleDuplicates({ ...near, categoryId: "other" }, [a])).toEqual([]);
    expect(possibleDuplicates({ ...near, place: { location: { latitude: 21.18, longitude: 106.0763 } } }, [a])).toEqual([]);
    expect(possibleDuplicates({ ...near, createdAt: 4 * 86_400_000 }, [a])).toEqual([]);
    expect(possibleDuplicates({ ...near, description: "Karaoke ồn ào quá khuya" }, [a])).toEqual([]);
    expect(closeInPlace({ text: "đình Đông Xá" }, { text: "Đình Đông Xá, phường Võ Cường" })).toBe(true);
  });
});
