import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { ContentError, loadContent, writePackFile } from "../../src/content/index.js";
import { contact, tempContent } from "./temp-content.js";

const dirs: string[] = [];
const temp = () => {
  const dir = tempContent();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("writePackFile", () => {
  it("writes a valid file that reload() then serves", () => {
    const dir = temp();
    const library = loadContent(dir);
    const classes = library.pack("ward").classes.map((c) =>
      c.id === "lop-quan-ho" ? { ...c, schedule: { vi: "Tối thứ Bảy, 19:30–21:00" }, firstSession: "2026-12-05" } : c,
    );
    writePackFile(dir, "ward", "classes", classes);
    expect(YAML.parse(fs.readFileSync(path.join(dir, "ward/classes.yaml"), "utf8"))[0].schedule.vi).toBe("Tối thứ Bảy, 19:30–21:00");
    library.reload();
    expect(library.pack("ward").class("lop-quan-ho")?.firstSession).toBe("2026-12-05");
    expect(fs.readdirSync(path.join(dir, "ward")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes nothing when an item is invalid, and names the field", () => {
    const dir = temp();
    const file = path.join(dir, "ward/classes.yaml");
    const before = fs.readFileSync(file, "utf8");
    expect(() =>
      writePackFile(dir, "ward", "classes", [{ id: "lop", title: { vi: "Lớp" }, kind: "quan_ho", status: "open", source: "Nguồn thử" }]),
    ).toThrow(`${file}: [0].capacity: An open class needs a capacity`);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  });

  it("writes nothing when the content would no longer load (a category routes to a removed contact)", () => {
    const dir = temp();
    const file = path.join(dir, "ward/contacts.yaml");
    const before = fs.readFileSync(file, "utf8");
    let error: unknown;
    try {
      writePackFile(dir, "ward", "contacts", [contact("phong-van-hoa", "Phòng Văn hóa")]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toBe(`${path.join(dir, "ward/report-categories.yaml")}: [1].unit: No contact "cong-an" in this pack (known: phong-van-hoa, so-van-hoa)`);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  });

  it("refuses an unknown pack", () => {
    expect(() => writePackFile(temp(), "ha-noi", "festivals", [])).toThrow(/No pack folder/);
  });
});
