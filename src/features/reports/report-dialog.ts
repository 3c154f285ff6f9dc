import type { AppContext } from "../../shared/app-context.js";
import { MENU, mainMenu } from "../../shared/menu.js";
import { formatDate } from "../../calendar/index.js";
import type { Attachment, Choice, GeoLocation, Reply } from "../../core/message.js";
import type { Report } from "../../domain/report.js";
import { guessCategory, isDescriptive } from "./guess-category.js";
import { fileReport, notifyStaffOfReport, unitFor } from "./file-report.js";
import { categoryName, OTHER_CATEGORY } from "./report-text.js";
import { dialogCommand } from "../../dialogs/commands.js";
import type { DialogDefinition, DialogState, StepOutcome } from "../../dialogs/dialog.js";
import { CANCEL_PAYLOAD, SKIP_PAYLOAD, startDialog } from "../../dialogs/dialog-runner.js";
import { parseWhen } from "../../dialogs/parse-when.js";
import { maskPhone, personName, splitPhone } from "../../dialogs/phone.js";

/**
 * The violation report (report_violation): category → description → place → when → evidence → contact →
 * summary with Gửi / Sửa / Hủy. Whatever the person already said is not asked again: the first message may
 * give the category (keywords) and the description; a shared location or a photo is taken at any step.
 * Left unfinished (30 minutes of silence, or another dialog), it is kept as a draft for "tiếp tục".
 */

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
  /** Name and phone so far; complete once both are there, or anonymous. */
  contact?: { anonymous: true } | { anonymous: false; name?: string; phone?: string };
  /** Set while one field is being corrected from the summary: the next step is the summary again. */
  editing?: boolean;
}

/** A half-done report kept for "tiếp tục" (in `conversation.state.reportDraft`). */
export interface ReportDraft {
  step: string;
  data: ReportData;
  savedAt: number;
}

/** Drafts older than this are dropped rather than offered. */
export const DRAFT_TTL_MS = 7 * 24 * 3_600_000;

/** The choice payloads of this dialog. */
export const REPORT_PAYLOADS = {
  category: (id: string) => `report:cat:${id}`,
  today: "report:when:today",
  yesterday: "report:when:yesterday",
  evidenceDone: "report:evidence:done",
  anonymous: "report:anonymous",
  submit: "report:submit",
  edit: "report:edit",
  editField: (step: string) => `report:edit:${step}`,
  resume: "report:resume",
  fresh: "report:new",
} as const;

const ORDER = ["category", "description", "place", "when", "evidence", "contact", "confirm"] as const;

// ===  Helpers  ===

type State = DialogState<ReportData>;

function isContactComplete(contact: ReportData["contact"]): boolean {
  return !!contact && (contact.anonymous || (!!contact.name && !!contact.phone));
}

/** The step after `from`: the summary while correcting, else the next one not already answered. */
function after(state: State, from: (typeof ORDER)[number]): string {
  const data = state.data;
  if (data.editing) {
    data.editing = false;
    return "confirm";
  }
  for (const step of ORDER.slice(ORDER.indexOf(from) + 1)) {
    if (step === "category" && data.categoryId) continue;
    if (step === "description" && data.description) continue;
    if (step === "place" && (data.place || data.placeSkipped)) continue;
    if (step === "when" && (data.happened || data.whenSkipped)) continue;
    if (step === "contact" && isContactComplete(data.contact)) continue;
    return step;
  }
  return "confirm";
}

/** The first step still to ask for fresh data. */
export function firstStep(data: ReportData): string {
  return data.categoryId ? after({ data } as State, "category") : "category";
}

