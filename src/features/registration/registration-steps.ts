import { viOrEn } from "../../shared/bilingual.js";
import type { ClassEntry } from "../../content/index.js";
import { dialogCommand } from "../../dialogs/commands.js";
import { CANCEL_PAYLOAD } from "../../dialogs/define-dialog.js";
import type { DialogContext, Step, StepResult } from "../../dialogs/dialog.js";
import dialogTexts from "../../dialogs/dialog-texts.json" with { type: "json" };
import { nameStep, phoneStep } from "../../dialogs/person-steps.js";
import { maskPhone } from "../../dialogs/phone.js";
import { normalize } from "../../nlu/index.js";
import { choicePayload } from "../../shared/choice-payload.js";
import { mainMenu } from "../../shared/menu.js";
import { classPhrase as phraseOf } from "./class-title.js";
import { seats } from "./seats.js";
import texts from "./registration-texts.json" with { type: "json" };

/**
 * Class registration's steps, in the order they are asked: class → waiting list (a full class) → for whom (self
 * or a child) → full name → phone (confirmed back masked) → for a child, the child's name and age. Each says when
 * the data already answers it: a class chosen from the list, or one only for adults, is not asked about again.
 */

/** What the dialog has collected (stored in the conversation). */
export interface RegistrationData {
  classId?: string;
  /** The class decides who it is for (only adults, or only children): "for whom" is neither asked nor editable. */
  whoFixed?: boolean;
  /** The chosen class was full when chosen: the waiting list is offered. */
  full?: boolean;
  /** The person accepted the waiting list. */
  waiting?: boolean;
  who?: "self" | "child";
  fullName?: string;
  phone?: string;
  childName?: string;
  childAge?: number;
  /**
   * How the person's channel can reach them by phone number outside its window ("tin thông báo ZNS của Zalo"),
   * when the deployment configured it (src/reach): only then is their consent asked.
   */
  byPhone?: { vi: string; en: string };
  /** Their answer: the phone they give may also carry this class's confirmation and reminder. */
  notifyByPhone?: boolean;
}

type RegistrationStep = Step<RegistrationData>;

/** "reg:class:<class id>" */
export const CLASS_CHOICE = choicePayload("reg:class");
/** "reg:who:self" / "reg:who:child" */
export const WHO_CHOICE = choicePayload("reg:who", ["self", "child"] as const);
/** "reg:byphone:yes" / "reg:byphone:no" */
export const BY_PHONE_CHOICE = choicePayload("reg:byphone", ["yes", "no"] as const);
const EDIT_ITEM = choicePayload("reg:edit");

/** The choice payloads of this dialog ("class:register:<id>" starts it, see src/features/registration/classes-menu.ts). */
export const REGISTRATION_PAYLOADS = {
  pick: (classId: string) => CLASS_CHOICE.of(classId),
  waitlist: "reg:waitlist",
  self: WHO_CHOICE.of("self"),
  child: WHO_CHOICE.of("child"),
  confirm: "reg:submit",
  edit: "reg:edit",
  editField: (step: string) => EDIT_ITEM.of(step),
} as const;

/** Children's classes take ages 1–17; from 18 a person registers for themself. */
const CHILD_AGE = { min: 1, max: 17 };

// ===  Helpers  ===

export function classTitle(ctx: DialogContext, cls: ClassEntry | undefined): string {
  if (!cls) return ctx.say(texts.classGone);
  return ctx.language === "en" ? (cls.title.en ?? cls.title.vi) : cls.title.vi;
}

