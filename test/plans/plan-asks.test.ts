import { describe, expect, it } from "vitest";
import { splitAsks } from "../../src/plans/plan-asks.js";

const kinds = (q: string) => splitAsks(q).map((a) => `${a.shape.type}${a.shape.header ? `:${a.shape.header}` : ""}`);

describe("a message's asks (issue 12)", () => {
  it.each([
    ["kế hoạch số mấy, ai ký?", ["header:number", "header:signer"]],
    ["nhiệm vụ số hóa di sản ai chủ trì và bao giờ phải xong", ["who", "when"]],
    ["who signed it and when", ["header:signer", "header:date"]],
    ["plan number and date please", ["header:number", "header:date"]],
    ["phuong co lam tai lieu song ngu khong, ai lam", ["yes_no", "who"]],
  ])("%s → %j", (q, want) => {
    expect(kinds(q)).toEqual(want);
  });

  it.each([
    "Sở Văn hóa, Thể thao và Du lịch có nhiệm vụ gì",
    "ai chủ trì, ai phối hợp việc số hóa",
    "ad ơi, ai lo việc bố trí kinh phí",
    "theo kế hoạch, khi nào phải nộp báo cáo",
    "Phòng Văn hóa và Thông tin làm gì",
  ])("one question: %s", (q) => {
    // Pieces before "," or "và" that ask nothing, or two pieces asking the same kind of thing, stay one question.
    expect(splitAsks(q)).toHaveLength(1);
  });
});
