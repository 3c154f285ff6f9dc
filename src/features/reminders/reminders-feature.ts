import type { Language } from "../../shared/bilingual.js";
import { BotComposer } from "../../core/bot-composer.js";
import type { Festival } from "../../content/index.js";
import { vietnamWallClock } from "../../reach/index.js";
import type { AppContext } from "../../shared/app-context.js";
import type { Subscription, SubscriptionTopic } from "../../shared/subscription.js";
import { reminderDay, upcomingOccurrence } from "./festival-occurrence.js";
import { classKindOf, daysBeforeOf, isEndRequest, reminderCommand, yesNo } from "./reminder-request.js";
import * as texts from "./reminder-texts.js";

/**
 * Reminders people ask for: "nhắc tôi trước hội Lim 5 ngày" / "remind me about the Lim festival" and "báo cho tôi khi
 * có lớp quan họ mới" become an offer that says what will be kept and why, and only the person's "Đồng ý" keeps it;
 * the confirmation carries the computed solar date of the next occurrence. "nhắc của tôi" lists them, "hủy nhắc" or
 * the button ends one. The reminders themselves are sent by festival-reminder-scheduler.ts and class-opening.ts.
 */
export const reminders = new BotComposer<AppContext>();

/** The offer waiting for the person's consent (conversation state `reminderOffer`). */
interface ReminderOffer {
  topic: SubscriptionTopic;
  daysBefore?: number;
}

declare module "../../core/conversation.js" {
  interface ConversationState {
    /** The reminder offered and waiting for the person's "Đồng ý" (src/features/reminders). */
    reminderOffer?: ReminderOffer;
    /** Days asked before the festival was chosen from the list. */
    reminderDays?: number;
  }
}

const OFFER = "reminderOffer";
const offerOf = (ctx: AppContext) => ctx.conversation.state[OFFER];
const today = (ctx: AppContext) => vietnamWallClock(ctx.services.reach.now()).date;
// Reminder texts and dates are written in the four languages; the subscription keeps the person's, for the reminder.
const lang = (ctx: AppContext): Language => ctx.language;

// ===  Buttons  ===

reminders.on("choice", async (ctx, next) => {
  const choice = ctx.choice;
  if (!choice.startsWith("remind:")) return next();
  if (choice === texts.REMINDER_PAYLOADS.yes) return accept(ctx);
  if (choice === texts.REMINDER_PAYLOADS.no) return decline(ctx);
  if (choice === texts.REMINDER_PAYLOADS.list) return list(ctx);
  if (choice.startsWith("remind:end:")) return end(ctx, choice.slice("remind:end:".length));
  if (choice.startsWith("remind:festival:")) {
    const festival = ctx.pack.festival(choice.slice("remind:festival:".length));
    if (festival) return offerFestival(ctx, festival, undefined);
  }
  return next();
});

// ===  Text  ===

reminders.on("text", async (ctx, next) => {
  // Inside a report or registration, the dialog reads the text (its own "hủy" ends the dialog, not a reminder).
  if (ctx.conversation.state.dialog !== undefined) return next();
  const offer = offerOf(ctx);
  const answer = offer && yesNo(ctx.text);
  if (answer === "yes") return accept(ctx);
  if (answer === "no") return decline(ctx);
  const command = reminderCommand(ctx.text);
  const intent = ctx.understanding?.intent;
  if (command === "list" || (intent === "manage_reminders" && !isEndRequest(ctx.text))) return list(ctx);
  if (command === "end" || intent === "manage_reminders") return endByText(ctx);
  if (intent === "subscribe_reminder") return request(ctx);
  return next();
});

async function request(ctx: AppContext): Promise<void> {
  // The terminal and web chats cannot be written to later (their window never closes because nobody is there after).
  if (!Number.isFinite(ctx.services.channels.get(ctx.message.channel)?.window.freeMs ?? Number.NaN)) {
    return ctx.reply(ctx.say(texts.onlyOnPlatforms));
  }
  const entities = ctx.understanding?.entities ?? {};
  const classKinds = (entities.classes ?? []).map((id) => ctx.pack.class(id)?.kind).filter((k): k is "quan_ho" | "craft" => !!k);
  const festival = entities.festivals?.map((id) => ctx.pack.festival(id)).find(Boolean);
  const classKind = festival ? undefined : classKindOf(ctx.text!, classKinds);
  if (classKind) {
    ctx.conversation.state[OFFER] = { topic: { kind: "class-topic", classKind } } satisfies ReminderOffer;
    return ctx.reply(texts.classTopicOffer(classKind, lang(ctx)));
  }
  if (!festival) {
    const upcoming = ctx.pack.festivals
      .map((f) => ({ festival: f, start: upcomingOccurrence(f, today(ctx))?.start }))
      .filter((x): x is { festival: Festival; start: string } => !!x.start)
      .sort((a, b) => a.start.localeCompare(b.start));
    ctx.conversation.state.reminderDays = daysBeforeOf(ctx.text!);
    return ctx.reply(texts.whichFestival(upcoming, lang(ctx)));
  }
  return offerFestival(ctx, festival, daysBeforeOf(ctx.text!));
}

