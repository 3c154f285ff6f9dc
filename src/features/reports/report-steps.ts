import { viOrEn } from "../../shared/bilingual.js";
import type { Choice, Reply } from "../../core/message.js";
import { dialogCommand } from "../../dialogs/commands.js";
import { SKIP_PAYLOAD } from "../../dialogs/define-dialog.js";
import type { DialogContext, Step, StepResult } from "../../dialogs/dialog.js";
import dialogTexts from "../../dialogs/dialog-texts.json" with { type: "json" };
import { parseWhen } from "../../dialogs/parse-when.js";
import { nameStep, phoneStep } from "../../dialogs/person-steps.js";
import { withContactCard } from "../../dialogs/shared-contact.js";
import { maskPhone, personName, splitPhone } from "../../dialogs/phone.js";
import { guessCategory, isDescriptive } from "./guess-category.js";
import { absorb, CATEGORY_CHOICE, evidenceCount, linksIn, REPORT_PAYLOADS, type ReportData } from "./report-data.js";
import { categoryName, dayOf, OTHER_CATEGORY } from "./report-text.js";
import texts from "./report-texts.json" with { type: "json" };
import lifecycleTexts from "./lifecycle-texts.json" with { type: "json" };
import { REPORT_STATUS_NAMES, type Report } from "../../domain/report.js";
import { mainMenu } from "../../shared/menu.js";
import { similarOpenReport } from "./duplicates.js";
import { REPORTS } from "./report-service.js";
import { ReporterActions } from "./reporter-actions.js";

/**
 * The report's steps, in the order they are asked: category → description → place → when → evidence → contact
 * (name and phone, or anonymous). Each says when the data already answers it, so whatever the person said before
 * (a first message with the category and the description, a shared location) is not asked again.
 */

type ReportStep = Step<ReportData>;

function skipChoice(ctx: DialogContext): Choice {
  return { title: ctx.say(dialogTexts.skip), payload: SKIP_PAYLOAD };
}

function categoryIds(ctx: DialogContext): string[] {
  return [...ctx.pack.reportCategories.map((c) => c.id), OTHER_CATEGORY];
}

export const category: ReportStep = {
  name: "category",
  answered: (data) => !!data.categoryId,
  ask(ctx): Reply {
    const categories = ctx.pack.reportCategories;
    const names = [...categories.map((c) => categoryName(ctx.pack, c.id, viOrEn(ctx.language))), ctx.say(texts.other)];
    return {
      text: [ctx.say(texts.askCategory), ...names.map((name, i) => `${i + 1}. ${name}`)].join("\n"),
      choices: [...categories.map((c, i) => ({ title: names[i], payload: CATEGORY_CHOICE.of(c.id) })), { title: names.at(-1)!, payload: CATEGORY_CHOICE.of(OTHER_CATEGORY) }],
    };
  },
  handle(ctx, data): StepResult {
    const ids = categoryIds(ctx);
    const number = ctx.text && /^\d{1,2}$/.test(ctx.text) ? ids[Number(ctx.text) - 1] : undefined;
    const guessed = ctx.text ? guessCategory(ctx.text, ctx.pack)?.id : undefined;
    const id = [CATEGORY_CHOICE.read(ctx.choice), number, guessed].find((candidate) => candidate && ids.includes(candidate));
    const files = absorb(ctx, data);
    if (id) {
      data.categoryId = id;
      if (!data.description && ctx.choice === undefined && ctx.text && !number && isDescriptive(ctx.text)) data.description = ctx.text;
      return { next: true };
    }
    if (ctx.choice === undefined && ctx.text && isDescriptive(ctx.text) && !data.description) {
      data.description = ctx.text;
      return { invalid: ctx.say(texts.notedPickKind) };
    }
    if (files.files || files.location) return { invalid: ctx.say(texts.gotPickKind) };
    return { invalid: ctx.say(texts.unknownKind) };
  },
  accepts: (ctx) => !!ctx.text && (/^\d{1,2}$/.test(ctx.text) || guessCategory(ctx.text, ctx.pack) !== undefined),
  edit: { title: texts.kind, clear: (data) => void delete data.categoryId },
};

