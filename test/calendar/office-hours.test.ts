import { describe, expect, it } from "vitest";
import { addOfficeMinutes, isOfficeOpen, nextOfficeOpening, OFFICE_MINUTES_PER_DAY } from "../../src/calendar/office-hours.js";

// Instants are written in Vietnam time (+07:00) for readability.
const at = (local: string) => new Date(`${local}+07:00`);

describe("isOfficeOpen", () => {
  it("is open in working hours on a weekday", () => {
    expect(isOfficeOpen(at("2026-03-03T07:30:00"))).toBe(true); // Tuesday, opening minute
    expect(isOfficeOpen(at("2026-03-03T11:29:59"))).toBe(true);
    expect(isOfficeOpen(at("2026-03-03T13:30:00"))).toBe(true);
    expect(isOfficeOpen(at("2026-03-03T16:59:00"))).toBe(true);
  });

  it("is closed at lunch, early morning and evening", () => {
    expect(isOfficeOpen(at("2026-03-03T11:45:00"))).toBe(false);
    expect(isOfficeOpen(at("2026-03-03T11:30:00"))).toBe(false);
    expect(isOfficeOpen(at("2026-03-03T07:29:00"))).toBe(false);
    expect(isOfficeOpen(at("2026-03-03T17:00:00"))).toBe(false);
  });

  it("is closed at weekends and on public holidays", () => {
    expect(isOfficeOpen(at("2026-03-07T09:00:00"))).toBe(false); // Saturday
    expect(isOfficeOpen(at("2026-03-08T09:00:00"))).toBe(false); // Sunday
    expect(isOfficeOpen(at("2026-02-18T09:00:00"))).toBe(false); // mùng 2 Tết, a Wednesday
    expect(isOfficeOpen(at("2026-04-30T09:00:00"))).toBe(false);
  });

  it("uses Vietnam time whatever the machine's zone: 02:00 UTC Monday is 09:00 in Hà Nội", () => {
    expect(isOfficeOpen(new Date("2026-03-02T02:00:00Z"))).toBe(true);
    expect(isOfficeOpen(new Date("2026-03-02T11:00:00Z"))).toBe(false); // 18:00 local
  });

  it("respects announced closures", () => {
    expect(isOfficeOpen(at("2026-02-23T09:00:00"), { closedDays: ["2026-02-23"] })).toBe(false);
  });
});

describe("nextOfficeOpening", () => {
  it("returns the same instant when open", () => {
    const now = at("2026-03-03T09:15:00");
    expect(nextOfficeOpening(now)).toBe(now);
  });

  it("Friday 17:05 → Monday 7:30", () => {
    expect(nextOfficeOpening(at("2026-03-06T17:05:00")).toISOString()).toBe(at("2026-03-09T07:30:00").toISOString());
  });

  it("lunch → 13:30 the same day; early morning → 7:30 the same day", () => {
    expect(nextOfficeOpening(at("2026-03-03T11:45:00")).toISOString()).toBe(at("2026-03-03T13:30:00").toISOString());
    expect(nextOfficeOpening(at("2026-03-03T06:00:00")).toISOString()).toBe(at("2026-03-03T07:30:00").toISOString());
  });

  it("skips Tết: Monday 16/2/2026 (30 Tết) → Monday 23/2 7:30", () => {
    expect(nextOfficeOpening(at("2026-02-16T10:00:00")).toISOString()).toBe(at("2026-02-23T07:30:00").toISOString());
  });

  it("skips a holiday Friday: 1/5/2026 → Monday 4/5", () => {
    expect(nextOfficeOpening(at("2026-04-30T08:00:00")).toISOString()).toBe(at("2026-05-04T07:30:00").toISOString());
  });
});

describe("addOfficeMinutes (the handoff's expiry counts office time only)", () => {
  const local = (date: Date) => new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);

  it("one working day from a weekday morning is the same time the next working day", () => {
    expect(OFFICE_MINUTES_PER_DAY).toBe(450);
    expect(local(addOfficeMinutes(at("2026-11-25T10:00:00"), 450))).toBe("2026-11-26T10:00"); // Wednesday → Thursday
  });

  it("skips the weekend: Friday 16:00 → Monday 16:00", () => {
    expect(local(addOfficeMinutes(at("2026-11-27T16:00:00"), 450))).toBe("2026-11-30T16:00");
  });

  it("a start outside office hours counts from the next opening: Saturday → Monday 17:00; lunch → from 13:30", () => {
    expect(local(addOfficeMinutes(at("2026-11-28T10:00:00"), 450))).toBe("2026-11-30T17:00");
    expect(local(addOfficeMinutes(at("2026-11-25T12:00:00"), 60))).toBe("2026-11-25T14:30");
    expect(local(addOfficeMinutes(at("2026-11-25T11:00:00"), 60))).toBe("2026-11-25T14:00"); // 30 before lunch, 30 after
  });

  it("skips public holidays and announced closures: Tết 2027 and a closed day", () => {
    // Friday 05/02/2027 16:00: one hour left that day; Tết runs to Tuesday 09/02; the other 6.5 h end Wednesday 10/02 17:00.
    expect(local(addOfficeMinutes(at("2027-02-05T16:00:00"), 450))).toBe("2027-02-10T17:00");
    expect(local(addOfficeMinutes(at("2026-11-25T16:00:00"), 450, { closedDays: ["2026-11-26"] }))).toBe("2026-11-27T16:00");
  });

  it("zero minutes inside office hours is the instant itself", () => {
    expect(local(addOfficeMinutes(at("2026-11-25T09:15:00"), 0))).toBe("2026-11-25T09:15");
  });
});
