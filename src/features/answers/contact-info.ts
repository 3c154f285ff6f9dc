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
    which: { vi: "Bạn muốn hỏi cơ quan nào?", en: "Which office do you mean?", zh: "您指的是哪个部门？", ko: "어느 부서를 말씀하시나요?" },
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
      unknown && say.phrase({ vi: "Mình chưa có thông tin về cơ quan bạn hỏi.", en: "I have no information about that office.", zh: "我没有这个部门的信息。", ko: "그 부서에 대한 정보가 없습니다." }),
      say.phrase(
        { vi: `Đầu mối về văn hóa của ${say.text(pack.names)} là ${say.text(pack.office.names)}. Các cơ quan, đơn vị khác:`, en: `The culture contact point of ${say.text(pack.names)} is the ${say.text(pack.office.names)}. Other offices:`, zh: `${say.text(pack.names)}的文化事务联系窗口是${say.text(pack.office.names)}。其他部门：`, ko: `${say.text(pack.names)}의 문화 담당 창구는 ${say.text(pack.office.names)}입니다. 다른 부서:` },
      ),
      shown.slice(1).map((c) => `• ${say.text(c.names)}`).join("\n"),
      more > 0 && say.phrase({ vi: `… và ${more} đơn vị khác: hãy gõ tên để hỏi.`, en: `… and ${more} more: type a name to ask.`, zh: `……还有${more}项：输入名称即可查询。`, ko: `… 외 ${more}곳: 이름을 입력해 물어보세요.` }),
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
    `${say.label({ vi: "Nhiệm vụ", en: "Role", zh: "职责", ko: "역할" })}${shorten(say.text(contact.role), 350)}`,
    `${say.label({ vi: "Điện thoại", en: "Phone", zh: "电话", ko: "전화" })}${contact.phone ?? say.unknown}`,
    `${say.label({ vi: "Email", en: "Email", zh: "电子邮件", ko: "이메일" })}${contact.email ?? say.unknown}`,
    `${say.label({ vi: "Địa chỉ", en: "Address", zh: "地址", ko: "주소" })}${contact.address ? say.text(contact.address) : say.unknown}`,
    `${say.label({ vi: "Giờ làm việc", en: "Office hours", zh: "办公时间", ko: "업무 시간" })}${hours ?? say.unknown}`,
    note,
    missing &&
      say.phrase(
        { vi: "Một số thông tin liên hệ chưa cập nhật; bạn có thể chọn “Gặp cán bộ” để được kết nối.", en: "Some contact details are not yet updated; choose “Talk to staff” to be put in touch.", zh: "部分联系方式尚未更新；请选择“人工客服”，由工作人员与您联系。", ko: "일부 연락처는 아직 업데이트되지 않았습니다. ‘직원 연결’을 선택하시면 연결해 드립니다." },
      ),
    sourceLine(contact.contactSource ? `${contact.source}; ${contact.contactSource}` : contact.source, lang),
    say.fallbackNote(),
  );
  const reply: Reply = missing ? { text, choices: [staffChoice(lang)] } : { text };
  if (contact.url) reply.links = [{ title: say.phrase({ vi: "Trang thông tin", en: "Website", zh: "网站", ko: "웹사이트" }), url: contact.url }];
  return reply;
}

function contactChoice(contact: Contact, say: Speaker): Choice {
  return { title: say.text(contact.names), payload: `contact:${contact.id}` };
}
