/**
 * The person's language: switched by a command ("中文", "한국어", "English", "Tiếng Việt") or a language choice
 * (the welcome's, Messenger's localised menu: "lang:zh:menu:festivals" switches, then opens the festivals), and the
 * gate that tells Chinese and Korean speakers, in their language, that reports and class registration are in
 * Vietnamese and English only, offering English or staff. Detection per message is in src/features/understand.
 */
import type { NextFunction } from "../../core/composer.js";
import type { AppContext } from "../../shared/app-context.js";
import { MENU, mainMenu } from "../../shared/menu.js";
import { say } from "../../shared/bilingual.js";
import { languageChoicePayload, languageCommand, languagePayload } from "./language-command.js";
import { CONTINUE_IN_ENGLISH, SWITCHED, VI_EN_ONLY } from "./language-texts.js";

/** Early in the order (after understanding): switches, and continues a "lang:<code>:<payload>" choice. */
export async function languageSwitch(ctx: AppContext, next: NextFunction): Promise<void> {
  const chosen = languagePayload(ctx.choice);
  const typed = ctx.choice === undefined ? languageCommand(ctx.text) : undefined;
  const language = chosen?.language ?? typed;
  if (!language) return next();
  ctx.conversation.language = language;
  // With staff on the line the bot stays quiet: the new language is kept and the message goes on to staff.
  if (ctx.conversation.state.handoff !== undefined) return next();
  if (chosen?.then) {
    ctx.continueWithChoice(chosen.then);
    return next();
  }
  ctx.outcome = "answered";
  await ctx.reply({ text: SWITCHED[language], choices: mainMenu(language) });
}

/** Payloads and intents of the parts that speak Vietnamese and English only. */
function viEnOnlyPart(ctx: AppContext): { part: keyof typeof VI_EN_ONLY; payload: string } | undefined {
  const choice = ctx.choice;
  if (choice === MENU.report) return { part: "report", payload: MENU.report };
  if (choice === MENU.classes || choice?.startsWith("class:register:")) return { part: "classes", payload: choice };
  if (choice !== undefined) return undefined;
  const intent = ctx.understanding?.intent;
  if (intent === "report_violation") return { part: "report", payload: MENU.report };
  if (intent === "join_class") return { part: "classes", payload: MENU.classes };
  return undefined;
}

/**
 * Before reports and classes: a Chinese or Korean speaker is told in their language that this part is in
 * Vietnamese and English, with "continue in English" (which opens it) and staff. A dialog already open (started
 * in English) is not interrupted.
 */
export async function viEnOnlyGate(ctx: AppContext, next: NextFunction): Promise<void> {
  const lang = ctx.language;
  if ((lang !== "zh" && lang !== "ko") || ctx.conversation.state.dialog !== undefined || ctx.message.kind !== "message") return next();
  const found = viEnOnlyPart(ctx);
  if (!found) return next();
  ctx.outcome = "answered";
  await ctx.reply({
    text: say(lang, VI_EN_ONLY[found.part]),
    choices: [
      { title: say(lang, CONTINUE_IN_ENGLISH), payload: languageChoicePayload("en", found.payload) },
      mainMenu(lang).find((c) => c.payload === MENU.handoff)!,
    ],
  });
}
