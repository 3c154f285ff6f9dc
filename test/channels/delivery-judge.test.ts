import { describe, expect, it } from "vitest";
import { judgeDelivery, type SeenMessage } from "../../src/channels/delivery-check.js";

/** How a conversation listing is read after a send timed out, or after a crash (src/channels/delivery-check.ts). */
const SINCE = Date.parse("2026-11-25T03:00:00Z");
const ours = (text: string | undefined, after = 500): SeenMessage => ({ fromUs: true, at: SINCE + after, text });
const theirs = (text: string, after = 300): SeenMessage => ({ fromUs: false, at: SINCE + after, text });

describe("judgeDelivery", () => {
  it("every part there, whitespace as the platform keeps it: arrived", () => {
    expect(judgeDelivery(["Chào bạn\nMình giúp gì được?", "…"], [ours("Chào bạn Mình giúp gì được? "), ours("…", 600)], SINCE, true)).toBe(true);
  });

  it("nothing of it, and only the person's messages or other texts of ours since: not arrived", () => {
    expect(judgeDelivery(["Chào bạn"], [theirs("xin chào"), ours("Mã phản ánh: PA-2026-0001")], SINCE, true)).toBe(false);
    expect(judgeDelivery(["Chào bạn"], [], SINCE, true)).toBe(false);
  });

  it("its first part only (the crash came between the parts): partly", () => {
    expect(judgeDelivery(["Bạn muốn phản ánh về việc gì?", "…"], [ours("Bạn muốn phản ánh về việc gì?")], SINCE, true)).toBe("partly");
  });

  it("cannot tell: an OA message without text since, or a listing that does not reach back to the try", () => {
    expect(judgeDelivery(["Chào bạn"], [ours(undefined)], SINCE, true)).toBeUndefined();
    expect(judgeDelivery(["Chào bạn"], [theirs("xin chào")], SINCE, false)).toBeUndefined();
  });

  it("the same text sent before the try (beyond the clock margin) is not taken for this one", () => {
    expect(judgeDelivery(["Chào bạn"], [ours("Chào bạn", -60_000)], SINCE, true)).toBe(false);
  });
});
