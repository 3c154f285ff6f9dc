import { viOrEn } from "../../shared/bilingual.js";
import { formatDate, weekdayName } from "../../calendar/index.js";
import type { ClassEntry } from "../../content/index.js";
import { REGISTRATIONS, type Registration } from "../../domain/registration.js";
import { defineDialog } from "../../dialogs/define-dialog.js";
import type { DialogContext } from "../../dialogs/dialog.js";
import { startDialog } from "../../dialogs/dialog-runner.js";
import { maskPhone } from "../../dialogs/phone.js";
import type { AppContext } from "../../shared/app-context.js";
import { mainMenu } from "../../shared/menu.js";
import type { TextValues } from "../../shared/bilingual.js";
import { nextTicketCode } from "../../shared/ticket-code.js";
import { claimSeat } from "./seats.js";
import { capitalize, chooseClass, classPhrase, classTitle, openClasses, REGISTRATION_PAYLOADS, registrationSteps, type RegistrationData } from "./registration-steps.js";
import texts from "./registration-texts.json" with { type: "json" };

/**
 * Class registration (join_class), declared: the steps of src/features/registration/registration-steps.ts, then the
 * summary with Xác nhận / Sửa / Hủy. A full class offers the waiting list. Saved with a code LH-<year>-<seq>; the
 * day before the first session a reminder goes out (src/features/registration/reminder-scheduler.ts).
 */

export { REGISTRATION_PAYLOADS, type RegistrationData };

/** The summary a person confirms. */
export function registrationSummary(ctx: DialogContext, data: RegistrationData): string {
  const cls = ctx.pack.class(data.classId ?? "");
  return [
    ctx.say(texts.summaryTitle),
    `• ${ctx.say(texts.class)}: ${classTitle(ctx, cls)}${data.waiting ? ctx.say(texts.onWaitlist) : ""}`,
    `• ${ctx.say(data.who === "child" ? texts.registeredBy : texts.name)}: ${data.fullName ?? ""}`,
    `• ${ctx.say(texts.phone)}: ${maskPhone(data.phone ?? "")}`,
    data.who === "child" ? `• ${ctx.say(texts.student)}: ${data.childName}, ${data.childAge} ${ctx.say(texts.yearsOld)}` : "",
    data.byPhone && data.notifyByPhone !== undefined
      ? `• ${ctx.say(texts.byPhoneLine, { kind: ctx.say(data.byPhone) })}: ${ctx.say(data.notifyByPhone ? texts.yesWord : texts.noWord)}`
      : "",
  ]
    .filter(Boolean)
    .join("\n");
}

export const registrationDialog = defineDialog<RegistrationData>({
  name: "registration",
  payloadPrefix: "reg",
  steps: registrationSteps,
  summary: { text: registrationSummary, prompt: texts.summaryPrompt, submitTitle: texts.confirm, submit },
  ownIntents: ["join_class"],
  cancelled: texts.cancelled,
  resumeLine: texts.resumeLine,
});

// ===  Submitting  ===

function sessionLine(ctx: DialogContext, cls: ClassEntry | undefined, registration: Registration): string {
  if (registration.status === "waiting") return ctx.say(texts.staffWillCall);
  if (cls?.firstSession) return ctx.say(texts.firstSession, { day: `${weekdayName(cls.firstSession, ctx.language)} ${formatDate(cls.firstSession, ctx.language)}` });
  return ctx.say(texts.notScheduledYet, { phone: maskPhone(registration.phone) });
}

async function submit(ctx: DialogContext, data: RegistrationData): Promise<void> {
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
    ...(data.byPhone && data.notifyByPhone ? { phoneNoticeConsentAt: services.now() } : {}),
    language: viOrEn(ctx.language),
    createdAt: services.now(),
  };
  // Stored with the step, in one commit with the reply carrying its code (pipeline.ts).
  ctx.save(REGISTRATIONS, code, { ...registration, revision: 1 }, 0);
  const waiting = registration.status === "waiting";
  const [phrase, title] = [classPhrase(ctx, cls), classTitle(ctx, cls)];
  await ctx.reply({
    text: [
      waiting && !data.waiting ? ctx.say(texts.becameFull) : "",
      ctx.say(waiting ? texts.waiting : texts.registered, { phrase, title, code }),
      sessionLine(ctx, cls, registration),
    ]
      .filter(Boolean)
      .join("\n"),
    choices: mainMenu(viOrEn(ctx.language)),
  });
  ctx.afterCommit(() => services.notifier.notify({
    type: "registration",
    ref: code,
    packId: ctx.pack.id,
    unitId: ctx.pack.office.id,
    summary: `${cls?.title.vi ?? registration.classId} · ${waiting ? "danh sách chờ" : "ghi danh"} · ${registration.child ? `trẻ em, ${registration.child.age} tuổi` : "người lớn"}`,
    consolePath: "/admin/classes",
    at: registration.createdAt,
  }));
}

// ===  Starting  ===

/**
 * Opens registration, for one class (the "Đăng ký" choice of the class list) or asking which.
 * A class that is not open is explained instead.
 *
 * @example await startRegistration(ctx, "lop-quan-ho-vo-cuong")
 */
export async function startRegistration(ctx: AppContext, classId?: string): Promise<void> {
  const candidates = openClasses(ctx).filter((cls) => cls.status === "open" || cls.status === "full");
  const cls = classId ? ctx.pack.class(classId) : candidates.length === 1 ? candidates[0] : undefined;
  if ((classId && (!cls || cls.status === "not_scheduled")) || (!cls && candidates.length === 0)) {
    ctx.outcome = "answered";
    const text = !classId ? texts.noClassOpen : cls ? texts.notScheduled : texts.noLongerListed;
    const names: TextValues = cls ? { phrase: capitalize(classPhrase(ctx, cls)), title: classTitle(ctx, cls) } : {};
    return ctx.reply({ text: ctx.say(text, names), choices: mainMenu(ctx.language) });
  }
  const data: RegistrationData = {};
  if (cls) await chooseClass(ctx, data, cls);
  await startDialog(ctx, registrationDialog, data, ctx.say(texts.intro));
}