/** A message that only asks to report: understood as report_violation, naming no category, describing nothing. */
function isBareRequest(ctx: DialogContext, text: string): boolean {
  return ctx.understanding?.intent === "report_violation" && !isDescriptive(text) && guessCategory(text, ctx.pack) === undefined;
}

export const description: ReportStep = {
  name: "description",
  answered: (data) => !!data.description,
  ask: (ctx) => ({ text: ctx.say(texts.askDescription) }),
  handle(ctx, data): StepResult {
    const files = absorb(ctx, data);
    const text = ctx.text ?? "";
    // "tôi muốn phản ánh" again (a person repeating themself after a silence) asks for a report; it tells nothing.
    if (isBareRequest(ctx, text)) return { invalid: ctx.say(texts.descriptionNeeded) };
    if (text.replace(/\s/g, "").length >= 3) {
      data.description = text;
      return { next: true };
    }
    if (files.files || files.location) return { invalid: ctx.say(texts.addedToEvidence) };
    return { invalid: ctx.say(texts.descriptionNeeded) };
  },
  edit: { title: texts.descriptionItem, clear: (data) => void delete data.description },
};

export const place: ReportStep = {
  name: "place",
  answered: (data) => !!(data.place || data.placeSkipped),
  ask: (ctx) => ({ text: ctx.say(texts.askPlace), choices: [skipChoice(ctx)] }),
  handle(ctx, data): StepResult {
    const got = absorb(ctx, data);
    if (ctx.text && ctx.text.length >= 2) data.place = { ...data.place, text: ctx.text };
    if (data.place?.text || data.place?.location) return { next: true };
    if (got.files) return { invalid: ctx.say(texts.addedToEvidence) };
    return { invalid: ctx.say(texts.noPlace) };
  },
  skip(_ctx, data): StepResult {
    data.placeSkipped = true;
    return { next: true };
  },
  accepts: (ctx) => ctx.message.location !== undefined,
  edit: { title: texts.place, clear: (data) => void (delete data.place, delete data.placeSkipped) },
};

export const when: ReportStep = {
  name: "when",
  answered: (data) => !!(data.happened || data.whenSkipped),
  ask: (ctx) => ({
    text: ctx.say(texts.askWhen),
    choices: [{ title: ctx.say(texts.today), payload: REPORT_PAYLOADS.today }, { title: ctx.say(texts.yesterday), payload: REPORT_PAYLOADS.yesterday }, skipChoice(ctx)],
  }),
  handle(ctx, data): StepResult {
    absorb(ctx, data);
    if (ctx.choice === REPORT_PAYLOADS.today || ctx.choice === REPORT_PAYLOADS.yesterday) {
      const today = ctx.choice === REPORT_PAYLOADS.today;
      data.happened = { text: ctx.say(today ? texts.todayWord : texts.yesterdayWord), date: parseWhen(today ? "hôm nay" : "hôm qua", ctx.today) };
      return { next: true };
    }
    if (!ctx.text) return { invalid: ctx.say(texts.noTime) };
    const date = parseWhen(ctx.text, ctx.today);
    data.happened = { text: ctx.text, ...(date ? { date } : {}) };
    return { next: true };
  },
  skip(_ctx, data): StepResult {
    data.whenSkipped = true;
    return { next: true };
  },
  accepts: (ctx) => !!ctx.text && parseWhen(ctx.text, ctx.today) !== undefined,
  edit: { title: texts.when, clear: (data) => void (delete data.happened, delete data.whenSkipped) },
};

const doneChoice = (ctx: DialogContext): Choice => ({ title: ctx.say(texts.done), payload: REPORT_PAYLOADS.evidenceDone });

