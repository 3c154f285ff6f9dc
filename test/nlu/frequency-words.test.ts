import { describe, expect, it } from "vitest";
import { findTimeExpressions } from "../../src/nlu/time-expressions.js";
import { normalize } from "../../src/nlu/normalize.js";

const times = (text: string) => findTimeExpressions(normalize(text), "2026-01-10");

describe("frequency words are never dates (issue 12)", () => {
  it.each([
    "mỗi năm có mấy lớp quan họ",
    "moi nam bac ninh tham gia it nhat may hoat dong",
    "hằng năm phải nộp báo cáo trước ngày nào",
    "hàng tháng cập nhật mấy lần",
    "chuyên mục cập nhật 1 lần/tháng không",
    "festival 3 năm/lần đúng không",
    "How many classes a year? every year?",
  ])("%s → no month, no year", (text) => {
    const t = times(text);
    expect(t.month).toBeUndefined();
    expect(t.year).toBeUndefined();
  });

  it("still reads real dates next to them", () => {
    expect(times("hội Lim tháng 2 năm 2027").month).toBe(2);
    expect(times("hội Lim tháng 2 năm 2027").year).toBe(2027);
    expect(times("festivals in May").month).toBe(5);
    expect(times("mấy giờ khai mạc").month).toBeUndefined();
  });
});
