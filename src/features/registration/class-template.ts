import { formatDate } from "../../calendar/index.js";
import type { ClassEntry } from "../../content/index.js";
import type { TemplateContent } from "../../core/channel.js";
import type { Registration } from "../../domain/registration.js";
import { classStartMinute, clockText } from "./class-start.js";
import { classTitle } from "./class-title.js";

/**
 * The facts of a class message for the kinds allowed outside the window (a Zalo transaction message or ZNS, a
 * Messenger utility template): `code`, `class_name`, `date`, `time`, `place` — the names docs/reach.md gives the
 * templates. What the class's content does not say is "chưa cập nhật", never guessed.
 *
 * @example classTemplate(registration, cls).fields[0] // { name: "code", value: "LH-2026-0003" }
 */
export function classTemplate(registration: Registration, cls: ClassEntry): TemplateContent {
  const lang = registration.language;
  const unknown = lang === "en" ? "not yet announced" : "chưa cập nhật";
  const start = classStartMinute(cls);
  const place = cls.place ? (lang === "en" ? (cls.place.en ?? cls.place.vi) : cls.place.vi) : undefined;
  return {
    language: lang,
    title: lang === "en" ? `Registration ${registration.code}` : `Đăng ký ${registration.code}`,
    fields: [
      { name: "code", value: registration.code },
      { name: "class_name", value: classTitle(cls, lang) },
      { name: "date", value: cls.firstSession ? formatDate(cls.firstSession, lang) : unknown },
      { name: "time", value: start !== undefined ? clockText(start) : unknown },
      { name: "place", value: place ?? unknown },
    ],
  };
}

/**
 * The phone a registration's messages may go to by phone number: its own, only when the person agreed to that
 * (phoneNoticeConsentAt). Any other use of the number is not allowed.
 */
export function consentedPhone(registration: Registration): string | undefined {
  return registration.phoneNoticeConsentAt !== undefined && registration.phone ? registration.phone : undefined;
}
