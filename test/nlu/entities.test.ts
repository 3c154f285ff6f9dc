import { beforeAll, describe, expect, it } from "vitest";
import { createUnderstander, findPhones, findTicketCodes, type Understander } from "../../src/nlu/index.js";
import { TEST_CATALOG } from "./test-catalog.js";

// Wednesday 16 December 2026.
const today = "2026-12-16";
let nlu: Understander;
beforeAll(() => {
  nlu = createUnderstander({ catalog: TEST_CATALOG });
});
const entities = (text: string) => nlu.understand(text, { today }).entities;

describe("catalogue entities", () => {
  it("matches names and aliases with or without diacritics", () => {
    expect(entities("Hội Lim năm nay ngày nào").festivals).toEqual(["hoi-lim"]);
    expect(entities("hoi lim nam nay ngay nao").festivals).toEqual(["hoi-lim"]);
    expect(entities("When is the Lim festival?").festivals).toEqual(["hoi-lim"]);
    expect(entities("le hoi den do may ngay").festivals).toEqual(["le-hoi-den-do"]);
  });

  it("derives short names by dropping the generic head word", () => {
    expect(entities("đền đô tổ chức hôm nào").festivals).toEqual(["le-hoi-den-do"]);
  });

  it("tolerates one typo in a long name, not in a short one", () => {
    expect(entities("hoi lym bao gio").festivals).toEqual(["hoi-lim"]);
    expect(entities("cho am duongg hop dem nao").festivals).toEqual(["cho-am-duong"]);
    expect(entities("van mieu bac nihn o dau").heritage).toEqual(["van-mieu-bac-ninh"]);
    expect(entities("kim ở đâu").festivals).toBeUndefined();
  });

  it("does not take contradicting diacritics for a name", () => {
    expect(entities("đến đó bằng cách nào").festivals).toBeUndefined();
  });

  it("finds classes, heritage and contacts, several kinds at once", () => {
    const e = entities("cho e dk lop quan ho voi");
    expect(e.classes).toEqual(["lop-quan-ho"]);
    expect(e.heritage).toEqual(["quan-ho-bac-ninh"]);
    expect(entities("sdt phong van hoa").contacts).toEqual(["phong-van-hoa"]);
    expect(entities("lop giay do hoc o dau").classes).toEqual(["lop-giay-do"]);
  });
});

describe("time entities (today = Wednesday 2026-12-16)", () => {
  it("resolves years", () => {
    expect(entities("hội lim năm 2027").year).toBe(2027);
    expect(entities("hoi lim nam nay").year).toBe(2026);
    expect(entities("sang năm có hội không").year).toBe(2027);
    expect(entities("nam sau").year).toBe(2027);
    expect(entities("Lim festival next year").year).toBe(2027);
  });

  it("resolves months, with the lunar ones flagged", () => {
    expect(entities("tháng Giêng có hội gì")).toMatchObject({ month: 1, lunarMonth: true });
    expect(entities("thang 3 co le hoi nao").month).toBe(3);
    expect(entities("tháng sáu").month).toBe(6);
    expect(entities("tháng sau có hội gì")).toMatchObject({ month: 1, year: 2027, window: { from: "2027-01-01", to: "2027-01-31" } });
    expect(entities("festivals this month")).toMatchObject({ month: 12, window: { from: "2026-12-01", to: "2026-12-31", label: "tháng này" } });
  });

  it("resolves day windows and upcoming", () => {
    expect(entities("hôm nay có hội không").window).toEqual({ from: "2026-12-16", to: "2026-12-16", label: "hôm nay" });
    expect(entities("cuối tuần này có gì").window).toEqual({ from: "2026-12-19", to: "2026-12-20", label: "cuối tuần này" });
    expect(entities("tuan sau co le hoi ko").window).toEqual({ from: "2026-12-21", to: "2026-12-27", label: "tuần sau" });
    expect(entities("any festival next week?").window?.label).toBe("tuần sau");
    expect(entities("sắp tới có lễ hội gì").upcoming).toBe(true);
    expect(entities("upcoming festivals").upcoming).toBe(true);
    expect(entities("hội lim ngày nào").upcoming).toBeUndefined();
  });
});

describe("codes and phones", () => {
  it("finds ticket codes in any spacing and normalises them", () => {
    expect(entities("PA-2026-0012 xử lý tới đâu rồi").ticketCodes).toEqual(["PA-2026-0012"]);
    expect(findTicketCodes("ma pa 2026 0044 va lh-2026-0031")).toEqual(["PA-2026-0044", "LH-2026-0031"]);
    // A code's year is not the year the person asks about.
    expect(entities("PA-2026-0012 sao rồi").year).toBeUndefined();
  });

  it("finds Vietnamese phone numbers in national form", () => {
    expect(findPhones("gọi 0912 345 678 hoặc +84 912.345.679")).toEqual(["0912345678", "0912345679"]);
    expect(findPhones("máy bàn 0222.3812.345")).toEqual(["02223812345"]);
    expect(findPhones("năm 2026 có 12345 người")).toEqual([]);
    expect(entities("sdt cua toi la 0987654321").phones).toEqual(["0987654321"]);
  });
});
