/**
 * Optional LLM step for plan answers: turn retrieved passages into a short reply, using only those passages.
 *
 * Without a configured chat model the caller answers with `condense(...)` + `citation(...)` instead; this file never
 * picks a provider (none is installed): the server passes any LangChain `BaseChatModel` it builds.
 *
 * @example
 *   const text = await wordAnswer(model, "Phường có lớp Quan họ không?", [
 *     { text: condense(doc.pageContent, q), citation: citation(doc, "vi") },
 *   ]);
 *   if (text === null) reply(fallback);
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage, SystemMessage, type BaseMessage } from "@langchain/core/messages";

/** A passage handed to the model: the plan's words and where they come from. */
export interface WordingPassage {
  text: string;
  citation: string;
}

// ===  Prompt  ===

/** The rule the model gets: passages only, no invention, say so when they do not answer, keep the citation. */
export const WORDING_SYSTEM_PROMPT = [
  "Bạn là trợ lý văn hóa của cơ quan văn hóa địa phương, trả lời người dân qua Zalo và Messenger.",
  "CHỈ được trả lời dựa trên các trích dẫn kế hoạch được cung cấp bên dưới. Không thêm thông tin, số liệu, ngày tháng, địa điểm hay số điện thoại nào không có trong trích dẫn.",
  'Nếu các trích dẫn không trả lời được câu hỏi, hãy nói rõ: "Kế hoạch không đề cập nội dung này" và đề nghị người hỏi liên hệ cán bộ văn hóa.',
  "Trả lời ngắn gọn (tối đa 4 câu), bằng tiếng Việt có dấu; nếu câu hỏi viết bằng tiếng Anh thì trả lời bằng tiếng Anh.",
  "Kết thúc bằng nguồn trích dẫn, ghi đúng như trong ngoặc vuông của trích dẫn đã dùng.",
].join("\n");

/** The messages sent to the model (exported so the prompt can be checked without a model). */
export function wordingMessages(question: string, passages: WordingPassage[]): BaseMessage[] {
  const excerpts = passages.map((p, i) => `Trích dẫn ${i + 1} [${p.citation}]:\n${p.text}`).join("\n\n");
  return [
    new SystemMessage(WORDING_SYSTEM_PROMPT),
    new HumanMessage(`Các trích dẫn kế hoạch:\n\n${excerpts}\n\nCâu hỏi của người dân: ${question}`),
  ];
}

// ===  Wording  ===

/**
 * The model's answer from `passages`, or null when no model is configured, there is nothing to answer from,
 * the model fails, or it answers with nothing. Null means: reply with the condensed passage instead, so a
 * provider outage never leaves a resident without an answer.
 */
export async function wordAnswer(
  model: BaseChatModel | undefined,
  question: string,
  passages: WordingPassage[],
): Promise<string | null> {
  if (!model || passages.length === 0) return null;
  try {
    const reply = await model.invoke(wordingMessages(question, passages));
    const text = reply.text.trim();
    return text || null;
  } catch {
    return null;
  }
}
