import { formatDate, weekdayName } from "../../calendar/index.js";
import type { ClassEntry } from "../../content/index.js";
import type { Reply } from "../../core/message.js";
import type { Registration } from "../../domain/registration.js";
import type { ReachResult } from "../../reach/index.js";
import type { Services } from "../../shared/services.js";
import { say } from "../../shared/bilingual.js";
import { updateDocument } from "../../store/update-document.js";
import { REGISTRATIONS } from "../../domain/registration.js";
import { classTemplate, consentedPhone } from "./class-template.js";
import { classPhrase, classTitle } from "./class-title.js";

/** What admitting needs: the store, the reach sender (the confirmation), the logger and the clock. */
export type AdmissionDeps = Pick<Services, "store" | "reach" | "logger" | "now">;

/** Admitting a registration that is not on the waiting list. */
export class NotWaiting extends Error {
  constructor(readonly code: string) {
    super(`${code} is not on the waiting list`);
    this.name = "NotWaiting";
  }
}

/** The confirmation a person gets when staff give them a place, in their language. */
export function admittedReply(registration: Registration, cls: ClassEntry): Reply {
  const lang = registration.language;
  const who = registration.child ? say(lang, { vi: ` cho bé ${registration.child.name}`, en: ` for ${registration.child.name}` }) : "";
  const first = cls.firstSession
    ? say(lang, { vi: "Buổi học đầu tiên: {day}.", en: "First session: {day}." }, { day: `${weekdayName(cls.firstSession, lang)} ${formatDate(cls.firstSession, lang)}` })
    : say(lang, { vi: "Lịch học chưa cập nhật; cán bộ sẽ báo bạn.", en: "The schedule is not announced yet; staff will tell you." });
  return {
    text: [
      say(lang, { vi: "Tin vui: đã có chỗ{who} trong {phrase}. Mã đăng ký của bạn vẫn là {code}.", en: "Good news: there is a place{who} in {title}. Your registration code is still {code}." }, {
        who,
        phrase: classPhrase(cls, lang),
        title: classTitle(cls, lang),
        code: registration.code,
      }),
      first,
    ].join("\n"),
  };
}

/**
 * Staff give a person on the waiting list a place: the registration becomes `registered` (saved first), then the
 * person is told through the kind the reach policy allows — inside the window an ordinary message; outside it, as
 * configured, a Zalo transaction message, a ZNS to the phone they agreed to be told on, a Messenger utility message
 * or the CONFIRMED_EVENT_UPDATE tag; otherwise it waits for their next message ("chưa gửi được", with the reason).
 *
 * @example const { delivery } = await admit(services, "LH-2026-0004", cls); // "sent" | "kept" | "failed"
 * @throws NotWaiting when the registration is not on the waiting list (or does not exist).
 */
export async function admit(deps: AdmissionDeps, code: string, cls: ClassEntry): Promise<{ registration: Registration; delivery: ReachResult["status"] }> {
  const at = deps.now();
  let admitted = false;
  const registration = await updateDocument(
    deps.store.collection<Registration>(REGISTRATIONS),
    code,
    (current) => {
      admitted = current?.status === "waiting";
      return admitted ? { ...current!, status: "registered" as const, admittedAt: at } : undefined;
    },
    { durable: true },
  );
  if (!admitted || !registration) throw new NotWaiting(code);
  try {
    const result = await deps.reach.sender.send(registration.person, admittedReply(registration, cls), {
      purpose: "registration_update",
      source: { kind: "registration", ref: code, label: `Xác nhận chỗ học ${classTitle(cls, "vi")}` },
      template: classTemplate(registration, cls),
      ...(consentedPhone(registration) ? { phone: consentedPhone(registration) } : {}),
    });
    return { registration, delivery: result.status };
  } catch (error) {
    // The platform did not answer: the place is given all the same; staff are told to call.
    deps.logger.error({ err: error, code }, "registration confirmation not sent");
    return { registration, delivery: "failed" };
  }
}
