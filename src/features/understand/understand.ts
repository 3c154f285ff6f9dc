import { BotComposer } from "../../core/bot-composer.js";
import { isPlainly } from "../../nlu/index.js";
import type { AppContext } from "../../shared/app-context.js";

/**
 * Understands each text message once (intent, entities, language) before any feature sees it,
 * and remembers the person's language. Choices skip it: their payload says what they mean.
 *
 * The language is set by the first message that says anything, and changes afterwards only on clear evidence
 * (a Vietnamese mark, or at least two words of the other language): "an danh", "ok" or a name does not turn a
 * Vietnamese conversation, and the staff's later updates, into English.
 */
export const understand = new BotComposer<AppContext>();

understand.on("text", async (ctx, next) => {
  const known = ctx.conversation.language;
  const understanding = ctx.services.knowledge.understander.understand(ctx.text, { today: ctx.today, previousLanguage: known });
  ctx.understanding = understanding;
  if (!known) ctx.conversation.language = understanding.language;
  else if (understanding.language !== known && isPlainly(ctx.text, understanding.language)) ctx.conversation.language = understanding.language;
  await next();
});

// A first tap on a titled choice (a Messenger ice breaker in English: "Which festivals are coming up?") says the
// person's language too, when nothing else has yet.
understand.on("choice", async (ctx, next) => {
  const title = ctx.message.text?.trim();
  if (title && !ctx.conversation.language && isPlainly(title, "en")) ctx.conversation.language = "en";
  await next();
});
