import { describe, expect, it } from "vitest";
import { festivalSchema, heritageItemSchema } from "../../src/content/index.js";
import { distanceKm, nearestPlaces } from "../../src/features/answers/nearby.js";
import { sharedKnowledge } from "../helpers/test-server.js";

describe("location in content", () => {
  const item = { id: "chua-dau", names: { vi: "Chùa Dâu" }, kind: "relic", description: { vi: "…" }, source: "Dữ liệu thử nghiệm" };

  it("is optional and needs a source", () => {
    expect(heritageItemSchema.safeParse(item).success).toBe(true);
    expect(heritageItemSchema.safeParse({ ...item, location: { lat: 21.04, lng: 106.08, source: "Bản đồ thử nghiệm" } }).success).toBe(true);
    expect(heritageItemSchema.safeParse({ ...item, location: { lat: 21.04, lng: 106.08 } }).success).toBe(false);
  });

  it("refuses a point outside Vietnam (a swapped pair)", () => {
    expect(heritageItemSchema.safeParse({ ...item, location: { lat: 106.08, lng: 21.04, source: "Bản đồ thử nghiệm" } }).success).toBe(false);
    const festival = { id: "f", names: { vi: "F" }, date: { calendar: "solar", month: 1, day: 1 }, place: { vi: "P" }, description: { vi: "D" }, source: "Dữ liệu thử nghiệm" };
    expect(festivalSchema.safeParse({ ...festival, location: { lat: 0, lng: 0, source: "Bản đồ thử nghiệm" } }).success).toBe(false);
  });

  it("every coordinate in the packs carries its source, and no area is given a point", () => {
    for (const pack of sharedKnowledge().content.packs.values()) {
      for (const entry of [...pack.heritage, ...pack.festivals]) {
        if (!entry.location) continue;
        expect(entry.location.source.length, entry.id).toBeGreaterThan(10);
        expect(["quan-ho-bac-ninh", "khong-gian-van-hoa-cong-chieng-tay-nguyen", "di-tich-dinh-den-chua-vo-cuong"]).not.toContain(entry.id);
      }
    }
  });

  it("distance: Bắc Ninh to Hà Nội is about 30 km; nearest first", () => {
    expect(distanceKm({ lat: 21.186, lng: 106.076 }, { lat: 21.028, lng: 105.834 })).toBeGreaterThan(25);
    expect(distanceKm({ lat: 21.186, lng: 106.076 }, { lat: 21.028, lng: 105.834 })).toBeLessThan(35);
    const near = nearestPlaces(sharedKnowledge().content.pack("bac-ninh"), { latitude: 21.04, longitude: 106.08 }, "vi");
    expect(near[0].payload).toMatch(/chua-dau/);
    expect(near.map((p) => p.km)).toEqual([...near.map((p) => p.km)].sort((a, b) => a - b));
  });
});