async function offerFestival(ctx: AppContext, festival: Festival, asked: number | undefined): Promise<void> {
  const daysBefore = asked ?? ctx.conversation.state.reminderDays ?? ctx.services.config.REMINDER_DAYS_BEFORE;
  delete ctx.conversation.state.reminderDays;
  const occurrence = upcomingOccurrence(festival, today(ctx));
  if (!occurrence) {
    return ctx.reply(ctx.say(texts.noNextDate, { name: texts.festivalName(festival, lang(ctx)) }));
  }
  ctx.conversation.state[OFFER] = { topic: { kind: "festival", festivalId: festival.id }, daysBefore } satisfies ReminderOffer;
  await ctx.reply(texts.festivalOffer(festival, occurrence, daysBefore, lang(ctx)));
}

async function accept(ctx: AppContext): Promise<void> {
  const offer = offerOf(ctx);
  delete ctx.conversation.state[OFFER];
  if (!offer) return list(ctx);
  const person = { key: ctx.conversation.key, ...ctx.recipient };
  const base = { person, packId: ctx.pack.id, language: lang(ctx), topic: offer.topic };
  if (offer.topic.kind === "class-topic") {
    const subscription = await ctx.services.subscriptions.subscribe(base);
    return ctx.reply(texts.classTopicConfirmed(subscription as Subscription & { topic: { kind: "class-topic" } }, lang(ctx)));
  }
  const festival = ctx.pack.festival(offer.topic.festivalId);
  const occurrence = festival && upcomingOccurrence(festival, today(ctx));
  if (!festival || !occurrence) return list(ctx);
  const daysBefore = offer.daysBefore ?? ctx.services.config.REMINDER_DAYS_BEFORE;
  const remindOn = reminderDay(occurrence, daysBefore);
  // Nearer than the days asked: this confirmation, which carries the date, is this year's reminder.
  const due = remindOn <= today(ctx);
  const subscription = await ctx.services.subscriptions.subscribe({ ...base, daysBefore, notified: due ? [occurrence.start] : [] });
  await ctx.reply(texts.festivalConfirmed(subscription, festival, occurrence, due ? undefined : remindOn, lang(ctx)));
}

async function decline(ctx: AppContext): Promise<void> {
  delete ctx.conversation.state[OFFER];
  await ctx.reply(texts.declined(lang(ctx)));
}

function labelOf(ctx: AppContext) {
  return (s: Subscription) => texts.subscriptionLabel(s, (id) => {
    const festival = ctx.services.knowledge.content.packs.get(s.packId)?.festival(id);
    return festival && texts.festivalName(festival, lang(ctx));
  }, lang(ctx));
}

async function list(ctx: AppContext): Promise<void> {
  const mine = await ctx.services.subscriptions.listFor(ctx.conversation.key);
  await ctx.reply(texts.subscriptionList(mine, labelOf(ctx), lang(ctx)));
}

async function end(ctx: AppContext, id: string): Promise<void> {
  const ended = await ctx.services.subscriptions.end(ctx.conversation.key, id);
  await ctx.reply(ended ? texts.ended(labelOf(ctx)(ended), lang(ctx)) : texts.nothingToEnd(lang(ctx)));
}

/** "hủy nhắc hội Lim" ends that one; "hủy nhắc" with one reminder ends it; with several, the list to pick from. */
async function endByText(ctx: AppContext): Promise<void> {
  const mine = await ctx.services.subscriptions.listFor(ctx.conversation.key);
  const named = ctx.understanding?.entities.festivals ?? [];
  const kind = classKindOf(ctx.text!);
  const matching = mine.filter((s) => (s.topic.kind === "festival" ? named.includes(s.topic.festivalId) : kind === s.topic.classKind));
  const target = matching.length === 1 ? matching[0] : mine.length === 1 ? mine[0] : undefined;
  if (target) return end(ctx, target.id);
  await list(ctx);
}