/** "lớp truyền dạy dân ca Quan họ…" in a sentence. */
export function classPhrase(ctx: DialogContext, cls: ClassEntry | undefined): string {
  return cls ? phraseOf(cls, viOrEn(ctx.language)) : classTitle(ctx, cls);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function openClasses(ctx: DialogContext): ClassEntry[] {
  return ctx.pack.classes.filter((cls) => cls.status !== "not_scheduled");
}

/** Who the class decides for (a class only for children, or only for adults); undefined when the person must say. */
function fixedWho(cls: ClassEntry | undefined): RegistrationData["who"] {
  if (!cls) return undefined;
  if (cls.audience.children === false) return "self";
  if (cls.audience.adults === false && cls.audience.children === true) return "child";
  return undefined;
}

/** Sets the class, and whether it is full now (then the waiting list is asked first). */
export async function chooseClass(ctx: DialogContext, data: RegistrationData, cls: ClassEntry): Promise<void> {
  const fixed = fixedWho(cls);
  data.classId = cls.id;
  data.whoFixed = fixed !== undefined;
  data.who ??= fixed;
  data.full = !data.waiting && (await seats(ctx.services, ctx.pack.id, cls)).full;
  const byPhone = ctx.services.reach.byPhone(ctx.message.channel, ["registration_update", "class_reminder"]);
  if (byPhone) data.byPhone = byPhone;
  else delete data.byPhone;
}

const classOf = (ctx: DialogContext, data: RegistrationData) => ctx.pack.class(data.classId ?? "");
const forChild = (data: RegistrationData) => data.who === "child";

// ===  Steps  ===

const classStep: RegistrationStep = {
  name: "class",
  answered: (data) => !!data.classId,
  ask(ctx) {
    const classes = openClasses(ctx).filter((cls) => cls.status === "open" || cls.status === "full");
    return {
      text: [ctx.say(texts.whichClass), ...classes.map((cls, i) => `${i + 1}. ${classTitle(ctx, cls)}`)].join("\n"),
      choices: classes.map((cls) => ({ title: classTitle(ctx, cls), payload: CLASS_CHOICE.of(cls.id) })),
    };
  },
  async handle(ctx, data): Promise<StepResult> {
    const classes = openClasses(ctx);
    const id = CLASS_CHOICE.read(ctx.choice);
    const byNumber = ctx.text && /^\d{1,2}$/.test(ctx.text) ? classes[Number(ctx.text) - 1] : undefined;
    const named = ctx.understanding?.entities.classes?.map((classId) => classes.find((cls) => cls.id === classId)).find(Boolean);
    const cls = (id ? classes.find((candidate) => candidate.id === id) : undefined) ?? byNumber ?? named;
    if (!cls) return { invalid: ctx.say(texts.pickClass) };
    await chooseClass(ctx, data, cls);
    return { next: true };
  },
};

const waitlist: RegistrationStep = {
  name: "waitlist",
  applies: (data) => !!data.full,
  answered: (data) => !!data.waiting,
  ask(ctx, data) {
    const cls = classOf(ctx, data);
    return {
      text: ctx.say(texts.full, { phrase: capitalize(classPhrase(ctx, cls)), title: classTitle(ctx, cls) }),
      choices: [
        { title: ctx.say(texts.joinWaitlist), payload: REGISTRATION_PAYLOADS.waitlist },
        { title: ctx.say(texts.noThanks), payload: CANCEL_PAYLOAD },
      ],
    };
  },
  handle(ctx, data): StepResult {
    if (ctx.choice !== REGISTRATION_PAYLOADS.waitlist && dialogCommand(ctx.text) !== "yes") return { invalid: ctx.say(texts.pickWaitlist) };
    data.waiting = true;
    return { next: true };
  },
  async skip(ctx): Promise<StepResult> {
    await ctx.reply({ text: ctx.say(texts.notRegistered), choices: mainMenu(ctx.language) });
    return { done: true };
  },
};

const CHILD_WORDS = /(^| )(con|chau|be|tre|tre em|em be|child|kid|son|daughter|children)( |$)/;
// "cho mình", "cho tôi", "bản thân": for the person writing (the handoff feature comes after the dialog, so
// "cho tôi" here is this answer, never a request for staff).
const SELF_WORDS = /(^| )(toi|minh|ban than|em|tui|me|myself|self|nguoi lon)( |$)/;

const who: RegistrationStep = {
  name: "who",
  answered: (data) => !!data.who,
  ask: (ctx) => ({
    text: ctx.say(texts.forWhom),
    choices: [
      { title: ctx.say(texts.myself), payload: REGISTRATION_PAYLOADS.self },
      { title: ctx.say(texts.myChild), payload: REGISTRATION_PAYLOADS.child },
    ],
  }),
  handle(ctx, data): StepResult {
    const folded = ctx.text && !ctx.choice ? normalize(ctx.text).folded : "";
    const answer = WHO_CHOICE.read(ctx.choice) ?? (CHILD_WORDS.test(folded) ? "child" : SELF_WORDS.test(folded) ? "self" : undefined);
    if (!answer) return { invalid: ctx.say(texts.pickWho) };
    const cls = classOf(ctx, data);
    if (answer === "child" && cls?.audience.children === false) return { invalid: ctx.say(texts.noChildren) };
    if (answer === "self" && cls?.audience.adults === false) return { invalid: ctx.say(texts.childrenOnly) };
    data.who = answer;
    return { next: true };
  },
  edit: {
    title: texts.who,
    // Changing who it is for may add or drop the child's details: they are asked again from there.
    clear: (data) => void (delete data.who, delete data.childName, delete data.childAge),
    offered: (data) => !data.whoFixed,
  },
};

/** A question for a name or phone, after the privacy notice the first time the person is asked for either. */
const withPrivacyNotice = (ctx: DialogContext, question: string) => ctx.services.privacy.beforeAsking(ctx.conversation.state, ctx.pack, viOrEn(ctx.language), question);

const phoneNoted = (ctx: DialogContext, phone: string) => ctx.say(dialogTexts.phoneNoted, { phone: maskPhone(phone) });

const name = nameStep<RegistrationData>({
  name: "name",
  answered: (data) => !!data.fullName,
  // The first time the bot asks this person for personal data, the privacy notice comes first (docs/privacy.md).
  ask: (ctx, data) => ({ text: withPrivacyNotice(ctx, ctx.say(forChild(data) ? texts.askParentName : texts.askName)) }),
  // Name and number in one message: both taken.
  take(ctx, data, fullName, phone) {
    data.fullName = fullName;
    if (!phone) return undefined;
    data.phone = phone;
    return phoneNoted(ctx, phone);
  },
  edit: { title: texts.name, clear: (data) => void delete data.fullName },
});

const phone = phoneStep<RegistrationData>({
  name: "phone",
  answered: (data) => !!data.phone,
  ask: (ctx) => ({ text: withPrivacyNotice(ctx, ctx.say(texts.askPhone)) }),
  take(ctx, data, number) {
    data.phone = number;
    return phoneNoted(ctx, number);
  },
  // The consent to messages by phone was for the number then given: a new number is asked about again.
  edit: { title: texts.phone, clear: (data) => void (delete data.phone, delete data.notifyByPhone) },
});

const childName = nameStep<RegistrationData>({
  name: "child_name",
  applies: forChild,
  answered: (data) => !!data.childName,
  ask: (ctx) => ({ text: ctx.say(texts.askChildName) }),
  take(_ctx, data, childFullName) {
    data.childName = childFullName;
    return undefined;
  },
  edit: { title: texts.childName, clear: (data) => void delete data.childName },
});

const childAge: RegistrationStep = {
  name: "child_age",
  takesData: true,
  applies: forChild,
  answered: (data) => data.childAge !== undefined,
  ask: (ctx) => ({ text: ctx.say(texts.askChildAge) }),
  handle(ctx, data): StepResult {
    const match = /(?:^|\D)(\d{1,2})(?:\D|$)/.exec(ctx.text ?? "");
    const age = match ? Number(match[1]) : NaN;
    if (!(age >= CHILD_AGE.min && age <= CHILD_AGE.max)) return { invalid: ctx.say(texts.badAge, CHILD_AGE) };
    data.childAge = age;
    return { next: true };
  },
  accepts: (ctx) => /\d/.test(ctx.text ?? ""),
  edit: { title: texts.childAge, clear: (data) => void delete data.childAge },
};

/**
 * Whether the phone given here may also carry this class's confirmation and reminder, by the kind the person's
 * channel offers for that (a Zalo ZNS): asked only when the deployment configured one, after the number is known,
 * saying what for; "no" changes nothing else. Sending to a phone number is a use of it the person did not give it
 * for (staff calling about the class), so it needs their yes (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).
 */
const byPhoneStep: RegistrationStep = {
  name: "by_phone",
  applies: (data) => !!data.byPhone && !!data.phone,
  answered: (data) => data.notifyByPhone !== undefined,
  ask: (ctx, data) => ({
    text: ctx.say(texts.askByPhone, { kind: ctx.say(data.byPhone!), phone: maskPhone(data.phone ?? "") }),
    choices: [
      { title: ctx.say(texts.byPhoneYes), payload: BY_PHONE_CHOICE.of("yes") },
      { title: ctx.say(texts.byPhoneNo), payload: BY_PHONE_CHOICE.of("no") },
    ],
  }),
  handle(ctx, data): StepResult {
    const command = dialogCommand(ctx.text);
    const answer = BY_PHONE_CHOICE.read(ctx.choice) ?? (command === "yes" ? "yes" : command === "skip" ? "no" : undefined);
    if (!answer) return { invalid: ctx.say(texts.pickByPhone) };
    data.notifyByPhone = answer === "yes";
    return { next: true };
  },
  edit: { title: texts.byPhone, clear: (data) => void delete data.notifyByPhone, offered: (data) => !!data.byPhone },
};

/** The steps in the order they are asked. */
export const registrationSteps: readonly RegistrationStep[] = [classStep, waitlist, who, name, phone, childName, childAge, byPhoneStep];
