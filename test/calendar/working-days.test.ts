import { describe, expect, it } from "vitest";
import { addWorkingDays, subtractWorkingDays, workingDaysLeft, workingDeadline } from "../../src/calendar/index.js";

/** Working-day arithmetic for report deadlines: weekends, the Labour Code's public holidays, announced closures. */

const vn = (date: string, time = "10:00") => Date.parse(`${date}T${time}:00+07:00`);

describe("working days", () => {
  it("skips the weekend", () => {
    expect(addWorkingDays("2026-12-04", 1)).toBe("2026-12-07"); // Friday → Monday
    expect(addWorkingDays("2026-12-05", 1)).toBe("2026-12-07"); // filed on Saturday
    expect(subtractWorkingDays("2026-12-07", 1)).toBe("2026-12-04");
  });

  it("skips public holidays: New Year's Day 2027 (Friday) and the weekend after it", () => {
    expect(addWorkingDays("2026-12-31", 1)).toBe("2027-01-04");
    expect(addWorkingDays("2026-12-31", 7)).toBe("2027-01-12");
  });

  it("skips Tết 2027 (5–10/2, lunar eve to mùng 4) and 30/4–1/5", () => {
    // Tết Đinh Mùi: mùng 1 is 6/2/2027; the holidays run 5/2 (Fri) – 9/2 (Tue), with the weekend 6–7/2 inside.
    expect(addWorkingDays("2027-02-04", 1)).toBe("2027-02-10");
    expect(addWorkingDays("2026-04-29", 1)).toBe("2026-05-04");
  });

  it("skips announced closures (nghỉ bù)", () => {
    expect(addWorkingDays("2026-12-04", 1, { closedDays: ["2026-12-07"] })).toBe("2026-12-08");
  });

  it("a deadline ends at 17:00 of its last working day, whatever time the matter arrived", () => {
    expect(new Date(workingDeadline(vn("2026-12-04", "10:00"), 3)).toISOString()).toBe("2026-12-09T10:00:00.000Z");
    expect(new Date(workingDeadline(vn("2026-12-04", "23:30"), 1)).toISOString()).toBe("2026-12-07T10:00:00.000Z");
  });

  it("counts the working days left, negative once past", () => {
    const due = workingDeadline(vn("2026-12-04"), 3); // Wed 9/12
    expect(workingDaysLeft(vn("2026-12-04"), due)).toBe(3);
    expect(workingDaysLeft(vn("2026-12-09", "08:00"), due)).toBe(0);
    expect(workingDaysLeft(vn("2026-12-14"), due)).toBe(-3); // Thu, Fri, Mon after the due day
  });
});
