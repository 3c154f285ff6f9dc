import { describe, expect, it } from "vitest";
import { dateFromJdn, deltaTSeconds, jdnFromDate, newMoonJde, sunLongitude } from "../../src/calendar/astronomy.js";

describe("astronomy (Meeus' worked examples)", () => {
  it("new moon of 1977 February: JDE 2443192.65118 (example 49.a)", () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4);
  });

  it("sun's apparent longitude on 1992-10-13 0h TD ≈ 199.909° (example 25.a)", () => {
    expect(sunLongitude(2448908.5)).toBeCloseTo(199.909, 2);
  });

  it("Julian Day Numbers both ways", () => {
    expect(jdnFromDate(2000, 1, 1)).toBe(2451545);
    expect(jdnFromDate(1957, 10, 4)).toBe(2436116);
    expect(dateFromJdn(2451545)).toEqual({ year: 2000, month: 1, day: 1 });
    for (let jdn = 2415021; jdn < 2488070; jdn += 97) {
      const d = dateFromJdn(jdn);
      expect(jdnFromDate(d.year, d.month, d.day)).toBe(jdn);
    }
  });

  it("ΔT is about a minute around 2000 and half a minute around 1950", () => {
    expect(deltaTSeconds(2000)).toBeCloseTo(63.9, 0);
    expect(deltaTSeconds(1950)).toBeCloseTo(29.1, 0);
  });
});
