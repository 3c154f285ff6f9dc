import { describe, expect, it } from "vitest";
import { loadContent, type ContentPack } from "../../src/content/index.js";

// Properties the real packs must keep as staff edit them.
const library = loadContent("content");
const packs = [...library.packs.values()];
const each = (fn: (pack: ContentPack) => void) => packs.forEach(fn);

describe("the real packs' data", () => {
  it("invents no phone, email or address: every one present says where it comes from", () => {
    each((pack) => {
      for (const c of pack.contacts) {
        if (c.phone !== null || c.email !== null || c.address !== null) expect(c.contactSource, `${pack.id}/${c.id}`).toBeTruthy();
      }
    });
  });

  it("routes every report category to a contact of the same pack", () => {
    each((pack) => {
      for (const category of pack.reportCategories) expect(pack.contact(category.unit), `${pack.id}/${category.id}`).toBeDefined();
    });
  });

  it("gives every factual item a source", () => {
    each((pack) => {
      const items = [...pack.festivals, ...pack.heritage, ...pack.classes, ...pack.contacts, ...pack.reportCategories];
      for (const item of items) expect(item.source.trim(), `${pack.id}/${item.id}`).not.toBe("");
    });
  });

  it("has one open Quan họ class to register for in each demo ward, as a template for staff", () => {
    for (const ward of ["vo-cuong", "tan-an"]) {
      const open = library.pack(ward).classes.filter((c) => c.status === "open" && c.kind === "quan_ho");
      expect(open).toHaveLength(1);
      const [lop] = open;
      expect(lop.capacity).toBeGreaterThan(0);
      // The staff's reminder is a note for them, apart from the source a person is shown.
      expect(lop.staffNote).toMatch(/^Mẫu – cán bộ cập nhật lịch/);
      expect(lop.source).not.toMatch(/mẫu|cán bộ cập nhật/i);
      // Unknown: no invented teacher, time, fee or first session.
      expect([lop.teacher, lop.schedule, lop.fee, lop.firstSession]).toEqual([undefined, undefined, undefined, undefined]);
    }
  });

  it("lists the classes the plans call for, not yet scheduled", () => {
    expect(library.pack("tan-an").class("lop-nghe-truyen-thong-tan-an")?.status).toBe("not_scheduled");
    expect(library.pack("vo-cuong").class("lop-nghe-giay-do-duong-o")?.status).toBe("not_scheduled");
  });

  it("keeps UNCONFIRMED facts in `uncertain`", () => {
    const bacNinh = library.pack("bac-ninh");
    expect(bacNinh.festival("le-hoi-den-do")?.date.mainDay).toBeUndefined();
    expect(bacNinh.festival("le-hoi-den-do")?.uncertain?.vi).toMatch(/15 hoặc ngày 16/);
    expect(bacNinh.festival("le-hoi-den-ba-chua-kho")?.uncertain?.vi).toMatch(/12 hoặc ngày 14/);
    expect(bacNinh.festival("festival-ve-mien-quan-ho")?.uncertain).toBeDefined();
    expect(library.pack("bac-giang").heritageItem("hat-then")?.unesco).toBeUndefined();
    expect(library.pack("bac-giang").heritageItem("hat-then")?.uncertain?.vi).toContain("2019");
    expect(library.pack("kon-ray").heritageItem("khong-gian-van-hoa-cong-chieng-tay-nguyen")?.unesco).toBeUndefined();
  });

  it("carries the checked dates from facts.md", () => {
    expect(library.pack("vo-cuong").festival("cho-am-duong")?.date).toMatchObject({ calendar: "lunar", month: 1, day: 4 });
    expect(library.pack("bac-giang").festival("le-hoi-yen-the")?.date).toMatchObject({ calendar: "solar", month: 3, day: 15, days: 3, mainDay: 16 });
    expect(library.pack("bac-giang").heritageItem("moc-ban-chua-vinh-nghiem")?.unesco?.year).toBe(2012);
    expect(library.pack("bac-giang").heritageItem("tho-mau-tam-phu")?.unesco?.year).toBe(2016);
    expect(library.pack("bac-ninh").heritageItem("quan-ho-bac-ninh")?.unesco?.date).toBe("2009-09-30");
  });

  it("routes ward security reports to the ward police, as the plans assign", () => {
    for (const ward of ["vo-cuong", "tan-an"]) {
      const pack = library.pack(ward);
      for (const id of ["against-fine-customs", "harmful-online-info", "unlicensed-foreign-event"]) {
        expect(pack.category(id)?.unit, `${ward}/${id}`).toBe("cong-an-phuong");
      }
      expect(pack.office.id).toBe("phong-van-hoa-xa-hoi");
    }
  });
});
