import type { InboundMessage, Reply } from "../../src/core/message.js";
import type { DialogContext } from "../../src/dialogs/dialog.js";
import type { Understanding } from "../../src/nlu/index.js";
import { say, type Bilingual, type Language, type TextValues } from "../../src/shared/bilingual.js";
import type { Services } from "../../src/shared/services.js";
import { PrivacyNotices } from "../../src/privacy/privacy-notice.js";
import { sharedKnowledge } from "../helpers/test-server.js";

/**
 * A context for one dialog step, without a server: the message, the person's language, the vo-cuong pack, and
 * `replies` collecting what the step sent. Steps are plain objects, so a test calls `step.handle(ctx, data)`.
 *
 * @example const ctx = fakeDialogContext({ text: "Nguyễn Văn An" }); contactName.handle(ctx, data)
 */
export function fakeDialogContext(
  options: { text?: string; choice?: string; language?: Language; attachments?: InboundMessage["attachments"]; understanding?: Understanding; services?: Partial<Services> } = {},
): DialogContext & { replies: Reply[]; saved: { collection: string; id: string; value: unknown }[]; afterCommitTasks: (() => Promise<void>)[] } {
  const language = options.language ?? "vi";
  const message: InboundMessage = {
    id: "m1",
    channel: "zalo",
    accountId: "oa",
    userId: "u1",
    kind: "message",
    ...(options.text !== undefined ? { text: options.text } : {}),
    ...(options.choice !== undefined ? { choice: options.choice } : {}),
    attachments: options.attachments ?? [],
    timestamp: 0,
  };
  const replies: Reply[] = [];
  const saved: { collection: string; id: string; value: unknown }[] = [];
  const afterCommitTasks: (() => Promise<void>)[] = [];
  return {
    message,
    text: options.text?.trim() || undefined,
    choice: options.choice,
    language,
    today: "2026-11-25",
    pack: sharedKnowledge().packFor("oa"),
    understanding: options.understanding,
    say: (text: Bilingual, values?: TextValues) => say(language, text, values),
    reply: async (reply: string | Reply) => void replies.push(typeof reply === "string" ? { text: reply } : reply),
    save: (collection: string, id: string, value: unknown) => void saved.push({ collection, id, value }),
    afterCommit: (task: () => Promise<void>) => void afterCommitTasks.push(task),
    conversation: { key: "zalo:oa:u1", channel: "zalo", accountId: "oa", userId: "u1", firstSeenAt: 0, transcript: [], state: {} },
    // The privacy notice the contact steps put before their question (docs/privacy.md), over the repository's content.
    services: { privacy: new PrivacyNotices({ contentDir: "content", retentionDays: 180 }), ...options.services } as Services,
    replies,
    saved,
    afterCommitTasks,
  };
}