/** Takes what any message carries besides text: photos and files as evidence, a shared location as the place. */
function absorb(ctx: AppContext, data: ReportData): { files: number; location: boolean } {
  const files = ctx.message.attachments.filter((attachment) => attachment.kind !== "sticker");
  data.evidence.push(...files);
  if (ctx.message.location) data.place = { ...data.place, location: ctx.message.location };
  return { files: files.length, location: !!ctx.message.location };
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+/giu;

function linksIn(text: string | undefined): Attachment[] {
  return [...(text ?? "").matchAll(URL_PATTERN)].map((match) => ({ kind: "link" as const, url: match[0] }));
}

function evidenceCount(ctx: AppContext, evidence: readonly Attachment[]): string {
  const images = evidence.filter((item) => item.kind === "image").length;
  const links = evidence.filter((item) => item.kind === "link").length;
  const files = evidence.length - images - links;
  const parts = [
    images && ctx.t(`${images} ảnh`, `${images} image${images > 1 ? "s" : ""}`),
    files && ctx.t(`${files} tệp`, `${files} file${files > 1 ? "s" : ""}`),
    links && ctx.t(`${links} liên kết`, `${links} link${links > 1 ? "s" : ""}`),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : ctx.t("không có", "none");
}

function skipChoice(ctx: AppContext): Choice {
  return { title: ctx.t("Bỏ qua", "Skip"), payload: SKIP_PAYLOAD };
}

function placeLine(ctx: AppContext, place: ReportData["place"]): string {
  if (!place) return ctx.t("chưa rõ", "not given");
  const location = place.location ? ctx.t(`vị trí đã chia sẻ (${place.location.latitude.toFixed(5)}, ${place.location.longitude.toFixed(5)})`, `shared location (${place.location.latitude.toFixed(5)}, ${place.location.longitude.toFixed(5)})`) : "";
  return [place.text, location].filter(Boolean).join(" – ");
}

function whenLine(ctx: AppContext, happened: ReportData["happened"]): string {
  if (!happened) return ctx.t("chưa rõ", "not given");
  return happened.date ? `${happened.text} (${formatDate(happened.date, ctx.language)})` : happened.text;
}

function contactLine(ctx: AppContext, contact: ReportData["contact"]): string {
  if (!contact || contact.anonymous) return ctx.t("Ẩn danh", "Anonymous");
  return `${contact.name}, ${maskPhone(contact.phone ?? "")}`;
}

function anonymousNote(ctx: AppContext): string {
  return ctx.t(
    "Bạn gửi ẩn danh: phản ánh vẫn được tiếp nhận và xử lý như mọi phản ánh khác, nhưng cán bộ không gọi lại được để hỏi thêm. Bạn vẫn nhận cập nhật và tra cứu được qua tin nhắn này.",
    "You are reporting anonymously: the report is handled like any other, but staff cannot call you back for details. You still get updates and can check it here.",
  );
}

// ===  Steps  ===

const category = {
  ask(ctx: AppContext): Reply {
    const categories = ctx.pack.reportCategories;
    const names = [...categories.map((c) => categoryName(ctx.pack, c.id, ctx.language)), ctx.t("Khác", "Other")];
    return {
      text: [ctx.t("Bạn muốn phản ánh về việc gì? Chọn một loại (hoặc nhắn số):", "What is the report about? Pick one (or send its number):"), ...names.map((name, i) => `${i + 1}. ${name}`)].join("\n"),
      choices: [...categories.map((c, i) => ({ title: names[i], payload: REPORT_PAYLOADS.category(c.id) })), { title: names.at(-1)!, payload: REPORT_PAYLOADS.category(OTHER_CATEGORY) }],
    };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    const ids = [...ctx.pack.reportCategories.map((c) => c.id), OTHER_CATEGORY];
    const chosen = ctx.choice?.startsWith("report:cat:") ? ctx.choice.slice("report:cat:".length) : undefined;
    const number = ctx.text && /^\d{1,2}$/.test(ctx.text) ? ids[Number(ctx.text) - 1] : undefined;
    const guessed = ctx.text ? guessCategory(ctx.text, ctx.pack)?.id : undefined;
    const id = [chosen, number, guessed].find((candidate) => candidate && ids.includes(candidate));
    const files = absorb(ctx, state.data);
    if (id) {
      state.data.categoryId = id;
      if (!state.data.description && ctx.choice === undefined && ctx.text && !number && isDescriptive(ctx.text)) state.data.description = ctx.text;
      return { go: after(state, "category") };
    }
    if (ctx.choice === undefined && ctx.text && isDescriptive(ctx.text) && !state.data.description) {
      state.data.description = ctx.text;
      return { invalid: ctx.t("Mình đã ghi lại nội dung bạn kể. Bạn chọn giúp loại phản ánh gần nhất.", "I have noted what you wrote. Please pick the closest kind of report.") };
    }
    if (files.files || files.location) return { invalid: ctx.t("Mình đã nhận. Bạn chọn giúp loại phản ánh.", "Got it. Please pick the kind of report.") };
    return { invalid: ctx.t("Mình chưa rõ loại phản ánh.", "I could not tell the kind of report.") };
  },
  accepts(ctx: AppContext): boolean {
    return !!ctx.text && (/^\d{1,2}$/.test(ctx.text) || guessCategory(ctx.text, ctx.pack) !== undefined);
  },
};

const description = {
  ask(ctx: AppContext): Reply {
    return { text: ctx.t("Bạn mô tả ngắn gọn sự việc giúp mình: chuyện gì đã xảy ra, ai liên quan (nếu biết).", "Please describe briefly what happened and who was involved (if you know).") };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    const files = absorb(ctx, state.data);
    const text = ctx.text ?? "";
    if (text.replace(/\s/g, "").length >= 3) {
      state.data.description = text;
      return { go: after(state, "description") };
    }
    if (files.files || files.location) return { invalid: ctx.t("Mình đã nhận (thêm vào bằng chứng).", "Got it (added to the evidence).") };
    return { invalid: ctx.t("Phần mô tả là bắt buộc.", "A description is needed.") };
  },
};

const place = {
  ask(ctx: AppContext): Reply {
    return {
      text: ctx.t(
        "Việc này xảy ra ở đâu? Bạn ghi địa chỉ hoặc tên địa điểm, hoặc chia sẻ vị trí. Không rõ thì chọn “Bỏ qua”.",
        "Where did it happen? Write the address or place name, or share your location. If you are not sure, choose “Skip”.",
      ),
      choices: [skipChoice(ctx)],
    };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    const got = absorb(ctx, state.data);
    if (ctx.text && ctx.text.length >= 2) state.data.place = { ...state.data.place, text: ctx.text };
    if (state.data.place?.text || state.data.place?.location) return { go: after(state, "place") };
    if (got.files) return { invalid: ctx.t("Mình đã nhận (thêm vào bằng chứng).", "Got it (added to the evidence).") };
    return { invalid: ctx.t("Mình chưa nhận được địa điểm.", "I did not get a place.") };
  },
  skip(_ctx: AppContext, state: State): StepOutcome {
    state.data.placeSkipped = true;
    return { go: after(state, "place") };
  },
  accepts(ctx: AppContext): boolean {
    return ctx.message.location !== undefined;
  },
};

const when = {
  ask(ctx: AppContext): Reply {
    return {
      text: ctx.t("Việc xảy ra khi nào? (ví dụ: “tối qua”, “sáng nay”, “20/11”)", "When did it happen? (e.g. “last night”, “this morning”, “20/11”)"),
      choices: [
        { title: ctx.t("Hôm nay", "Today"), payload: REPORT_PAYLOADS.today },
        { title: ctx.t("Hôm qua", "Yesterday"), payload: REPORT_PAYLOADS.yesterday },
        skipChoice(ctx),
      ],
    };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    absorb(ctx, state.data);
    if (ctx.choice === REPORT_PAYLOADS.today || ctx.choice === REPORT_PAYLOADS.yesterday) {
      const today = ctx.choice === REPORT_PAYLOADS.today;
      state.data.happened = { text: today ? ctx.t("hôm nay", "today") : ctx.t("hôm qua", "yesterday"), date: parseWhen(today ? "hôm nay" : "hôm qua", ctx.today) };
      return { go: after(state, "when") };
    }
    if (!ctx.text) return { invalid: ctx.t("Mình chưa nhận được thời gian.", "I did not get a time.") };
    const date = parseWhen(ctx.text, ctx.today);
    state.data.happened = { text: ctx.text, ...(date ? { date } : {}) };
    return { go: after(state, "when") };
  },
  skip(_ctx: AppContext, state: State): StepOutcome {
    state.data.whenSkipped = true;
    return { go: after(state, "when") };
  },
  accepts(ctx: AppContext): boolean {
    return !!ctx.text && parseWhen(ctx.text, ctx.today) !== undefined;
  },
};

const evidence = {
  ask(ctx: AppContext, state: State): Reply {
    const have = state.data.evidence.length > 0 ? ctx.t(` Đã có: ${evidenceCount(ctx, state.data.evidence)}.`, ` So far: ${evidenceCount(ctx, state.data.evidence)}.`) : "";
    return {
      text: ctx.t(
        `Bạn có ảnh, video, tệp hay đường link làm bằng chứng không? Gửi bao nhiêu cũng được, xong thì nhắn “xong”. Không có thì chọn “Bỏ qua”.${have}`,
        `Do you have photos, videos, files or links as evidence? Send as many as you like, then write “done”. If you have none, choose “Skip”.${have}`,
      ),
      choices: [{ title: ctx.t("Xong", "Done"), payload: REPORT_PAYLOADS.evidenceDone }, skipChoice(ctx)],
    };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    const got = absorb(ctx, state.data);
    const links = linksIn(ctx.text);
    state.data.evidence.push(...links);
    if (ctx.choice === REPORT_PAYLOADS.evidenceDone || dialogCommand(ctx.text) === "done") return { go: after(state, "evidence") };
    if (got.files || links.length || got.location) {
      return {
        stay: {
          text: ctx.t(
            `Đã nhận (${evidenceCount(ctx, state.data.evidence)}). Bạn gửi thêm, hoặc chọn “Xong”.`,
            `Received (${evidenceCount(ctx, state.data.evidence)}). Send more, or choose “Done”.`,
          ),
          choices: [{ title: ctx.t("Xong", "Done"), payload: REPORT_PAYLOADS.evidenceDone }],
        },
      };
    }
    return { invalid: ctx.t("Mình chưa thấy ảnh, tệp hay đường link nào.", "I did not see a photo, file or link.") };
  },
  skip(_ctx: AppContext, state: State): StepOutcome {
    return { go: after(state, "evidence") };
  },
  accepts(ctx: AppContext): boolean {
    return ctx.message.attachments.length > 0 || linksIn(ctx.text).length > 0 || dialogCommand(ctx.text) === "done";
  },
};

function anonymous(ctx: AppContext, state: State): StepOutcome {
  state.data.contact = { anonymous: true };
  return { go: after(state, "contact"), say: anonymousNote(ctx) };
}

function contactDone(ctx: AppContext, state: State): StepOutcome {
  const contact = state.data.contact as { name: string; phone: string };
  return { go: after(state, "contact"), say: ctx.t(`Mình ghi nhận: ${contact.name}, số ${maskPhone(contact.phone)}.`, `Noted: ${contact.name}, number ${maskPhone(contact.phone)}.`) };
}

const PHONE_HINT = { vi: "Số điện thoại chưa đúng: số di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (hoặc +84).", en: "That phone number does not look right: a Vietnamese mobile has 10 digits starting 03, 05, 07, 08 or 09 (or +84)." };

const contact = {
  ask(ctx: AppContext): Reply {
    return {
      text: ctx.t(
        "Để cán bộ liên hệ lại khi cần, bạn cho mình xin họ tên và số điện thoại (ví dụ: Nguyễn Văn An 0912345678). Nếu không muốn để lại, chọn “Ẩn danh”.",
        "So staff can contact you if needed, please give your full name and phone number (e.g. Nguyen Van An 0912345678). If you prefer not to, choose “Anonymous”.",
      ),
      choices: [{ title: ctx.t("Ẩn danh", "Anonymous"), payload: REPORT_PAYLOADS.anonymous }],
    };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    if (ctx.choice === REPORT_PAYLOADS.anonymous || dialogCommand(ctx.text) === "anonymous") return anonymous(ctx, state);
    if (!ctx.text) return { invalid: ctx.t("Mình chưa nhận được họ tên và số điện thoại.", "I did not get a name and phone number.") };
    const { phone, rest, invalid } = splitPhone(ctx.text);
    const name = personName(rest);
    if (phone && name) {
      state.data.contact = { anonymous: false, name, phone };
      return contactDone(ctx, state);
    }
    if (invalid) return { invalid: ctx.t(PHONE_HINT.vi, PHONE_HINT.en) };
    if (phone) {
      state.data.contact = { anonymous: false, phone };
      return { go: "contact_name" };
    }
    if (name) {
      state.data.contact = { anonymous: false, name };
      return { go: "contact_phone" };
    }
    return { invalid: ctx.t("Mình chưa đọc được họ tên và số điện thoại.", "I could not read a name and phone number.") };
  },
  skip: anonymous,
  accepts(ctx: AppContext): boolean {
    return !!ctx.text && splitPhone(ctx.text).phone !== undefined;
  },
};

const contactName = {
  ask(ctx: AppContext): Reply {
    return { text: ctx.t("Bạn cho mình xin họ tên.", "Please give your full name."), choices: [{ title: ctx.t("Ẩn danh", "Anonymous"), payload: REPORT_PAYLOADS.anonymous }] };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    if (ctx.choice === REPORT_PAYLOADS.anonymous || dialogCommand(ctx.text) === "anonymous") return anonymous(ctx, state);
    const name = ctx.text ? personName(splitPhone(ctx.text).rest) : undefined;
    if (!name) return { invalid: ctx.t("Họ tên chỉ gồm chữ, từ 2 đến 80 ký tự.", "A name is letters only, 2 to 80 characters.") };
    state.data.contact = { anonymous: false, phone: (state.data.contact as { phone?: string })?.phone, name };
    return contactDone(ctx, state);
  },
  skip: anonymous,
};

const contactPhone = {
  ask(ctx: AppContext): Reply {
    return { text: ctx.t("Bạn cho mình xin số điện thoại.", "Please give your phone number."), choices: [{ title: ctx.t("Ẩn danh", "Anonymous"), payload: REPORT_PAYLOADS.anonymous }] };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    if (ctx.choice === REPORT_PAYLOADS.anonymous || dialogCommand(ctx.text) === "anonymous") return anonymous(ctx, state);
    const phone = ctx.text ? splitPhone(ctx.text).phone : undefined;
    if (!phone) return { invalid: ctx.t(PHONE_HINT.vi, PHONE_HINT.en) };
    state.data.contact = { anonymous: false, name: (state.data.contact as { name?: string })?.name, phone };
    return contactDone(ctx, state);
  },
  skip: anonymous,
  accepts(ctx: AppContext): boolean {
    return !!ctx.text && splitPhone(ctx.text).phone !== undefined;
  },
};

/** The summary a person confirms. */
export function reportSummary(ctx: AppContext, data: ReportData): string {
  return [
    ctx.t("Mình tóm tắt phản ánh của bạn:", "Here is your report:"),
    `• ${ctx.t("Loại", "Kind")}: ${categoryName(ctx.pack, data.categoryId ?? OTHER_CATEGORY, ctx.language)}`,
    `• ${ctx.t("Nội dung", "What happened")}: ${data.description ?? ""}`,
    `• ${ctx.t("Địa điểm", "Place")}: ${placeLine(ctx, data.place)}`,
    `• ${ctx.t("Thời gian", "When")}: ${whenLine(ctx, data.happened)}`,
    `• ${ctx.t("Bằng chứng", "Evidence")}: ${evidenceCount(ctx, data.evidence)}`,
    `• ${ctx.t("Liên hệ", "Contact")}: ${contactLine(ctx, data.contact)}`,
  ].join("\n");
}

const confirm = {
  ask(ctx: AppContext, state: State): Reply {
    return {
      text: `${reportSummary(ctx, state.data)}\n\n${ctx.t("Bạn chọn “Gửi” để gửi, “Sửa” để sửa một mục, hoặc “Hủy”.", "Choose “Send”, “Edit” to change something, or “Cancel”.")}`,
      choices: [
        { title: ctx.t("Gửi", "Send"), payload: REPORT_PAYLOADS.submit },
        { title: ctx.t("Sửa", "Edit"), payload: REPORT_PAYLOADS.edit },
        { title: ctx.t("Hủy", "Cancel"), payload: CANCEL_PAYLOAD },
      ],
    };
  },
  async handle(ctx: AppContext, state: State): Promise<StepOutcome> {
    absorb(ctx, state.data);
    const command = dialogCommand(ctx.text);
    if (ctx.choice === REPORT_PAYLOADS.edit || command === "edit") return { go: "edit" };
    if (ctx.choice !== REPORT_PAYLOADS.submit && command !== "yes") {
      return { invalid: ctx.t("Bạn chọn “Gửi”, “Sửa” hoặc “Hủy” giúp mình.", "Please choose “Send”, “Edit” or “Cancel”.") };
    }
    await submit(ctx, state.data);
    return { done: true };
  },
};

const EDITABLE = ["category", "description", "place", "when", "evidence", "contact"] as const;

const edit = {
  ask(ctx: AppContext): Reply {
    const titles = [ctx.t("Loại", "Kind"), ctx.t("Nội dung", "Description"), ctx.t("Địa điểm", "Place"), ctx.t("Thời gian", "When"), ctx.t("Bằng chứng", "Evidence"), ctx.t("Liên hệ", "Contact")];
    return {
      text: ctx.t("Bạn muốn sửa mục nào?", "What would you like to change?"),
      choices: EDITABLE.map((step, i) => ({ title: titles[i], payload: REPORT_PAYLOADS.editField(step) })),
    };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    const picked = ctx.choice?.startsWith("report:edit:") ? ctx.choice.slice("report:edit:".length) : ctx.text && /^[1-6]$/.test(ctx.text) ? EDITABLE[Number(ctx.text) - 1] : undefined;
    const step = EDITABLE.find((candidate) => candidate === picked);
    if (!step) return { invalid: ctx.t("Bạn chọn một mục trong danh sách.", "Please pick one of the items.") };
    state.data.editing = true;
    // Evidence and contact are collected afresh; the others are overwritten by the new answer.
    if (step === "evidence") state.data.evidence = [];
    if (step === "contact") delete state.data.contact;
    return { go: step };
  },
};

// ===  Submitting  ===

async function submit(ctx: AppContext, data: ReportData): Promise<Report> {
  const contact = data.contact && !data.contact.anonymous ? { anonymous: false as const, name: data.contact.name!, phone: data.contact.phone! } : { anonymous: true as const };
  const report = await fileReport(ctx.services, ctx.pack, {
    categoryId: data.categoryId ?? OTHER_CATEGORY,
    description: data.description ?? "",
    ...(data.place ? { place: data.place } : {}),
    ...(data.happened ? { happened: data.happened } : {}),
    evidence: data.evidence,
    contact,
    reporter: { key: ctx.conversation.key, channel: ctx.message.channel, accountId: ctx.message.accountId, userId: ctx.message.userId },
    language: ctx.language,
  });
  const unit = ctx.pack.contact(unitFor(ctx.pack, report.categoryId));
  const unitName = unit ? (ctx.language === "en" ? (unit.names.en ?? unit.names.vi) : unit.names.vi) : ctx.t("đơn vị phụ trách", "the responsible unit");
  await ctx.reply({
    text: [
      ctx.t(`Đã gửi phản ánh của bạn. Mã phản ánh: ${report.code}.`, `Your report has been sent. Report code: ${report.code}.`),
      ctx.t(
        `Phản ánh được chuyển tới ${unitName}, đơn vị phụ trách loại việc này. Cán bộ sẽ xem xét và cập nhật trạng thái; mình sẽ nhắn bạn khi có thay đổi.`,
        `It goes to ${unitName}, the unit responsible for this kind of matter. Staff will look into it and update its status; I will message you when it changes.`,
      ),
      ctx.t(`Bạn tra cứu bất cứ lúc nào bằng cách nhắn “tra cứu ${report.code}”.`, `You can check it any time by writing “status ${report.code}”.`),
    ].join("\n"),
    choices: mainMenu(ctx.language),
  });
  await notifyStaffOfReport(ctx.services, ctx.pack, report);
  return report;
}

// ===  The dialog  ===

/** The report dialog's definition (registered with the dialog runner). */
export const reportDialog: DialogDefinition<ReportData> = {
  name: "report",
  steps: { category, description, place, when, evidence, contact, contact_name: contactName, contact_phone: contactPhone, confirm, edit },
  ownIntents: ["report_violation"],
  ownsChoice: (payload) => payload.startsWith("report:") || payload.startsWith("dialog:"),
  startPayloads: [MENU.report],
  cancelled: (ctx) => ctx.t("Đã hủy phản ánh; thông tin bạn vừa nhập không được lưu.", "The report is cancelled; nothing you entered was kept."),
  abandoned(ctx, state, why) {
    const data = state.data;
    if (!data.categoryId && !data.description) return;
    const draft: ReportDraft = { step: state.step === "edit" ? "confirm" : state.step, data: { ...data, editing: false }, savedAt: ctx.services.now() };
    ctx.conversation.state.reportDraft = draft;
    // Someone who is resuming does not need to be told how to resume.
    if (dialogCommand(ctx.text) === "resume" || ctx.choice === REPORT_PAYLOADS.resume) return;
    const line = ctx.t(
      "Phản ánh bạn đang soạn dở đã được lưu nháp. Khi muốn hoàn thành, bạn nhắn “tiếp tục”.",
      "The report you were writing is saved as a draft. Write “continue” when you want to finish it.",
    );
    // On a timeout the line comes first and the message is then handled afresh; after another dialog took over, it comes last.
    return ctx.reply(why === "timeout" ? { text: line } : { text: line, choices: [{ title: ctx.t("Tiếp tục phản ánh", "Continue report"), payload: REPORT_PAYLOADS.resume }] });
  },
  resumeLine: (ctx) => ctx.t("Quay lại phản ánh bạn đang soạn:", "Back to your report:"),
};

// ===  Starting and resuming  ===

/** The draft of this conversation, if it is recent enough to offer. */
export function reportDraft(ctx: AppContext): ReportDraft | undefined {
  const draft = ctx.conversation.state.reportDraft as ReportDraft | undefined;
  if (!draft) return undefined;
  if (ctx.services.now() - draft.savedAt > DRAFT_TTL_MS) {
    delete ctx.conversation.state.reportDraft;
    return undefined;
  }
  return draft;
}

/**
 * Opens the report dialog from the person's first message: the category guessed from its words, the message
 * itself as the description when it already describes something, a location or photos taken along.
 *
 * @example await startReport(ctx) // "Mình sẽ giúp bạn gửi phản ánh… Bạn muốn phản ánh về việc gì?"
 */
export async function startReport(ctx: AppContext): Promise<void> {
  const data: ReportData = { evidence: [] };
  absorb(ctx, data);
  const text = ctx.choice === undefined ? ctx.text : undefined;
  if (text && isDescriptive(text)) data.description = text;
  const guessed = text ? guessCategory(text, ctx.pack) : undefined;
  if (guessed) data.categoryId = guessed.id;
  const intro = [
    ctx.t("Mình sẽ giúp bạn gửi phản ánh tới cơ quan chức năng. Bạn có thể nhắn “hủy” bất cứ lúc nào để dừng.", "I will help you send a report to the authorities. Write “cancel” at any time to stop."),
    guessed ? ctx.t(`Loại phản ánh: ${categoryName(ctx.pack, guessed.id, "vi")} (sửa được ở bước cuối).`, `Kind of report: ${categoryName(ctx.pack, guessed.id, "en")} (you can change it at the end).`) : "",
  ].filter(Boolean);
  await startDialog(ctx, reportDialog, firstStep(data), data, intro.join("\n"));
}

/** Reopens the saved draft at the step where it was left. */
export async function resumeReport(ctx: AppContext, draft: ReportDraft): Promise<void> {
  delete ctx.conversation.state.reportDraft;
  await startDialog(ctx, reportDialog, draft.step, draft.data, ctx.t("Mình tiếp tục phản ánh bạn đang soạn dở.", "Let us continue the report you started."));
}

/** Asks whether to continue the draft or start a new report. */
export async function offerDraft(ctx: AppContext, draft: ReportDraft): Promise<void> {
  const about = draft.data.description ? `: “${draft.data.description.length > 60 ? `${draft.data.description.slice(0, 59)}…` : draft.data.description}”` : "";
  await ctx.reply({
    text: ctx.t(`Bạn có một phản ánh đang soạn dở${about}. Bạn muốn tiếp tục hay bắt đầu phản ánh mới?`, `You have an unfinished report${about}. Continue it or start a new one?`),
    choices: [
      { title: ctx.t("Tiếp tục", "Continue"), payload: REPORT_PAYLOADS.resume },
      { title: ctx.t("Phản ánh mới", "New report"), payload: REPORT_PAYLOADS.fresh },
    ],
  });
}
