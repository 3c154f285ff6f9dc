import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { fold } from "../../src/nlu/fold.js";
import { loadContent } from "../../src/content/index.js";
import { put, tempContent } from "./temp-content.js";

const dirs: string[] = [];
const temp = () => {
  const dir = tempContent();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the real content packs", () => {
  const library = loadContent("content");

  it("loads every seed locality", () => {
    expect([...library.packs.keys()].sort()).toEqual(["bac-giang", "bac-ninh", "kon-ray", "tan-an", "vo-cuong"]);
    for (const pack of library.packs.values()) {
      expect(pack.contact(pack.office.id)).toBe(pack.office);
      expect(pack.contacts.length).toBeGreaterThan(0);
      expect(pack.reportCategories.length).toBeGreaterThan(0);
    }
  });

  it("lets the wards see the province's festivals and heritage", () => {
    for (const ward of ["vo-cuong", "tan-an"]) {
      const pack = library.pack(ward);
      expect(pack.lineage).toEqual([ward, "bac-ninh"]);
      expect(pack.festival("hoi-lim")?.date).toMatchObject({ calendar: "lunar", month: 1, day: 12, days: 2, mainDay: 13 });
      expect(pack.heritageItem("quan-ho-bac-ninh")?.unesco?.year).toBe(2009);
    }
    expect(library.pack("vo-cuong").festival("cho-am-duong")).toBeDefined();
    expect(library.pack("bac-ninh").festival("cho-am-duong")).toBeUndefined();
    expect(library.pack("kon-ray").festival("hoi-lim")).toBeUndefined();
  });

  it("lets a ward replace a province item with the same id", () => {
    const province = library.pack("bac-ninh").festival("festival-ve-mien-quan-ho")!;
    const ward = library.pack("tan-an").festival("festival-ve-mien-quan-ho")!;
    expect(ward.description.vi).toContain("Tân An");
    expect(province.description.vi).not.toContain("Tân An");
    expect(library.pack("tan-an").festivals.filter((f) => f.id === "festival-ve-mien-quan-ho")).toHaveLength(1);
    // Routing too: the ward's own police, not the province department.
    expect(library.pack("vo-cuong").category("against-fine-customs")?.unit).toBe("cong-an-phuong");
    expect(library.pack("bac-ninh").category("against-fine-customs")?.unit).toBe("so-van-hoa-the-thao-du-lich");
  });

  it("puts the catalog's aliases next to the vi and en names", () => {
    const entry = library.pack("vo-cuong").catalog().find((e) => e.id === "cho-am-duong")!;
    expect(entry.kind).toBe("festival");
    expect(entry.names).toEqual(expect.arrayContaining(["Chợ Âm Dương (làng Ó)", "cho am duong", "yin yang market"]));
    const kinds = new Set(library.pack("tan-an").catalog().map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["class", "contact", "festival", "heritage"]);
    // Inherited items are nameable too.
    expect(library.pack("tan-an").catalog().some((e) => e.id === "hoi-lim" && e.names.includes("hoi lim"))).toBe(true);
  });

  it("does not list Hội Gióng (it is in Hà Nội)", () => {
    for (const pack of library.packs.values()) {
      for (const entry of pack.catalog()) expect(entry.names.map(fold).join(" ")).not.toContain("giong");
    }
  });

  it("packForAccount falls back to the default pack for an unmapped account", () => {
    expect(library.packForAccount("no-such-oa", "tan-an").id).toBe("tan-an");
    expect(() => library.pack("ha-noi")).toThrow(/Unknown content pack "ha-noi"/);
  });
});

describe("loadContent on a small folder", () => {
  it("merges own items first, then inherited ones not redefined", () => {
    const pack = loadContent(temp()).pack("ward");
    expect(pack.festivals.map((f) => f.id)).toEqual(["hoi-phuong", "hoi-chung", "hoi-tinh"]);
    expect(pack.festival("hoi-chung")?.names.vi).toBe("Hội Chung (bản của phường)");
    expect(pack.category("xam-hai-di-tich")?.unit).toBe("phong-van-hoa");
    expect(pack.contact("so-van-hoa")).toBeDefined();
    expect(pack.classes.map((c) => c.id)).toEqual(["lop-quan-ho"]);
    expect(loadContent(temp()).pack("prov").classes).toEqual([]); // no classes.yaml: an empty list
  });

  it("maps accounts to packs", () => {
    const dir = temp();
    put(dir, "accounts.yaml", { accounts: [{ id: "oa-1", pack: "ward", label: "OA phường" }, { id: 123456, pack: "prov" }] });
    const library = loadContent(dir);
    expect(library.packForAccount("oa-1", "prov").id).toBe("ward");
    expect(library.packForAccount("123456", "ward").id).toBe("prov"); // a numeric id in YAML still matches
    expect(library.packForAccount("other", "prov").id).toBe("prov");
  });

  it("reload picks up edits, and keeps the old content when the new one is broken", () => {
    const dir = temp();
    const library = loadContent(dir);
    const packs = library.packs;
    put(dir, "accounts.yaml", { accounts: [{ id: "oa-2", pack: "ward" }] });
    library.reload();
    expect(library.packForAccount("oa-2", "prov").id).toBe("ward");
    expect(library.packs).toBe(packs);

    put(dir, "ward/pack.yaml", "id: ward\nnames: [\n");
    expect(() => library.reload()).toThrow(/ward\/pack\.yaml/);
    expect(library.pack("ward").festival("hoi-phuong")).toBeDefined();
    expect(library.packForAccount("oa-2", "prov").id).toBe("ward");
  });
});
