import type { AppContext } from "../../shared/app-context.js";
import { mainMenu } from "../../shared/menu.js";
import { formatDate, weekdayName } from "../../calendar/index.js";
import { REGISTRATIONS } from "./registration-service.js";
import { classPhrase as phraseOf } from "./class-title.js";
import { claimSeat, seats } from "./seats.js";
import type { ClassEntry } from "../../content/index.js";
import type { Choice, Reply } from "../../core/message.js";
import type { Registration } from "../../domain/registration.js";
import { normalize } from "../../nlu/index.js";
import { dialogCommand } from "../../dialogs/commands.js";
import type { DialogDefinition, DialogState, StepOutcome } from "../../dialogs/dialog.js";
import { CANCEL_PAYLOAD, startDialog } from "../../dialogs/dialog-runner.js";
import { maskPhone, personName, splitPhone } from "../../dialogs/phone.js";
import { nextTicketCode } from "../../shared/ticket-code.js";

/**
 * Class registration (join_class): class → for whom (self or a child) → full name → phone (confirmed back
 * masked) → for a child, the child's name and age → summary with Xác nhận / Sửa / Hủy. A full class offers the
 * waiting list. Saved with a code LH-<year>-<seq>; the day before the first session a reminder goes out
 * (src/features/registration/reminder-scheduler.ts).
 */

// ===  Data  ===

/** What the dialog has collected (stored in the conversation). */
export interface RegistrationData {
  classId?: string;
  who?: "self" | "child";
  fullName?: string;
  phone?: string;
  childName?: string;
  childAge?: number;
  /** The person accepted the waiting list. */
  waiting?: boolean;
  editing?: boolean;
}

/** The choice payloads of this dialog ("class:register:<id>" starts it, see src/features/registration/classes-menu.ts). */
export const REGISTRATION_PAYLOADS = {
  pick: (classId: string) => `reg:class:${classId}`,
  waitlist: "reg:waitlist",
  self: "reg:who:self",
  child: "reg:who:child",
  confirm: "reg:confirm",
  edit: "reg:edit",
  editField: (step: string) => `reg:edit:${step}`,
} as const;

/** Children's classes take ages 1–17; from 18 a person registers for themself. */
const CHILD_AGE = { min: 1, max: 17 };

const ORDER = ["class", "who", "name", "phone", "child_name", "child_age", "confirm"] as const;
type Step = (typeof ORDER)[number];
type State = DialogState<RegistrationData>;

// ===  Helpers  ===

function title(ctx: AppContext, cls: ClassEntry | undefined): string {
  if (!cls) return ctx.t("(lớp không còn trong danh sách)", "(class no longer listed)");
  return ctx.language === "en" ? (cls.title.en ?? cls.title.vi) : cls.title.vi;
}

