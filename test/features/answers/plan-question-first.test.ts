import { describe, expect, it } from "vitest";
import { planQuestionFirst, type AnswerIntent } from "../../../src/features/answers/index.js";
import { input } from "./answer-fixtures.js";

// Questions about what the plans say, put by the classifier to an intent that opens a dialog.
const questions: [string, string, AnswerIntent][] = [
  ["tan-an", "cac to dan pho gap kho khan thi phan anh ve dau", "report_status"],
  ["tan-an", "tổ dân phố phát hiện vi phạm an ninh văn hóa thì báo cho ai?", "report_violation"],
  ["vo-cuong", "cán bộ văn hóa của phường có phải đi tập huấn không", "human_handoff"],
  ["tan-an", "ke hoach co nhac gi toi viec tap huan cho to truong to dan pho ko", "subscribe_reminder"],
];
// Requests to do the thing, and messages that tell rather than ask.
const requests: [string, string, AnswerIntent][] = [
  ["tan-an", "tôi muốn phản ánh có người vẽ bậy lên tường đình", "report_violation"],
  ["tan-an", "có người viết vẽ bậy lên tường đình làng", "report_violation"],
  ["vo-cuong", "cho mình gặp cán bộ phòng văn hóa", "human_handoff"],
  ["tan-an", "làm sao để phản ánh vi phạm an ninh văn hóa?", "report_violation"],
  ["tan-an", "nhắc tôi trước hội Lim 3 ngày", "subscribe_reminder"],
];

describe("planQuestionFirst: a question the plans answer opens no dialog", () => {
  it("passes a question about the plans on to the answers", () => {
    for (const [pack, text, intent] of questions) expect(planQuestionFirst(input(pack, { intent, text })), text).toBe(true);
  });
  it("keeps the dialog for a plain request, a message that tells, and a report code", () => {
    for (const [pack, text, intent] of requests) expect(planQuestionFirst(input(pack, { intent, text })), text).toBe(false);
  });
  it("keeps a report code's lookup", () => {
    const text = "phản ánh PA-2026-0007 của tổ dân phố phải báo cáo cho ai?";
    expect(planQuestionFirst(input("tan-an", { intent: "report_status", text, entities: { ticketCodes: ["PA-2026-0007"] } })), text).toBe(false);
  });
  it("leaves answer intents alone", () => {
    expect(planQuestionFirst(input("tan-an", { intent: "plan_info", text: "ai chủ trì số hóa di sản?" }))).toBe(false);
  });
});
