/**
 * When each locality's yearly results are due, as its plan says. A pack not listed reports for the calendar year.
 *
 * @example reportDeadline("vo-cuong", 2026) // { day: "2026-10-15", source: "seed 000, mục V.8" }
 */

const DEADLINES: Record<string, { monthDay: string; source: string }> = {
  // "báo cáo kết quả thực hiện về UBND phường (qua phòng Văn hóa - Xã hội) trước ngày 15/10 hằng năm"
  "vo-cuong": { monthDay: "10-15", source: "Kế hoạch phường Võ Cường (seed 000), mục V.8" },
  // "Hằng năm (trước ngày 25/10), Phòng Văn hóa - Xã hội phường có trách nhiệm tổng hợp kết quả…"
  "tan-an": { monthDay: "10-25", source: "Kế hoạch phường Tân An (seed 001), mục VI" },
};

/** The due date of a pack's yearly report, or undefined when its plan sets none. */
export function reportDeadline(packId: string, year: number): { day: string; source: string } | undefined {
  const known = DEADLINES[packId];
  return known ? { day: `${year}-${known.monthDay}`, source: known.source } : undefined;
}
