import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it, vi } from "vitest";
import { WORDING_SYSTEM_PROMPT, wordAnswer, wordingMessages } from "../../../src/features/answers/plans/plan-wording.js";

describe("wordAnswer (optional chat model)", () => {
  const passages = [{ text: "- Xây dựng và duy trì ít nhất 01 lớp truyền dạy dân ca Quan họ…", citation: "Kế hoạch …, mục II.2 (Mục tiêu cụ thể)" }];

  it("returns null when no chat model is configured", async () => {
    expect(await wordAnswer(undefined, "Có lớp Quan họ không?", passages)).toBeNull();
  });

  it("returns the model's answer, having told it to use only the quotes", async () => {
    const model = new FakeListChatModel({ responses: ["Có, ít nhất 01 lớp mỗi năm (Kế hoạch …, mục II.2)."] });
    const spy = vi.spyOn(model, "invoke");
    expect(await wordAnswer(model, "Có lớp Quan họ không?", passages)).toBe("Có, ít nhất 01 lớp mỗi năm (Kế hoạch …, mục II.2).");
    const [messages] = spy.mock.calls[0] as unknown as [{ content: unknown }[]];
    expect(messages[0].content).toBe(WORDING_SYSTEM_PROMPT);
    expect(String(messages[1].content)).toContain("[Kế hoạch …, mục II.2 (Mục tiêu cụ thể)]");
    expect(String(messages[1].content)).toContain("Câu hỏi của người dân: Có lớp Quan họ không?");
  });

  it("says in Vietnamese that only the quotes may be used, and never calls them 'đoạn'", () => {
    expect(WORDING_SYSTEM_PROMPT).toContain("CHỈ được trả lời dựa trên các trích dẫn kế hoạch");
    const messages = wordingMessages("q", passages);
    expect(messages).toHaveLength(2);
    expect(messages.map((m) => String(m.content)).join("\n")).not.toMatch(/(?<!giai )đoạn/i);
  });

  it("returns null when the model fails or answers nothing, so the caller falls back to the quote", async () => {
    const failing = new FakeListChatModel({ responses: ["x"] });
    vi.spyOn(failing, "invoke").mockRejectedValue(new Error("provider down"));
    expect(await wordAnswer(failing, "q", passages)).toBeNull();
    expect(await wordAnswer(new FakeListChatModel({ responses: ["   "] }), "q", passages)).toBeNull();
    expect(await wordAnswer(new FakeListChatModel({ responses: ["x"] }), "q", [])).toBeNull();
  });
});
