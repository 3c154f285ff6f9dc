/**
 * "Xem trước": how the bot answers a question from a pack's current content. It runs the same understanding and
 * answer functions as the bot (src/nlu, src/features/answers) on a throwaway input: nothing is stored, no conversation or
 * analytics event is written, and any pack can be previewed even when no Zalo OA or page serves it yet.
 *
 * @example const preview = await previewAnswer(services, "vo-cuong", "Hội Lim năm nay ngày nào?");
 */
import { answer, isAnswerIntent, plansOf } from "../../../features/answers/index.js";
import type { Services } from "../../../shared/services.js";
import type { Reply } from "../../../core/message.js";

/** What the preview shows: the intent found and the reply (or why the bot would open a dialog instead). */
export interface Preview {
  intent: string;
  confidence: number;
  reply?: Reply;
  /** Set when the message starts a dialog (report, status, handoff) rather than an answer. */
  dialog?: string;
}

const DIALOGS: Record<string, string> = {
  report_violation: "Câu này mở hội thoại nhận phản ánh.",
  report_status: "Câu này mở phần tra cứu phản ánh của người gửi.",
  human_handoff: "Câu này chuyển người hỏi tới cán bộ.",
};

/** Answers `text` as the bot would for a person of `packId` today. */
export async function previewAnswer(services: Services, packId: string, text: string): Promise<Preview> {
  const knowledge = services.knowledge;
  const pack = knowledge.content.pack(packId);
  const understanding = knowledge.understander.understand(text, { today: services.today() });
  const base = { intent: understanding.intent, confidence: Math.round(understanding.confidence * 100) / 100 };
  if (!isAnswerIntent(understanding.intent)) return { ...base, dialog: DIALOGS[understanding.intent] ?? "Câu này do một hội thoại xử lý." };
  const reply = await answer({
    text: understanding.text,
    intent: understanding.intent,
    language: understanding.language,
    entities: understanding.entities,
    today: services.today(),
    pack,
    plans: plansOf(knowledge),
    model: services.chatModel,
  });
  return { ...base, reply };
}
