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

/** A fresh folder with a valid "prov" pack and a "ward" pack that extends it (enough for a test server too). */
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
  // The privacy texts a server needs to start (docs/privacy.md), as a real pack has them.
  fs.copyFileSync(path.join("content", "bac-ninh", "privacy.yaml"), path.join(dir, "prov", "privacy.yaml"));
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

/**
 * Test coordinates (made up, inside Vietnam's bounds) for the "nearest place to a shared location" tests: the real
 * packs carry no coordinates until staff add sourced ones, so these tests bring their own.
 */
export const TEST_PLACES = {
  north: { lat: 21.2, lng: 106.1 },
  south: { lat: 21.0, lng: 106.1 },
  festival: { lat: 21.21, lng: 106.1 },
} as const;

/**
 * tempContent() plus a ward heritage file with two located sites and one without a place, and the ward festival
 * held at a located point.
 *
 * @example const knowledge = new Knowledge(loadContent(locatedContent()), "ward");
 */
export function locatedContent(): string {
  const dir = tempContent();
  const where = (point: { lat: number; lng: number }) => ({ ...point, source: "Tọa độ thử nghiệm của bộ kiểm thử" });
  const site = (id: string, vi: string, extra: Record<string, unknown> = {}) => ({ id, names: { vi, en: `${vi} (en)` }, kind: "relic", description: { vi: "Mô tả" }, source: "Nguồn thử", ...extra });
  put(dir, "ward/heritage.yaml", [
    site("dinh-bac", "Đình Bắc Thử", { location: where(TEST_PLACES.north) }),
    site("chua-nam", "Chùa Nam Thử", { location: where(TEST_PLACES.south) }),
    site("lang-nghe", "Làng nghề Thử (cả vùng, không có một điểm)"),
  ]);
  put(dir, "ward/festivals.yaml", [
    { ...festival("hoi-phuong", "Hội Phường", { calendar: "solar", month: 3, day: 15, days: 3, mainDay: 16 }), location: where(TEST_PLACES.festival) },
    festival("hoi-chung", "Hội Chung (bản của phường)", { calendar: "lunar", month: 2, day: 3 }),
  ]);
  return dir;
}
