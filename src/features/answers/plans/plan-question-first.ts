/**
 * No dialog for a question about the plans. A message that asks something (question words, "?", or a question type
 * the plans recognise: who, when, how many, where) which the plans hold evidence for does not open a report, a status
 * lookup, a handoff or a reminder offer, whatever word of theirs it uses ("tổ dân phố phát hiện vi phạm thì báo cho
 * ai", "cán bộ nào lo đăng ký hợp tác", "kế hoạch có nhắc gì tới tập huấn"); it is answered from the plans. Only a
 * message that plainly asks to do the thing ("tôi muốn phản ánh…", "cho mình gặp cán bộ", "nhắc tôi trước hội
 * Lim", "làm sao để đăng ký") keeps its dialog. Each dialog's own guard (src/nlu/understander.ts, report-start.ts)
 * still applies; this one rule covers what slips past them.
 *
 * @example
 * planQuestionFirst({ ...input, intent: "report_status", text: "cac to dan pho gap kho khan thi phan anh ve dau" }) // true
 * planQuestionFirst({ ...input, intent: "report_violation", text: "tôi muốn phản ánh có người vẽ bậy lên tường đình" }) // false
 */
import { BotComposer } from "../../../core/bot-composer.js";
import { asksQuestion, foldQuestion } from "../../../nlu/index.js";
import type { AppContext } from "../../../shared/app-context.js";
import type { PlanQuestion } from "../../../plans/index.js";
import type { AnswerInput } from "../answer-input.js";
import { planEngineFor, planSearchText } from "./plan-info.js";
import { answerInputOf } from "../answer-context.js";

/** Intents whose features open a dialog or an offer from a text message. */
const STARTS_DIALOG = new Set(["report_violation", "report_status", "human_handoff", "subscribe_reminder", "manage_reminders"]);

// Asking to do the thing: a wish or a request before a dialog's verb, "how do I …", or the verb as a command.
const WISH = /\b(muon|xin|dinh|(toi|minh|em|chau|tui) can|cho (toi|minh|em|chau|tui)|giup (toi|minh|em|chau)|lam (sao|the nao|nhu nao|cach nao) de|i want to|i'?d like to|i need to|how (do|can) i|can i|could i|please|let me|help me)( \w+){0,2} (dang ky|ghi danh|dang ki|phan anh|to cao|to giac|bao (cao )?vi pham|khieu nai|gui|gap|noi chuyen|trao doi|ket noi|nhac|theo doi|huy|tra cuu|register|sign up|enrol|report|complain|talk|speak|meet|remind|subscribe|unsubscribe|follow|check)\b/;
const COMMAND = /^(dang ky|phan anh|to cao|gap|nhac|huy|tra cuu|register|sign me|report|remind|subscribe|unsubscribe|talk to|connect me)\b/;

/** Whether the folded message plainly asks to do something (register, report, meet staff, be reminded). */
export function asksToDo(folded: string): boolean {
  return WISH.test(folded) || COMMAND.test(folded);
}

/** Whether a message put to a dialog's intent is a question the plans answer, and not a request to do the thing. */
export function planQuestionFirst(input: AnswerInput): boolean {
  return planQuestionBeforeDialog(input) !== undefined;
}

/**
 * The plan question of a message put to a dialog's intent that the plans answer (see planQuestionFirst), or
 * undefined. It is the question the answer would read (same search text and language), with its passages scored.
 */
export function planQuestionBeforeDialog(input: AnswerInput): PlanQuestion | undefined {
  if (!STARTS_DIALOG.has(input.intent)) return undefined;
  // A report code is a lookup, whatever else the message says.
  if (input.entities.ticketCodes?.length) return undefined;
  const f = foldQuestion(input.text);
  if (asksToDo(f)) return undefined;
  const engine = planEngineFor(input);
  const question = engine.question(planSearchText(input), input.language);
  // A question by its words, or by a type the plans recognise ("phản ánh về đâu", "báo cho ai") that does not tell
  // of something the person saw (asksQuestion with a "?" added is false only for a message that tells).
  const asks = asksQuestion(f, input.text) || (question.shape.type !== "what" && asksQuestion(f, "?"));
  if (!asks) return undefined;
  // Answered by a passage, or talked about by the plans without the answer ("phường làm mấy video quảng bá"): the
  // plans' reply (the nearest figure, or "not covered" with staff offered) rather than a dialog the person never asked for.
  const evidence = engine.evidence(question, input.pack.lineage);
  const planQuestion = evidence.coverage >= engine.minCoverage || (evidence.topic >= engine.minCoverage && evidence.topicWords >= MIN_TOPIC_WORDS);
  return planQuestion ? question : undefined;
}

/** Words of a question the plans must talk about before a question they do not answer skips its dialog. */
const MIN_TOPIC_WORDS = 2;

/**
 * Placed before the features that start dialogs (src/app/features.ts): outside a dialog or a handoff, a question
 * about the plans is passed on as a plan question, which the answers feature answers (with the question read here,
 * `ctx.planQuestion`, so the plans are searched once for the message).
 */
export const questionsBeforeDialogs = new BotComposer<AppContext>();

questionsBeforeDialogs.on("text", async (ctx, next) => {
  const understanding = ctx.understanding;
  const state = ctx.conversation.state;
  if (!understanding || state.dialog !== undefined || state.handoff !== undefined || !STARTS_DIALOG.has(understanding.intent)) return next();
  const question = planQuestionBeforeDialog(answerInputOf(ctx, understanding));
  if (question) {
    ctx.understanding = { ...understanding, intent: "plan_info" };
    ctx.planQuestion = question;
  }
  return next();
});
