import { describe, expect, it } from "vitest";
import { festivalSchema, heritageItemSchema } from "../../src/content/index.js";
import { sharedKnowledge } from "../helpers/test-server.js";

describe("location in content", () => {
  const item = { id: "chua-dau", names: { vi: "Chùa Dâu" }, kind: "relic", description: { vi: "…" }, source: "Dữ liệu thử nghiệm" };

  it("is optional and needs a source", () => {
    expect(heritageItemSchema.safeParse(item).success).toBe(true);
    expect(heritageItemSchema.safeParse({ ...item, location: { lat: 21.04, lng: 106.08, source: "Bản đồ thử nghiệm" } }).success).toBe(true);
    expect(heritageItemSchema.safeParse({ ...item, location: { lat: 21.04, lng: 106.08 } }).success).toBe(false);
  });

  it("needs a source a person can read, and refuses a point whose source says it was estimated", () => {
    const at = (source: string) => heritageItemSchema.safeParse({ ...item, location: { lat: 21.04, lng: 106.08, source } });
    expect(at("vnexpress").success).toBe(false); // an internal key, not a source
    expect(at("seed 002").success).toBe(false);
    expect(at("   ").success).toBe(false);
    // What the packs once carried: a guess written as a source.
    expect(at("Tọa độ gần đúng của chùa Dâu theo vị trí công khai của di tích; cần đối chiếu bản đồ trước khi in mã QR").success).toBe(false);
    expect(at("Ước tính từ bản đồ").success).toBe(false);
    expect(at("Estimated from a map").success).toBe(false);
    const refused = at("Ước tính từ bản đồ");
    expect(refused.success ? "" : refused.error.issues[0].message).toContain("not an estimate");
    expect(at("Hồ sơ xếp hạng di tích, bản đồ khoanh vùng bảo vệ").success).toBe(true);
  });

  it("refuses a point outside Vietnam (a swapped pair)", () => {
    expect(heritageItemSchema.safeParse({ ...item, location: { lat: 106.08, lng: 21.04, source: "Bản đồ thử nghiệm" } }).success).toBe(false);
    const festival = { id: "f", names: { vi: "F" }, date: { calendar: "solar", month: 1, day: 1 }, place: { vi: "P" }, description: { vi: "D" }, source: "Dữ liệu thử nghiệm" };
    expect(festivalSchema.safeParse({ ...festival, location: { lat: 0, lng: 0, source: "Bản đồ thử nghiệm" } }).success).toBe(false);
  });

  // The packs carry no coordinates today (the estimated ones were removed: never invent a fact); staff add sourced ones.
  it("every coordinate in the packs carries its source, and no area is given a point", () => {
    for (const pack of sharedKnowledge().content.packs.values()) {
      for (const entry of [...pack.heritage, ...pack.festivals]) {
        if (!entry.location) continue;
        expect(entry.location.source.length, entry.id).toBeGreaterThan(10);
        expect(["quan-ho-bac-ninh", "khong-gian-van-hoa-cong-chieng-tay-nguyen", "di-tich-dinh-den-chua-vo-cuong"]).not.toContain(entry.id);
      }
    }
  });
});
