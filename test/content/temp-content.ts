/**
 * Small content folders for tests: a province pack and a ward pack that extends it, written to a temp dir,
 * with helpers to break one file at a time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";

/** Write `data` (YAML-serialised, or raw text when a string) to `dir/rel`. */
export function put(dir: string, rel: string, data: unknown): void {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof data === "string" ? data : YAML.stringify(data), "utf8");
}

/** A fresh folder with a valid "prov" pack and a "ward" pack that extends it. */
export function tempContent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-test-"));
  put(dir, "prov/pack.yaml", {
    id: "prov",
    names: { vi: "Tỉnh Thử" },
    province: { vi: "Tỉnh Thử" },
    office: "so-van-hoa",
  });
  put(dir, "prov/festivals.yaml", [
    festival("hoi-tinh", "Hội Tỉnh", { calendar: "lunar", month: 1, day: 12 }),
    festival("hoi-chung", "Hội Chung (bản của tỉnh)", { calendar: "lunar", month: 2, day: 1 }),
  ]);
  put(dir, "prov/contacts.yaml", [contact("so-van-hoa", "Sở Văn hóa")]);
  put(dir, "prov/report-categories.yaml", [category("xam-hai-di-tich", "so-van-hoa")]);
  put(dir, "ward/pack.yaml", {
    id: "ward",
    extends: "prov",
    names: { vi: "Phường Thử" },
    province: { vi: "Tỉnh Thử" },
    office: "phong-van-hoa",
  });
  put(dir, "ward/festivals.yaml", [
    festival("hoi-phuong", "Hội Phường", { calendar: "solar", month: 3, day: 15, days: 3, mainDay: 16 }),
    festival("hoi-chung", "Hội Chung (bản của phường)", { calendar: "lunar", month: 2, day: 3 }),
  ]);
  put(dir, "ward/contacts.yaml", [contact("phong-van-hoa", "Phòng Văn hóa"), contact("cong-an", "Công an phường")]);
  put(dir, "ward/report-categories.yaml", [category("xam-hai-di-tich", "phong-van-hoa"), category("mat-trat-tu", "cong-an")]);
  put(dir, "ward/classes.yaml", [
    { id: "lop-quan-ho", title: { vi: "Lớp Quan họ" }, kind: "quan_ho", capacity: 30, status: "open", source: "Nguồn thử" },
  ]);
  return dir;
}

/** A valid festival. */
export function festival(id: string, vi: string, date: Record<string, unknown>) {
  return { id, names: { vi }, aliases: [id.replace(/-/g, " ")], date, place: { vi: "Nơi thử" }, description: { vi: "Mô tả" }, source: "Nguồn thử" };
}

/** A valid contact with unknown details. */
export function contact(id: string, vi: string) {
  return { id, names: { vi }, role: { vi: "Vai trò" }, phone: null, email: null, address: null, source: "Nguồn thử" };
}

/** A valid report category. */
export function category(id: string, unit: string) {
  return { id, names: { vi: id }, keywords: [], unit, source: "Nguồn thử" };
}
