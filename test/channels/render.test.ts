import { describe, expect, it } from "vitest";
import { renderForMessenger } from "../../src/channels/messenger/render.js";
import { splitText } from "../../src/channels/split-text.js";
import { renderForZalo } from "../../src/channels/zalo/render.js";

const sentence = "Lễ hội Lim là lễ hội lớn của vùng Kinh Bắc. ";

describe("splitText", () => {
  it("keeps short text whole and splits long text at sentence boundaries within the limit", () => {
    expect(splitText("Xin chào", 2000)).toEqual(["Xin chào"]);
    const long = sentence.repeat(120); // ~5,300 characters
    const parts = splitText(long, 2000);
    expect(parts.length).toBe(3);
    for (const part of parts) {
      expect([...part].length).toBeLessThanOrEqual(2000);
      expect(part.endsWith(".")).toBe(true);
    }
    expect(parts.join(" ")).toBe(long.trim());
  });

  it("cuts a single unbroken word hard", () => {
    const parts = splitText("x".repeat(4500), 2000);
    expect(parts.map((p) => p.length)).toEqual([2000, 2000, 500]);
  });
});

describe("Messenger rendering", () => {
  it("puts quick replies on the last text part, at most 13, titles cut to 20 characters", () => {
    const choices = Array.from({ length: 15 }, (_, i) => ({ title: `Lựa chọn rất dài số ${i + 1} của bạn`, payload: `p${i}` }));
    const messages = renderForMessenger({ text: sentence.repeat(60), choices }) as any[];
    expect(messages.length).toBe(2);
    expect(messages[0].quick_replies).toBeUndefined();
    const quick = messages[1].quick_replies;
    expect(quick).toHaveLength(13);
    for (const q of quick) expect([...q.title].length).toBeLessThanOrEqual(20);
    // Choices beyond 13 are listed with numbers in the text.
    expect(messages[1].text).toContain("15. Lựa chọn rất dài số 15 của bạn");
  });

  it("sends images as attachments after the text", () => {
    const messages = renderForMessenger({ text: "Ảnh", images: [{ url: "https://example.org/a.jpg" }] }) as any[];
    expect(messages[1]).toEqual({ attachment: { type: "image", payload: { url: "https://example.org/a.jpg", is_reusable: true } } });
  });
});

describe("Zalo rendering", () => {
  it("renders choices as oa.query.show buttons, 5 per message", () => {
    const choices = Array.from({ length: 7 }, (_, i) => ({ title: `Mục ${i + 1}`, payload: `menu:${i}` }));
    const messages = renderForZalo({ text: "Bạn muốn tìm hiểu gì?", choices }) as any[];
    expect(messages).toHaveLength(2);
    expect(messages[0].text).toBe("Bạn muốn tìm hiểu gì?");
    expect(messages[0].attachment.payload.buttons).toHaveLength(5);
    expect(messages[0].attachment.payload.buttons[0]).toEqual({ title: "Mục 1", type: "oa.query.show", payload: "#menu:0" });
    expect(messages[1].attachment.payload.buttons).toHaveLength(2);
  });

  it("splits text over 2,000 characters", () => {
    const messages = renderForZalo({ text: sentence.repeat(100) }) as any[];
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect([...m.text].length).toBeLessThanOrEqual(2000);
  });
});