export const evidence: ReportStep = {
  name: "evidence",
  answered: (data) => !!data.evidenceDone,
  ask: (ctx, data) => ({
    text: ctx.say(texts.askEvidence) + (data.evidence.length > 0 ? ctx.say(texts.evidenceSoFar, { have: evidenceCount(ctx, data.evidence) }) : ""),
    choices: [doneChoice(ctx), skipChoice(ctx)],
  }),
  handle(ctx, data): StepResult {
    const got = absorb(ctx, data);
    const links = linksIn(ctx.text);
    data.evidence.push(...links);
    if (ctx.choice === REPORT_PAYLOADS.evidenceDone || dialogCommand(ctx.text) === "done") {
      data.evidenceDone = true;
      return { next: true };
    }
    if (got.files || links.length || got.location) return { stay: { text: ctx.say(texts.received, { count: evidenceCount(ctx, data.evidence) }), choices: [doneChoice(ctx)] } };
    return { invalid: ctx.say(texts.noEvidence) };
  },
  skip(_ctx, data): StepResult {
    data.evidenceDone = true;
    return { next: true };
  },
  accepts: (ctx) => ctx.message.attachments.length > 0 || linksIn(ctx.text).length > 0 || dialogCommand(ctx.text) === "done",
  edit: { title: texts.evidence, clear: (data) => void ((data.evidence = []), delete data.evidenceDone) },
};

// ===  Before the personal data: an open report of the same matter  ===

/**
 * Before the person gives their name and phone: if an open report nearby looks like theirs, it is shown (code,
 * kind, date, status: nothing of the other reporter, nor their words) with "Theo dõi phản ánh đó?". Following adds
 * this person's description and files to it and tells them of its changes; "Vẫn gửi phản ánh mới" goes on.
 */
export const similar: ReportStep = {
  name: "similar",
  answered: (data) => data.similarDecided === true,
  async prepare(ctx, data) {
    if (data.similar || data.similarDecided) return;
    const draft = { code: "", packId: ctx.pack.id, categoryId: data.categoryId ?? OTHER_CATEGORY, description: data.description ?? "", place: data.place, createdAt: ctx.services.now() };
    const existing = await ctx.services.store.collection<Report>(REPORTS).find({ packId: ctx.pack.id, categoryId: draft.categoryId });
    const found = similarOpenReport(draft, existing, ctx.conversation.key);
    if (found) data.similar = { code: found.code, categoryId: found.categoryId, status: found.status, createdAt: found.createdAt };
    else data.similarDecided = true;
  },
  ask(ctx, data): Reply {
    const found = data.similar!;
    const lang = viOrEn(ctx.language);
    return {
      text: ctx.say(lifecycleTexts.similarFound, { code: found.code, kind: categoryName(ctx.pack, found.categoryId, lang), date: dayOf(found.createdAt, lang), status: REPORT_STATUS_NAMES[found.status][lang] }),
      choices: [
        { title: ctx.say(lifecycleTexts.follow), payload: REPORT_PAYLOADS.followSimilar },
        { title: ctx.say(lifecycleTexts.fileAnyway), payload: REPORT_PAYLOADS.fileAnyway },
      ],
    };
  },
  async handle(ctx, data): Promise<StepResult> {
    const found = data.similar;
    if (found && (ctx.choice === REPORT_PAYLOADS.followSimilar || (ctx.choice === undefined && dialogCommand(ctx.text) === "yes"))) {
      absorb(ctx, data);
      const place = data.place?.text ? ` (${data.place.text})` : "";
      const person = { key: ctx.conversation.key, channel: ctx.message.channel, accountId: ctx.message.accountId, userId: ctx.message.userId };
      const followed = await new ReporterActions(ctx.services).follow(found.code, person, { text: `${data.description ?? ""}${place}`, evidence: data.evidence });
      // Closed meanwhile: the person files their own report after all.
      if (!followed) return fileAnyway(ctx, data);
      delete ctx.conversation.state.reportDraft;
      await ctx.reply({ text: ctx.say(lifecycleTexts.followed, { code: found.code }), choices: mainMenu(ctx.language) });
      return { done: true };
    }
    if (ctx.choice === REPORT_PAYLOADS.fileAnyway) return fileAnyway(ctx, data);
    const got = absorb(ctx, data);
    if (got.files) return { stay: { text: ctx.say(texts.received, { count: evidenceCount(ctx, data.evidence) }), choices: similar.ask(ctx, data).choices } };
    return { invalid: ctx.say(lifecycleTexts.pickSimilar) };
  },
  skip: fileAnyway,
};

