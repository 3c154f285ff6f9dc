/**
 * contact_info: the card of one unit (its role in the plan, phone, email, address, hours). Contact details come
 * only from contacts.yaml: a detail that is `null` there is said as "chưa cập nhật" and the reply offers staff,
 * so the bot never invents a phone number, an address or opening hours.
 *
 * @example
 * answerContact({ ...input, entities: { contacts: ["phong-van-hoa-xa-hoi"] } }).text
 * // "Phòng Văn hóa - Xã hội phường Võ Cường\nNhiệm vụ: …\nĐiện thoại: chưa cập nhật\n…"
 */
import type { Choice, Reply } from "../../core/message.js";
import type { Contact, ContentPack } from "../../content/index.js";
import type { AnswerInput, AnswerLanguage } from "./answer-input.js";
import { LIST_MAX, lines, oneOf, shorten, sourceLine, speaker, staffChoice, type Speaker } from "./answer-text.js";

/** Answer a contact_info message. */
export function answerContact(input: AnswerInput): Reply {
  const { pack } = input;
  const ids = input.entities.contacts ?? [];
  const contacts = ids.map((id) => pack.contact(id)).filter((c): c is Contact => c !== undefined);
  return oneOf(contacts, input.language, {
    card: (contact) => contactCard(contact, input.language),
    choice: contactChoice,
    which: { vi: "Bạn muốn hỏi cơ quan nào?", en: "Which office do you mean?" },
    list: () => contactList(pack, input.language, ids.length > 0),
  });
}

/** The pack's units as choices ("contact:<id>"), the office that answers for the bot first. */
export function contactList(pack: ContentPack, lang: AnswerLanguage, unknown = false): Reply {
  const say = speaker(lang);
  const ordered = [pack.office, ...pack.contacts.filter((c) => c.id !== pack.office.id)];
  const shown = ordered.slice(0, LIST_MAX);
  const more = ordered.length - shown.length;
  return {
    text: lines(
      unknown && say.phrase({ vi: "Mình chưa có thông tin về cơ quan bạn hỏi.", en: "I have no information about that office." }),
      say.phrase({ vi: `Đầu mối về văn hóa của ${say.text(pack.names)} là ${say.text(pack.office.names)}. Các cơ quan, đơn vị khác:`, en: `The culture contact point of ${say.text(pack.names)} is the ${say.text(pack.office.names)}. Other offices:` }),
      shown.slice(1).map((c) => `• ${say.text(c.names)}`).join("\n"),
      more > 0 && say.phrase({ vi: `… và ${more} đơn vị khác: hãy gõ tên để hỏi.`, en: `… and ${more} more: type a name to ask.` }),
      say.fallbackNote(),
    ),
    choices: [...shown.map((c) => contactChoice(c, say)), staffChoice(lang)],
  };
}

/** The card of one unit; every unknown detail is "chưa cập nhật" and adds the staff choice. */
export function contactCard(contact: Contact, lang: AnswerLanguage): Reply {
  const say = speaker(lang);
  const hours = say.maybe(contact.hours);
  const missing = contact.phone === null || contact.email === null || contact.address === null || hours === undefined;
  const note = say.maybe(contact.note);
  const text = lines(
    say.text(contact.names),
    `${say.phrase({ vi: "Nhiệm vụ", en: "Role" })}: ${shorten(say.text(contact.role), 350)}`,
    `${say.phrase({ vi: "Điện thoại", en: "Phone" })}: ${contact.phone ?? say.unknown}`,
    `Email: ${contact.email ?? say.unknown}`,
    `${say.phrase({ vi: "Địa chỉ", en: "Address" })}: ${contact.address ? say.text(contact.address) : say.unknown}`,
    `${say.phrase({ vi: "Giờ làm việc", en: "Office hours" })}: ${hours ?? say.unknown}`,
    note,
    missing &&
      say.phrase({ vi: "Một số thông tin liên hệ chưa cập nhật; bạn có thể chọn “Gặp cán bộ” để được kết nối.", en: "Some contact details are not yet updated; choose “Talk to staff” to be put in touch." }),
    sourceLine(contact.contactSource ? `${contact.source}; ${contact.contactSource}` : contact.source, lang),
    say.fallbackNote(),
  );
  const reply: Reply = missing ? { text, choices: [staffChoice(lang)] } : { text };
  if (contact.url) reply.links = [{ title: say.phrase({ vi: "Trang thông tin", en: "Website" }), url: contact.url }];
  return reply;
}

function contactChoice(contact: Contact, say: Speaker): Choice {
  return { title: say.text(contact.names), payload: `contact:${contact.id}` };
}
