import { describe, expect, it } from "vitest";
import { fold } from "../../src/nlu/fold.js";
import { AMOUNT, ASKS_AMOUNT } from "../../src/plans/answer-needs.js";

// An amount of money asked is answered only by a sum (or "not covered"); a question that is not about money must
// not be held to that, or it is refused although the plan answers it.
describe("ASKS_AMOUNT: a question for a sum of money", () => {
  it.each(["phường bỏ ra bao nhiêu tiền để tham gia festival quan họ", "kinh phí là mấy tỷ", "How much money does Tan An set aside?", "how much will the ward spend on the festival", "tien lam le hoi het bao nhieu"])("money: %s", (q) => {
    expect(ASKS_AMOUNT.test(fold(q))).toBe(true);
  });

  it.each(["How much time do units have to send their reports?", "how much of the staff must be trained", "mỗi tổ dân phố tổ chức bao nhiêu buổi sinh hoạt"])("not money: %s", (q) => {
    expect(ASKS_AMOUNT.test(fold(q))).toBe(false);
  });

  it("a sum in the plan's words, not a count or a frequency", () => {
    expect(AMOUNT.test("bố trí 500 triệu đồng từ ngân sách")).toBe(true);
    expect(AMOUNT.test("định kỳ 03 năm/lần")).toBe(false);
    expect(AMOUNT.test("ít nhất 01 buổi sinh hoạt truyền thông/năm")).toBe(false);
  });
});