function classPhrase(ctx: AppContext, cls: ClassEntry | undefined): string {
  return cls ? phraseOf(cls, ctx.language) : title(ctx, cls);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function openClasses(ctx: AppContext): ClassEntry[] {
  return ctx.pack.classes.filter((cls) => cls.status !== "not_scheduled");
}

/** Who the class decides for (a class only for children, or only for adults); undefined when the person must say. */
function fixedWho(cls: ClassEntry | undefined): RegistrationData["who"] {
  if (!cls) return undefined;
  if (cls.audience.children === false) return "self";
  if (cls.audience.adults === false && cls.audience.children === true) return "child";
  return undefined;
}

function after(state: State, from: Step): string {
  const data = state.data;
  if (data.editing) {
    data.editing = false;
    return "confirm";
  }
  for (const step of ORDER.slice(ORDER.indexOf(from) + 1)) {
    if (step === "class" && data.classId) continue;
    if (step === "who" && data.who) continue;
    if (step === "name" && data.fullName) continue;
    if (step === "phone" && data.phone) continue;
    if ((step === "child_name" || step === "child_age") && data.who !== "child") continue;
    if (step === "child_name" && data.childName) continue;
    if (step === "child_age" && data.childAge !== undefined) continue;
    return step;
  }
  return "confirm";
}

/** Sets the class and goes on, through the waiting-list question when it is full. */
async function chooseClass(ctx: AppContext, state: State, cls: ClassEntry): Promise<StepOutcome> {
  state.data.classId = cls.id;
  state.data.who ??= fixedWho(cls);
  if (!state.data.waiting && (await seats(ctx.services, ctx.pack.id, cls)).full) return { go: "waitlist" };
  return { go: after(state, "class") };
}

// ===  Steps  ===

const classStep = {
  ask(ctx: AppContext): Reply {
    const classes = openClasses(ctx).filter((cls) => cls.status === "open" || cls.status === "full");
    return {
      text: [ctx.t("Bạn muốn đăng ký lớp nào?", "Which class would you like to join?"), ...classes.map((cls, i) => `${i + 1}. ${title(ctx, cls)}`)].join("\n"),
      choices: classes.map((cls) => ({ title: title(ctx, cls), payload: REGISTRATION_PAYLOADS.pick(cls.id) })),
    };
  },
  async handle(ctx: AppContext, state: State): Promise<StepOutcome> {
    const classes = openClasses(ctx);
    const id = ctx.choice?.startsWith("reg:class:") ? ctx.choice.slice("reg:class:".length) : undefined;
    const byNumber = ctx.text && /^\d{1,2}$/.test(ctx.text) ? classes[Number(ctx.text) - 1] : undefined;
    const named = ctx.understanding?.entities.classes?.map((classId) => classes.find((cls) => cls.id === classId)).find(Boolean);
    const cls = (id ? classes.find((candidate) => candidate.id === id) : undefined) ?? byNumber ?? named;
    if (!cls) return { invalid: ctx.t("Bạn chọn một lớp trong danh sách.", "Please pick one of the classes.") };
    return chooseClass(ctx, state, cls);
  },
};

const waitlist = {
  ask(ctx: AppContext, state: State): Reply {
    return {
      text: ctx.t(
        `${capitalize(classPhrase(ctx, ctx.pack.class(state.data.classId ?? "")))} đã đủ chỗ. Bạn có muốn vào danh sách chờ không? Khi có chỗ trống, cán bộ liên hệ theo thứ tự đăng ký.`,
        `${title(ctx, ctx.pack.class(state.data.classId ?? ""))} is full. Would you like to join the waiting list? When a place opens, staff call people in order.`,
      ),
      choices: [
        { title: ctx.t("Vào danh sách chờ", "Join waiting list"), payload: REGISTRATION_PAYLOADS.waitlist },
        { title: ctx.t("Không, cảm ơn", "No, thanks"), payload: CANCEL_PAYLOAD },
      ],
    };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    if (ctx.choice !== REGISTRATION_PAYLOADS.waitlist && dialogCommand(ctx.text) !== "yes") {
      return { invalid: ctx.t("Bạn chọn “Vào danh sách chờ” hoặc “Không”.", "Please choose “Join waiting list” or “No”.") };
    }
    state.data.waiting = true;
    return { go: after(state, "class") };
  },
  async skip(ctx: AppContext): Promise<StepOutcome> {
    await ctx.reply({ text: ctx.t("Vậy mình không ghi danh. Khi lớp mở thêm chỗ, bạn có thể đăng ký lại.", "All right, nothing is registered. You can sign up again when places open."), choices: mainMenu(ctx.language) });
    return { done: true };
  },
};

const CHILD_WORDS = /(^| )(con|chau|be|tre|tre em|em be|child|kid|son|daughter|children)( |$)/;
const SELF_WORDS = /(^| )(toi|minh|ban than|em|tui|me|myself|self|nguoi lon)( |$)/;

const who = {
  ask(ctx: AppContext): Reply {
    return {
      text: ctx.t("Bạn đăng ký cho ai?", "Who are you registering?"),
      choices: [
        { title: ctx.t("Cho bản thân", "Myself"), payload: REGISTRATION_PAYLOADS.self },
        { title: ctx.t("Cho con, cháu", "My child"), payload: REGISTRATION_PAYLOADS.child },
      ],
    };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    const folded = ctx.text ? normalize(ctx.text).folded : "";
    const answer = ctx.choice === REGISTRATION_PAYLOADS.child || (!ctx.choice && CHILD_WORDS.test(folded)) ? "child" : ctx.choice === REGISTRATION_PAYLOADS.self || (!ctx.choice && SELF_WORDS.test(folded)) ? "self" : undefined;
    if (!answer) return { invalid: ctx.t("Bạn chọn “Cho bản thân” hoặc “Cho con, cháu”.", "Please choose “Myself” or “My child”.") };
    const cls = ctx.pack.class(state.data.classId ?? "");
    if (answer === "child" && cls?.audience.children === false) return { invalid: ctx.t("Lớp này không nhận trẻ em.", "This class does not take children.") };
    if (answer === "self" && cls?.audience.adults === false) return { invalid: ctx.t("Lớp này chỉ nhận trẻ em.", "This class is for children only.") };
    state.data.who = answer;
    return { go: after(state, "who") };
  },
};

const PHONE_HINT = {
  vi: "Số điện thoại chưa đúng: số di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (hoặc +84).",
  en: "That phone number does not look right: a Vietnamese mobile has 10 digits starting 03, 05, 07, 08 or 09 (or +84).",
};

function phoneSaid(ctx: AppContext, phone: string): string {
  return ctx.t(`Số điện thoại: ${maskPhone(phone)}.`, `Phone number: ${maskPhone(phone)}.`);
}

const name = {
  ask(ctx: AppContext, state: State): Reply {
    return {
      text:
        state.data.who === "child"
          ? ctx.t("Bạn cho mình xin họ và tên của bạn (phụ huynh, người liên hệ).", "Please give your full name (parent or contact person).")
          : ctx.t("Bạn cho mình xin họ và tên.", "Please give your full name."),
    };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    const { phone, rest } = splitPhone(ctx.text ?? "");
    const fullName = personName(rest);
    if (!fullName) return { invalid: ctx.t("Họ tên chỉ gồm chữ, từ 2 đến 80 ký tự.", "A name is letters only, 2 to 80 characters.") };
    state.data.fullName = fullName;
    // Name and number in one message: both taken.
    if (phone) state.data.phone = phone;
    return { go: after(state, "name"), ...(phone ? { say: phoneSaid(ctx, phone) } : {}) };
  },
};

const phoneStep = {
  ask(ctx: AppContext): Reply {
    return { text: ctx.t("Số điện thoại liên hệ của bạn?", "Your phone number?") };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    const phone = ctx.text ? splitPhone(ctx.text).phone : undefined;
    if (!phone) return { invalid: ctx.t(PHONE_HINT.vi, PHONE_HINT.en) };
    state.data.phone = phone;
    return { go: after(state, "phone"), say: phoneSaid(ctx, phone) };
  },
  accepts(ctx: AppContext): boolean {
    return !!ctx.text && splitPhone(ctx.text).phone !== undefined;
  },
};

const childName = {
  ask(ctx: AppContext): Reply {
    return { text: ctx.t("Họ và tên của bé?", "Your child's full name?") };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    const childFullName = ctx.text ? personName(ctx.text) : undefined;
    if (!childFullName) return { invalid: ctx.t("Họ tên chỉ gồm chữ, từ 2 đến 80 ký tự.", "A name is letters only, 2 to 80 characters.") };
    state.data.childName = childFullName;
    return { go: after(state, "child_name") };
  },
};

const childAge = {
  ask(ctx: AppContext): Reply {
    return { text: ctx.t("Bé bao nhiêu tuổi?", "How old is your child?") };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    const match = /(?:^|\D)(\d{1,2})(?:\D|$)/.exec(ctx.text ?? "");
    const age = match ? Number(match[1]) : NaN;
    if (!(age >= CHILD_AGE.min && age <= CHILD_AGE.max)) {
      return { invalid: ctx.t(`Tuổi của bé là một số từ ${CHILD_AGE.min} đến ${CHILD_AGE.max} (từ 18 tuổi, bạn đăng ký như người lớn).`, `The age is a number from ${CHILD_AGE.min} to ${CHILD_AGE.max} (from 18, register as an adult).`) };
    }
    state.data.childAge = age;
    return { go: after(state, "child_age") };
  },
  accepts(ctx: AppContext): boolean {
    return /\d/.test(ctx.text ?? "");
  },
};

/** The summary a person confirms. */
export function registrationSummary(ctx: AppContext, data: RegistrationData): string {
  const cls = ctx.pack.class(data.classId ?? "");
  return [
    ctx.t("Mình tóm tắt đăng ký của bạn:", "Here is your registration:"),
    `• ${ctx.t("Lớp", "Class")}: ${title(ctx, cls)}${data.waiting ? ctx.t(" (danh sách chờ)", " (waiting list)") : ""}`,
    `• ${data.who === "child" ? ctx.t("Người đăng ký", "Registered by") : ctx.t("Họ tên", "Name")}: ${data.fullName ?? ""}`,
    `• ${ctx.t("Số điện thoại", "Phone")}: ${maskPhone(data.phone ?? "")}`,
    data.who === "child" ? `• ${ctx.t("Học viên", "Student")}: ${data.childName}, ${data.childAge} ${ctx.t("tuổi", "years old")}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

const confirm = {
  ask(ctx: AppContext, state: State): Reply {
    return {
      text: `${registrationSummary(ctx, state.data)}\n\n${ctx.t("Bạn chọn “Xác nhận” để gửi, “Sửa” để sửa, hoặc “Hủy”.", "Choose “Confirm”, “Edit” or “Cancel”.")}`,
      choices: [
        { title: ctx.t("Xác nhận", "Confirm"), payload: REGISTRATION_PAYLOADS.confirm },
        { title: ctx.t("Sửa", "Edit"), payload: REGISTRATION_PAYLOADS.edit },
        { title: ctx.t("Hủy", "Cancel"), payload: CANCEL_PAYLOAD },
      ],
    };
  },
  async handle(ctx: AppContext, state: State): Promise<StepOutcome> {
    const command = dialogCommand(ctx.text);
    if (ctx.choice === REGISTRATION_PAYLOADS.edit || command === "edit") return { go: "edit" };
    if (ctx.choice !== REGISTRATION_PAYLOADS.confirm && command !== "yes") {
      return { invalid: ctx.t("Bạn chọn “Xác nhận”, “Sửa” hoặc “Hủy” giúp mình.", "Please choose “Confirm”, “Edit” or “Cancel”.") };
    }
    await submit(ctx, state.data);
    return { done: true };
  },
};

const edit = {
  ask(ctx: AppContext, state: State): Reply {
    const choices: Choice[] = [
      { title: ctx.t("Họ tên", "Name"), payload: REGISTRATION_PAYLOADS.editField("name") },
      { title: ctx.t("Số điện thoại", "Phone"), payload: REGISTRATION_PAYLOADS.editField("phone") },
      ...(state.data.who === "child"
        ? [
            { title: ctx.t("Tên bé", "Child's name"), payload: REGISTRATION_PAYLOADS.editField("child_name") },
            { title: ctx.t("Tuổi bé", "Child's age"), payload: REGISTRATION_PAYLOADS.editField("child_age") },
          ]
        : []),
      ...(fixedWho(ctx.pack.class(state.data.classId ?? "")) ? [] : [{ title: ctx.t("Đăng ký cho ai", "Who"), payload: REGISTRATION_PAYLOADS.editField("who") }]),
    ];
    return { text: ctx.t("Bạn muốn sửa mục nào?", "What would you like to change?"), choices };
  },
  handle(ctx: AppContext, state: State): StepOutcome {
    const field = ctx.choice?.startsWith("reg:edit:") ? ctx.choice.slice("reg:edit:".length) : undefined;
    if (!field || !["name", "phone", "child_name", "child_age", "who"].includes(field)) return { invalid: ctx.t("Bạn chọn một mục trong danh sách.", "Please pick one of the items.") };
    if (field === "who") {
      // Changing who it is for may add or drop the child's details: ask the steps again from there.
      delete state.data.who;
      delete state.data.childName;
      delete state.data.childAge;
      return { go: "who" };
    }
    state.data.editing = true;
    return { go: field };
  },
};

// ===  Submitting  ===

function sessionLine(ctx: AppContext, cls: ClassEntry | undefined, registration: Registration): string {
  if (registration.status === "waiting") {
    return ctx.t("Khi có chỗ trống, cán bộ sẽ liên hệ với bạn theo thứ tự đăng ký.", "When a place opens, staff will contact you in order of registration.");
  }
  if (cls?.firstSession) {
    const day = `${weekdayName(cls.firstSession, ctx.language)} ${formatDate(cls.firstSession, ctx.language)}`;
    return ctx.t(`Buổi học đầu tiên: ${day}. Mình sẽ nhắn nhắc bạn trước một ngày.`, `First session: ${day}. I will remind you the day before.`);
  }
  return ctx.t(
    `Lớp chưa có lịch buổi đầu tiên; cán bộ sẽ liên hệ qua số ${maskPhone(registration.phone)} để báo lịch.`,
    `The first session is not scheduled yet; staff will call ${maskPhone(registration.phone)} with the schedule.`,
  );
}

async function submit(ctx: AppContext, data: RegistrationData): Promise<Registration> {
  const services = ctx.services;
  const cls = ctx.pack.class(data.classId ?? "");
  // The seat is claimed now: the class may have filled while the person was typing, or be filling at this instant.
  const registered = !data.waiting && (cls ? await claimSeat(services, ctx.pack.id, cls) : true);
  const code = await nextTicketCode(services.store, "LH", services.today());
  const registration: Registration = {
    code,
    packId: ctx.pack.id,
    classId: data.classId ?? "",
    fullName: data.fullName ?? "",
    phone: data.phone ?? "",
    ...(data.who === "child" && data.childName && data.childAge !== undefined ? { child: { name: data.childName, age: data.childAge } } : {}),
    status: registered ? "registered" : "waiting",
    attendance: [],
    person: { key: ctx.conversation.key, channel: ctx.message.channel, accountId: ctx.message.accountId, userId: ctx.message.userId },
    language: ctx.language,
    createdAt: services.now(),
  };
  await services.store.collection<Registration>(REGISTRATIONS).set(code, registration, { durable: true });
  const waiting = registration.status === "waiting";
  const becameFull = waiting && !data.waiting;
  await ctx.reply({
    text: [
      becameFull ? ctx.t("Lớp vừa đủ chỗ trong lúc bạn đăng ký, nên bạn được xếp vào danh sách chờ.", "The class filled up while you were registering, so you are on the waiting list.") : "",
      waiting
        ? ctx.t(`Bạn đã vào danh sách chờ ${classPhrase(ctx, cls)}. Mã đăng ký: ${code}.`, `You are on the waiting list for ${title(ctx, cls)}. Registration code: ${code}.`)
        : ctx.t(`Đã ghi danh ${classPhrase(ctx, cls)}. Mã đăng ký: ${code}.`, `You are registered for ${title(ctx, cls)}. Registration code: ${code}.`),
      sessionLine(ctx, cls, registration),
    ]
      .filter(Boolean)
      .join("\n"),
    choices: mainMenu(ctx.language),
  });
  await services.notifier.notify({
    type: "registration",
    ref: code,
    packId: ctx.pack.id,
    unitId: ctx.pack.office.id,
    summary: `${cls?.title.vi ?? registration.classId} · ${waiting ? "danh sách chờ" : "ghi danh"} · ${registration.child ? `trẻ em, ${registration.child.age} tuổi` : "người lớn"}`,
    consolePath: "/admin/classes",
    at: registration.createdAt,
  });
  return registration;
}

// ===  The dialog  ===

/** The registration dialog's definition (registered with the dialog runner). */
export const registrationDialog: DialogDefinition<RegistrationData> = {
  name: "registration",
  steps: { class: classStep, waitlist, who, name, phone: phoneStep, child_name: childName, child_age: childAge, confirm, edit },
  ownIntents: ["join_class"],
  ownsChoice: (payload) => payload.startsWith("reg:") || payload.startsWith("dialog:"),
  startPayloads: [],
  cancelled: (ctx) => ctx.t("Đã hủy đăng ký; thông tin bạn vừa nhập không được lưu.", "Registration cancelled; nothing you entered was kept."),
  resumeLine: (ctx) => ctx.t("Quay lại đăng ký lớp của bạn:", "Back to your class registration:"),
};

/**
 * Opens registration, for one class (the "Đăng ký" choice of the class list) or asking which.
 * A class that is not open is explained instead.
 *
 * @example await startRegistration(ctx, "lop-quan-ho-vo-cuong")
 */
export async function startRegistration(ctx: AppContext, classId?: string): Promise<void> {
  const intro = ctx.t("Mình giúp bạn đăng ký lớp. Nhắn “hủy” bất cứ lúc nào để dừng.", "I will help you register for a class. Write “cancel” at any time to stop.");
  const candidates = openClasses(ctx).filter((cls) => cls.status === "open" || cls.status === "full");
  const cls = classId ? ctx.pack.class(classId) : candidates.length === 1 ? candidates[0] : undefined;
  if (classId && (!cls || cls.status === "not_scheduled")) {
    await ctx.reply({
      text: cls
        ? ctx.t(`${capitalize(classPhrase(ctx, cls))} chưa có lịch mở lớp nên chưa nhận đăng ký.`, `${title(ctx, cls)} is not scheduled yet, so it is not taking registrations.`)
        : ctx.t("Lớp này không còn trong danh sách.", "That class is no longer listed."),
      choices: mainMenu(ctx.language),
    });
    return;
  }
  if (!cls && candidates.length === 0) {
    await ctx.reply({ text: ctx.t("Hiện chưa có lớp nào nhận đăng ký.", "No class is taking registrations now."), choices: mainMenu(ctx.language) });
    return;
  }
  const data: RegistrationData = {};
  if (!cls) return startDialog(ctx, registrationDialog, "class", data, intro);
  const state = { data } as State;
  const outcome = await chooseClass(ctx, state, cls);
  await startDialog(ctx, registrationDialog, "go" in outcome ? outcome.go : "class", data, intro);
}
