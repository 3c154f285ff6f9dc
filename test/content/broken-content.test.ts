import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentError, loadContent } from "../../src/content/index.js";
import { category, contact, festival, put, tempContent } from "./temp-content.js";

const dirs: string[] = [];
const temp = () => {
  const dir = tempContent();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Load and return the ContentError (failing the test if loading succeeds). */
function failure(dir: string): ContentError {
  try {
    loadContent(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error("expected loadContent to fail");
}

describe("a broken pack", () => {
  it("names the file and the field", () => {
    const dir = temp();
    put(dir, "ward/festivals.yaml", [
      festival("hoi-a", "Hội A", { calendar: "lunar", month: 1, day: 1 }),
      festival("hoi-b", "Hội B", { calendar: "lunar", month: 1, day: 1 }),
      festival("hoi-c", "Hội C", { calendar: "lunar", month: 13, day: 1 }),
    ]);
    const error = failure(dir);
    expect(error.message).toBe(`${path.join(dir, "ward/festivals.yaml")}: [2].date.month: Number must be ≤ 12`);
    expect(error.issues).toEqual([{ file: path.join(dir, "ward/festivals.yaml"), path: "[2].date.month", message: "Number must be ≤ 12" }]);
  });

  it("collects every problem rather than stopping at the first", () => {
    const dir = temp();
    put(dir, "ward/festivals.yaml", [{ ...festival("hoi-a", "Hội A", { calendar: "lunar", month: 1, day: 1 }), place: undefined }]);
    put(dir, "prov/contacts.yaml", [{ ...contact("so-van-hoa", "Sở"), phone: "0222 3822 123" }]);
    put(dir, "ward/classes.yaml", [{ id: "Lop Sai", title: { vi: "Lớp" }, kind: "hat", status: "open", source: "Nguồn thử", teachr: { vi: "A" } }]);
    const lines = failure(dir).message.split("\n");
    expect(lines[0]).toBe("5 content problems:");
    expect(lines.slice(1).sort()).toEqual(
      [
        `${path.join(dir, "prov/contacts.yaml")}: [0].contactSource: phone is set: say where it was checked (never invent contact details)`,
        `${path.join(dir, "ward/classes.yaml")}: [0].id: Must be a kebab-case id (a-z, 0-9, single dashes), e.g. "hoi-lim"`,
        `${path.join(dir, "ward/classes.yaml")}: [0].kind: Must be "quan_ho" or "craft"`,
        `${path.join(dir, "ward/classes.yaml")}: [0].teachr: Unknown field (a typo?)`,
        `${path.join(dir, "ward/festivals.yaml")}: [0].place: Invalid input: expected object, received undefined`,
      ].sort(),
    );
  });

  it("a location without a source, or with a guess for one, names the file and the field", () => {
    const dir = temp();
    const point = { lat: 21.2, lng: 106.1 };
    put(dir, "ward/festivals.yaml", [
      { ...festival("hoi-a", "Hội A", { calendar: "lunar", month: 1, day: 1 }), location: point },
      { ...festival("hoi-b", "Hội B", { calendar: "lunar", month: 1, day: 2 }), location: { ...point, source: "Tọa độ ước tính, cần đối chiếu bản đồ" } },
    ]);
    const issues = failure(dir).issues.map((issue) => `${path.relative(dir, issue.file)} ${issue.path}`);
    expect(issues.sort()).toEqual(["ward/festivals.yaml [0].location.source", "ward/festivals.yaml [1].location.source"]);
  });

  it("reports YAML syntax errors with the line", () => {
    const dir = temp();
    put(dir, "ward/heritage.yaml", "- id: a\n  names: { vi: \"x\"\n");
    expect(failure(dir).message).toMatch(new RegExp(`^${escape(path.join(dir, "ward/heritage.yaml"))}: YAML syntax: line \\d+`));
  });

  it("rejects duplicate ids, an unknown parent and a cycle", () => {
    const dir = temp();
    put(dir, "prov/festivals.yaml", [
      festival("hoi-a", "Hội A", { calendar: "lunar", month: 1, day: 1 }),
      festival("hoi-a", "Hội A lần hai", { calendar: "lunar", month: 1, day: 2 }),
    ]);
    put(dir, "a/pack.yaml", { id: "a", extends: "b", names: { vi: "A" }, province: { vi: "P" }, office: "x" });
    put(dir, "b/pack.yaml", { id: "b", extends: "a", names: { vi: "B" }, province: { vi: "P" }, office: "x" });
    put(dir, "c/pack.yaml", { id: "c", extends: "nowhere", names: { vi: "C" }, province: { vi: "P" }, office: "x" });
    const message = failure(dir).message;
    expect(message).toContain(`${path.join(dir, "prov/festivals.yaml")}: [1].id: Duplicate id "hoi-a" (first at [0])`);
    expect(message).toContain(`${path.join(dir, "b/pack.yaml")}: extends: Cycle: a → b → a`);
    expect(message).toContain(`${path.join(dir, "c/pack.yaml")}: extends: No pack "nowhere"`);
  });

  it("checks that routing, the office and accounts point at things that exist", () => {
    const dir = temp();
    put(dir, "ward/report-categories.yaml", [category("mat-trat-tu", "cong-an"), category("sai", "khong-co")]);
    put(dir, "ward/pack.yaml", { id: "phuong", extends: "prov", names: { vi: "P" }, province: { vi: "P" }, office: "phong-van-hoa" });
    put(dir, "accounts.yaml", { accounts: [{ id: "oa", pack: "ha-noi" }, { id: "oa", pack: "prov" }] });
    const message = failure(dir).message;
    expect(message).toContain(`${path.join(dir, "ward/report-categories.yaml")}: [1].unit: No contact "khong-co" in this pack`);
    expect(message).toContain(`${path.join(dir, "ward/pack.yaml")}: id: Must be "ward", the name of the pack's folder`);
    expect(message).toContain(`${path.join(dir, "accounts.yaml")}: accounts[1].id: Duplicate account id "oa"`);
  });

  it("checks account packs exist", () => {
    const dir = temp();
    put(dir, "accounts.yaml", { accounts: [{ id: "oa", pack: "ha-noi" }] });
    expect(failure(dir).message).toBe(`${path.join(dir, "accounts.yaml")}: accounts[0].pack: No pack "ha-noi" (known: prov, ward)`);
  });

  it("validates plan files", () => {
    const dir = temp();
    put(dir, "ward/plans/ke-hoach.yaml", {
      plan: { id: "ke-hoach", title: { vi: "Kế hoạch" }, issuer: "UBND phường", period: "2026–2030", source: "Văn bản kế hoạch" },
      sections: [
        { id: "I.1", title: "Mục đích", text: "…" },
        { id: "I.1", title: "Lặp", text: "" },
      ],
    });
    const issues = failure(dir).issues.map((i) => `${i.path}: ${i.message}`);
    expect(issues).toEqual(["sections[1].text: Must not be empty", 'sections[1].id: Duplicate section id "I.1"']);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
