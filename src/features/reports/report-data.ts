import { viOrEn } from "../../shared/bilingual.js";
import { formatDate } from "../../calendar/index.js";
import type { Attachment, GeoLocation } from "../../core/message.js";
import type { DialogContext } from "../../dialogs/dialog.js";
import { maskPhone } from "../../dialogs/phone.js";
import { choicePayload } from "../../shared/choice-payload.js";
import { MENU } from "../../shared/menu.js";
import { categoryName, OTHER_CATEGORY } from "./report-text.js";
import texts from "./report-texts.json" with { type: "json" };
import type { Bilingual } from "../../shared/bilingual.js";

/** What the report dialog collects, its choice payloads, and how its answers read back in the summary. */

// ===  Data  ===

/** What the dialog has collected so far (stored in the conversation). */
export interface ReportData {
  categoryId?: string;
  description?: string;
  place?: { text?: string; location?: GeoLocation };
  placeSkipped?: boolean;
  happened?: { text: string; date?: string };
  whenSkipped?: boolean;
  evidence: Attachment[];
  /** The person said "xong" (or skipped) at the evidence step. */
  evidenceDone?: boolean;
  /** An open report that looks like this one (shown before filing, without its reporter), and whether the person chose. */
  similar?: { code: string; categoryId: string; status: import("../../domain/report.js").ReportStatus; createdAt: number };
  similarDecided?: boolean;
  /** Name and phone so far; complete once both are there, or anonymous. */
  contact?: { anonymous: true } | { anonymous: false; name?: string; phone?: string };
}

/** A half-done report kept for "tiếp tục" (in `conversation.state.reportDraft`). */
export interface ReportDraft {
  step: string;
  data: ReportData;
  savedAt: number;
}

declare module "../../core/conversation.js" {
  interface ConversationState {
    /** The report left unfinished, for "tiếp tục" (src/features/reports). */
    reportDraft?: ReportDraft;
  }
}

// ===  Choices  ===

/** "report:cat:<category id>" */
export const CATEGORY_CHOICE = choicePayload("report:cat");
/** "report:edit:<step>", the summary's "Sửa" list (built by src/dialogs/define-dialog.ts from the prefix "report"). */
const EDIT_ITEM = choicePayload("report:edit");

/** The choice payloads of this dialog. */
export const REPORT_PAYLOADS = {
  category: (id: string) => CATEGORY_CHOICE.of(id),
  today: "report:when:today",
  yesterday: "report:when:yesterday",
  evidenceDone: "report:evidence:done",
  anonymous: "report:anonymous",
  submit: "report:submit",
  edit: "report:edit",
  editField: (step: string) => EDIT_ITEM.of(step),
  resume: "report:resume",
  /** Before filing: follow the similar open report instead, or file anyway. */
  followSimilar: "report:similar:follow",
  fileAnyway: "report:similar:new",
  fresh: "report:new",
  /** The main menu's "Phản ánh": while a report is open it only asks the step again. */
  start: MENU.report,
} as const;

// ===  What a message carries along  ===

/** Takes what any message carries besides text: photos and files as evidence, a shared location as the place. */
export function absorb(ctx: DialogContext, data: ReportData): { files: number; location: boolean } {
  const files = ctx.message.attachments.filter((attachment) => attachment.kind !== "sticker");
  data.evidence.push(...files);
  if (ctx.message.location) data.place = { ...data.place, location: ctx.message.location };
  return { files: files.length, location: !!ctx.message.location };
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+/giu;

/** Links in a text, as evidence. */
export function linksIn(text: string | undefined): Attachment[] {
  return [...(text ?? "").matchAll(URL_PATTERN)].map((match) => ({ kind: "link" as const, url: match[0] }));
}

// ===  How answers read back  ===

/** "2 ảnh, 1 liên kết" */
export function evidenceCount(ctx: DialogContext, evidence: readonly Attachment[]): string {
  const images = evidence.filter((item) => item.kind === "image").length;
  const links = evidence.filter((item) => item.kind === "link").length;
  const files = evidence.length - images - links;
  const count = (text: Bilingual, n: number) => n && ctx.say(text, { n, s: n > 1 ? "s" : "" });
  const parts = [count(texts.images, images), count(texts.files, files), count(texts.links, links)].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : ctx.say(texts.none);
}

function placeLine(ctx: DialogContext, place: ReportData["place"]): string {
  if (!place) return ctx.say(texts.notGiven);
  const location = place.location ? ctx.say(texts.sharedLocation, { where: `${place.location.latitude.toFixed(5)}, ${place.location.longitude.toFixed(5)}` }) : "";
  return [place.text, location].filter(Boolean).join(" – ");
}

function whenLine(ctx: DialogContext, happened: ReportData["happened"]): string {
  if (!happened) return ctx.say(texts.notGiven);
  return happened.date ? `${happened.text} (${formatDate(happened.date, ctx.language)})` : happened.text;
}

function contactLine(ctx: DialogContext, contact: ReportData["contact"]): string {
  if (!contact || contact.anonymous) return ctx.say(texts.anonymous);
  return `${contact.name}, ${maskPhone(contact.phone ?? "")}`;
}

/** The summary a person confirms. */
export function reportSummary(ctx: DialogContext, data: ReportData): string {
  return [
    ctx.say(texts.summaryTitle),
    `• ${ctx.say(texts.kind)}: ${categoryName(ctx.pack, data.categoryId ?? OTHER_CATEGORY, viOrEn(ctx.language))}`,
    `• ${ctx.say(texts.what)}: ${data.description ?? ""}`,
    `• ${ctx.say(texts.place)}: ${placeLine(ctx, data.place)}`,
    `• ${ctx.say(texts.when)}: ${whenLine(ctx, data.happened)}`,
    `• ${ctx.say(texts.evidence)}: ${evidenceCount(ctx, data.evidence)}`,
    `• ${ctx.say(texts.contact)}: ${contactLine(ctx, data.contact)}`,
  ].join("\n");
}