function fileAnyway(_ctx: DialogContext, data: ReportData): StepResult {
  data.similarDecided = true;
  return { next: true };
}

// ===  Contact: name and phone in one message, or one by one, or anonymous  ===

function anonymous(ctx: DialogContext, data: ReportData): StepResult {
  data.contact = { anonymous: true };
  return { next: true, say: ctx.say(texts.anonymousNote) };
}

/** "Ẩn danh", chosen or written ("an danh", "giấu tên"): taken at every contact step. */
function anonymousAnswer(ctx: DialogContext, data: ReportData): StepResult | undefined {
  return ctx.choice === REPORT_PAYLOADS.anonymous || dialogCommand(ctx.text) === "anonymous" ? anonymous(ctx, data) : undefined;
}

const anonymousChoice = (ctx: DialogContext): Choice => ({ title: ctx.say(texts.anonymous), payload: REPORT_PAYLOADS.anonymous });

type Named = { anonymous: false; name?: string; phone?: string };
const named = (data: ReportData): Named | undefined => (data.contact && !data.contact.anonymous ? data.contact : undefined);

/** Said once both are known. */
function noted(ctx: DialogContext, contact: Named): string | undefined {
  return contact.name && contact.phone ? ctx.say(texts.contactNoted, { name: contact.name, phone: maskPhone(contact.phone) }) : undefined;
}

export const contact: ReportStep = {
  name: "contact",
  takesData: true,
  answered: (data) => data.contact !== undefined,
  // The first time the bot asks this person for personal data, the privacy notice comes first (docs/privacy.md);
  // on Zalo the question comes with the one-tap contact card.
  ask: (ctx) =>
    withContactCard(ctx, { text: ctx.services.privacy.beforeAsking(ctx.conversation.state, ctx.pack, viOrEn(ctx.language), ctx.say(texts.askContact)), choices: [anonymousChoice(ctx)] }),
  handle(ctx, data): StepResult {
    const other = anonymousAnswer(ctx, data);
    if (other) return other;
    if (!ctx.text) return { invalid: ctx.say(texts.noContact) };
    const { phone, rest, invalid } = splitPhone(ctx.text);
    const name = personName(rest);
    if (invalid && !phone) return { invalid: ctx.say(dialogTexts.badPhone) };
    if (!phone && !name) return { invalid: ctx.say(texts.unreadableContact) };
    const given: Named = { anonymous: false, ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
    data.contact = given;
    const said = noted(ctx, given);
    return said ? { next: true, say: said } : { next: true };
  },
  skip: anonymous,
  accepts: (ctx) => !!ctx.text && splitPhone(ctx.text).phone !== undefined,
  takeContact(_ctx, data, shared) {
    if (data.contact !== undefined) return false;
    data.contact = { anonymous: false, ...shared };
    return true;
  },
  edit: { title: texts.contact, clear: (data) => void delete data.contact },
};

/** The name or the phone still missing after the contact step (asked one at a time, "Ẩn danh" still possible). */
function contactPart(part: "name" | "phone"): ReportStep {
  const options = {
    name: `contact_${part}`,
    applies: (data: ReportData) => named(data) !== undefined,
    answered: (data: ReportData) => !!named(data)?.[part],
    ask: (ctx: DialogContext) => ({ text: ctx.say(part === "name" ? texts.askName : texts.askPhone), choices: [anonymousChoice(ctx)] }),
    alternative: anonymousAnswer,
    skip: anonymous,
    take(ctx: DialogContext, data: ReportData, value: string) {
      const contact = { ...named(data)!, [part]: value };
      data.contact = contact;
      return noted(ctx, contact);
    },
  };
  return part === "name" ? nameStep(options) : phoneStep(options);
}

export const contactName = contactPart("name");
export const contactPhone = contactPart("phone");

/** The steps in the order they are asked. */
export const reportSteps: readonly ReportStep[] = [category, description, place, when, evidence, similar, contact, contactName, contactPhone];
