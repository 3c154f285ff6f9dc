/**
 * join_class, the information part: the pack's classes with their status, schedule, place and fee ("chưa cập nhật"
 * when unknown) and who may join. Open classes get a "Đăng ký" choice ("class:register:<id>") that starts the
 * registration dialog (not here).
 *
 * @example
 * answerClasses({ ...input, intent: "join_class", entities: {} }).choices
 * // [{ title: "Đăng ký", payload: "class:register:lop-quan-ho-vo-cuong" }, { title: "Gặp cán bộ", … }]
 */
import { REGISTER_CHOICE } from "../../shared/menu.js";
import type { Choice, Reply } from "../../core/message.js";
import type { ClassEntry, ContentPack } from "../../content/index.js";
import type { AnswerInput, AnswerLanguage } from "./answer-input.js";
import { lines, sourceLine, speaker, staffChoice, type Speaker } from "./answer-text.js";
import { dayWithWeekday } from "./festival-when.js";

/** The payload of the registration choice for a class. */
export function registerPayload(classId: string): string {
  return REGISTER_CHOICE.of(classId);
}

/** Answer join_class with the classes named in the message, or all of the pack's classes. */
export function answerClasses(input: AnswerInput): Reply {
  const named = (input.entities.classes ?? []).map((id) => input.pack.class(id)).filter((c): c is ClassEntry => c !== undefined);
  return classesReply(input.pack, input.language, named.length > 0 ? named : input.pack.classes);
}

/** The classes as numbered blocks, with registration choices for the open ones and the staff choice. */
export function classesReply(pack: ContentPack, lang: AnswerLanguage, classes: readonly ClassEntry[]): Reply {
  const say = speaker(lang);
  if (classes.length === 0) {
    return {
      text: say.phrase(
        { vi: `Hiện ${say.text(pack.names)} chưa có lớp truyền dạy nào trong danh sách. Bạn có thể gặp cán bộ để hỏi thêm.`, en: `${say.text(pack.names)} has no classes in the list yet. You can ask the staff.` },
      ),
      choices: [staffChoice(lang)],
    };
  }
  const open = classes.filter((c) => c.status === "open");
  const registerTitle = (c: ClassEntry) => (open.length === 1 ? say.phrase({ vi: "Đăng ký", en: "Register" }) : `${say.phrase({ vi: "Đăng ký", en: "Register" })}: ${say.text(c.title)}`);
  const choices: Choice[] = [...open.map((c) => ({ title: registerTitle(c), payload: registerPayload(c.id) })), staffChoice(lang)];
  return {
    text: lines(
      say.phrase({ vi: `Các lớp truyền dạy của ${say.text(pack.names)}:`, en: `Classes in ${say.text(pack.names)}:` }),
      classes.map((c, i) => classBlock(c, i + 1, say)).join("\n"),
      open.length > 0
        ? say.phrase({ vi: "Chọn “Đăng ký” để ghi danh; thông tin chưa cập nhật cán bộ sẽ báo khi liên hệ.", en: "Choose “Register” to sign up; staff will confirm what is not yet updated." })
        : say.phrase({ vi: "Hiện chưa có lớp nào nhận đăng ký; bạn có thể gặp cán bộ để hỏi thêm.", en: "No class is taking registrations now; you can ask the staff." }),
      say.fallbackNote(),
    ),
    choices,
  };
}

function classBlock(c: ClassEntry, n: number, say: Speaker): string {
  const status = {
    open: say.phrase({ vi: "đang nhận đăng ký", en: "open for registration" }),
    full: say.phrase({ vi: "đã đủ chỗ", en: "full" }),
    not_scheduled: say.phrase({ vi: "chưa có lịch mở lớp", en: "not scheduled yet" }),
  }[c.status];
  const field = (vi: string, en: string, value: string | undefined) => `   ${say.phrase({ vi: vi, en: en })}: ${value ?? say.unknown}`;
  return lines(
    `${n}. ${say.text(c.title)} – ${status}`,
    field("Lịch học", "Schedule", say.maybe(c.schedule)),
    c.firstSession && field("Buổi đầu tiên", "First session", dayWithWeekday(c.firstSession, say.lang)),
    field("Địa điểm", "Place", say.maybe(c.place)),
    field("Học phí", "Fee", say.maybe(c.fee)),
    c.teacher && field("Người dạy", "Teacher", say.text(c.teacher)),
    c.capacity !== undefined && field("Số chỗ", "Places", String(c.capacity)),
    field("Đối tượng", "Who may join", audience(c, say)),
    `   ${sourceLine(c.source, say.lang)}`,
  );
}

/** "trẻ em, người lớn; không nhận: người nước ngoài" from the flags, plus the note; undefined when nothing is known. */
function audience(c: ClassEntry, say: Speaker): string | undefined {
  const groups: [boolean | undefined, string][] = [
    [c.audience.children, say.phrase({ vi: "trẻ em", en: "children" })],
    [c.audience.adults, say.phrase({ vi: "người lớn", en: "adults" })],
    [c.audience.foreigners, say.phrase({ vi: "người nước ngoài", en: "foreigners" })],
  ];
  const yes = groups.filter(([flag]) => flag === true).map(([, name]) => name);
  const no = groups.filter(([flag]) => flag === false).map(([, name]) => name);
  const parts: string[] = [];
  if (yes.length > 0) parts.push(yes.join(", "));
  if (no.length > 0) parts.push(`${say.phrase({ vi: "không nhận", en: "not for" })}: ${no.join(", ")}`);
  // Notes often repeat the label ("Đối tượng tham gia: …"); the line already has it.
  const note = say.maybe(c.audience.note)?.replace(/^(đối tượng( tham gia)?|who may join)\s*:\s*/iu, "");
  if (note) parts.push(note);
  return parts.length > 0 ? parts.join("; ") : undefined;
}
