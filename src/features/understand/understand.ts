import type { NextFunction } from "../../core/composer.js";
import type { AppContext } from "../../shared/app-context.js";

/**
 * Understands each text message once (intent, entities, language) before any feature sees it,
 * and remembers the person's language. Choices skip it: their payload says what they mean.
 */
export async function understand(ctx: AppContext, next: NextFunction): Promise<void> {
  if (ctx.text && ctx.choice === undefined) {
    ctx.understanding = ctx.services.knowledge.understander.understand(ctx.text, {
      today: ctx.today,
      previousLanguage: ctx.conversation.language,
    });
    // A bare link, a code or "ok" says nothing about the person's language: keep the one we know.
    if (wordsOf(ctx.text) >= 2 || !ctx.conversation.language) ctx.conversation.language = ctx.understanding.language;
  }
  await next();
}

/** Words of letters, links left out. */
function wordsOf(text: string): number {
  return text.replace(/\bhttps?:\/\/\S+/gi, " ").split(/\s+/).filter((word) => /\p{L}{2,}/u.test(word)).length;
}
