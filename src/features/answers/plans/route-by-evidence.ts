/**
 * Route a question by evidence, not by one label: a question about what a plan says goes to the plan even when it
 * names a relic, a festival, a unit or a month; a content card answers what it holds (a festival's date, a
 * contact's phone, a class's fee or schedule, a relic's description) and a festival asked about what it
 * commemorates gets its card with the description. Questions the classifier could not place go to the plans
 * when the plans cover them.
 *
 * @example
 * routeByEvidence({ ...input, intent: "heritage_info", text: "ai lo số hóa di tích?" }) // { route: "plan" }
 * routeByEvidence({ ...input, intent: "festival_dates", text: "Hội Lim năm nay ngày nào?" }) // { route: "intent" }
 */
import { fold } from "../../../nlu/fold.js";
import { asksQuestion } from "../../../nlu/question-form.js";
import type { AnswerInput } from "../answer-input.js";
import type { PlanQuestion } from "../../../plans/index.js";
import { planEngineFor, planSearchText } from "./plan-info.js";
import { asksToDo } from "./plan-question-first.js";

/** Where a message is answered: its intent's answer, the plans, or a festival's card with its description. */
export type Route = { route: "intent" } | { route: "plan"; question: PlanQuestion } | { route: "festival-description"; festivalId: string };

// Words that ask what a plan says or who does what in it.
const PLAN_CUE = /\b(ke hoach|nhiem vu|quang ba|so hoa|(duoc|dc) (ke|neu|nhac) (ra|ten|den|toi)|ket qua (mong doi|du kien)|chu tri|phu trach|duoc giao|giao cho|trach nhiem|muc tieu|chi tieu|phan dau|giai doan|kinh phi|ngan sach|du toan|bao cao|dau moi|phoi hop|don vi nao|phong nao|so nao|ben nao|co quan nao|bo phan nao|ai lo|plan|who is responsible|which (department|office|unit|agency)|in charge|target|budget)\b/;
// What a plan does with what a card lists ("tỉnh quảng bá những di sản nào", "di sản nào huyện phải bảo vệ", "số hóa di
// sản để làm gì"): a list or "là gì" asked about it is the plan's, not the card's.
const PLAN_ACTION = /\b(quang ba|bao ve|bao ton|so hoa|phat huy|gioi thieu|tuyen truyen|uu tien|ke ra|phai|promot\w*|protect\w*|preserv\w*|digiti[sz]\w*)\b/;
// What the cards hold.
const FESTIVAL_DATE = /\b(ngay nao|ngay may|khi nao|bao gio|luc nao|may gio|dien ra|to chuc (vao )?(ngay|thang|hom)|nam nay|sap toi|thang may|am lich|duong lich|when|what date|which day|this year|next)\b/;
const FREQUENCY = /\b(bao lau|may nam|nam\/lan|mot lan|dinh ky|how often)\b/;
const COMMEMORATES = /\b(tuong nho|tuong niem|tho ai|tho vi|tho nhung|de tuong|y nghia|nguon goc|su tich|ky niem|ton vinh|(vi sao|tai sao) (co|lai co|to chuc)|to chuc de (lam gi|lam chi)|de lam gi|commemorat\w*|in honou?r of|meaning|origin|worship\w*|why is)\b/;
const CONTACT_FIELD = /\b(so dien thoai|dien thoai|sdt|hotline|email|mail|dia chi|o dau|gio lam viec|lam viec (luc|gio)|lien he|lien lac|phone|address|opening hours|contact)\b/;
const UNIT_DUTY = /\b(lam gi|lam nhung gi|lam nhung viec gi|duoc giao( \w+)? gi|co nhiem vu|nhiem vu (gi|nao|cua)|vai tro( gi| nhu the nao)?|trach nhiem gi|phoi hop voi (ai|nhung ai|don vi nao)|bao cao (cho |ve |len )?(ai|dau|cap nao)|(phai )?bao (cho |ve |len )?(ai|dau|cap nao)|what does|what do|role|duties|tasks?|responsible for what)\b/;
const CLASSES_COUNTED = /\b((may|bao nhieu) lop|(moi|hang|mot|1) nam( \w+){0,3} (may|bao nhieu|it nhat)|classes (a|per|each) year|how many classes)\b/;
const CONTACT_DETAIL = /\b(so dien thoai|dien thoai|sdt|hotline|email|mail|dia chi|gio lam viec|lam viec (luc|gio)|goi (so|dien|vao)|lien lac (bang|qua)|phone|call|address|opening hours|e-?mail)\b/;
// A person of a unit asked by post ("trưởng phòng văn hóa là ai"): the card's (or staff's), not a plan's.
const STAFF_NAMED = /\b(truong phong|pho phong|giam doc|chu tich|truong ban|can bo tiep nhan|head of|director|chief)\b/;
const CLASS_WORD = /\b(lop|hoc|khoa|class|classes|course|lesson)\b/;
const CLASS_FIELD = /\b(hoc phi|lich hoc|dang ky|khai giang|con cho|het cho|gio hoc|hoc o dau|hoc vao|bao gio hoc|may gio|fee|schedule|register|sign up|enrol|when does)\b/;
const HERITAGE_FIELD = /\b(la gi|o dau|mo cua|gio mo|ve vao|gia ve|dia chi|xep hang|unesco ghi danh|what is|where is|opening|ticket)\b/;

/** Decide where a message is answered. Pure: reads the message, the pack's content and the plan engine. */
export function routeByEvidence(input: AnswerInput): Route {
  const { intent, entities } = input;
  if (intent === "greeting" || intent === "thanks" || intent === "plan_info") return { route: "intent" };
  const engine = planEngineFor(input);
  // A Chinese or Korean message is read in English plan terms ("谁负责" → "who is responsible for"). The plans are
  // searched at most once per message: the answer reuses this question's scored passages.
  const question = engine.question(planSearchText(input), input.language);
  const f = fold(question.text);
  // "Who teaches / organises the classes": a class card holds a teacher only when one is known; the plan says who runs them.
  const whoRunsClasses = intent === "join_class" && /^(ai|who)\b|\b(ai|who|ben nao|don vi nao) (day|to chuc|mo|phu trach|teaches|organi[sz]es|runs)\b/.test(f);
  // "How often" is a plan's frequency, not a card's date. A unit named and asked what it does or whom it works with
  // ("UBMTTQ làm gì", "tổ dân phố phải báo cho ai") asks what the plan gives it. "Mỗi năm mở mấy lớp" counts classes a year (the
  // plan's target); a class card holds one class's seats, fee and schedule.
  const unitDuty = Boolean(entities.contacts?.length) && UNIT_DUTY.test(f);
  const classesCounted = intent === "join_class" && CLASSES_COUNTED.test(f);
  // A unit named and asked anything but its contact details or its staff ("phòng kinh tế chọn những sản phẩm nào",
  // "tổ dân phố có được hỗ trợ gì"): its card holds a phone, an address and hours; what the unit does is the plan's.
  const unitAsked = intent === "contact_info" && Boolean(entities.contacts?.length) && !CONTACT_FIELD.test(f) && !STAFF_NAMED.test(f) && asksQuestion(f, input.text);
  // "Cán bộ nào lo đăng ký hợp tác": a who-question that names no class asks which unit does something, not a class card.
  const whoNotClass = intent === "join_class" && !entities.classes?.length && question.shape.type === "who" && !CLASS_WORD.test(f);
  const asksPlan = whoRunsClasses || unitDuty || unitAsked || whoNotClass || classesCounted || FREQUENCY.test(f) || (PLAN_CUE.test(f) && !/\b(la gi|what is)\b/.test(f)) || /\b(ke hoach|plan)\b/.test(f);

  // A festival named and asked about what it commemorates: its card with the description.
  const festivalId = entities.festivals?.find((id) => input.pack.festival(id));
  if (festivalId && COMMEMORATES.test(f) && !asksPlan) return { route: "festival-description", festivalId };

  // The cards answer what they hold, unless the question says it is about the plan.
  if (!/\b(ke hoach|plan)\b/.test(f)) {
    if (intent === "festival_dates" && festivalId && FESTIVAL_DATE.test(f) && !FREQUENCY.test(f)) return { route: "intent" };
    // A contact's phone, address or hours is the card's; "liên hệ sở nào để …", "who is the contact point with the
    // ministry" asks which unit does something, which the plans say (the card would only list every unit).
    if (intent === "contact_info" && (CONTACT_DETAIL.test(f) || (CONTACT_FIELD.test(f) && question.shape.type !== "who"))) return { route: "intent" };
  }
  // A class's fee, schedule or registration is its card's, unless no class is named and the plans clearly answer a
  // question that does not ask to register ("cán bộ được đăng ký đi học lớp tập huấn gì": the plan's training).
  const classField = intent === "join_class" && CLASS_FIELD.test(f) && !/\b(ke hoach|plan)\b/.test(f) && !whoNotClass;
  const classCardFirst = classField && (namesItsCard(input) || asksToDo(f.replace(/[?!.,;:]+/g, " ").trim()) || !asksQuestion(f, input.text));
  if (classCardFirst) return { route: "intent" };

  // "What heritage / which festivals / which classes are there": the card's list answers.
  if (!namesItsCard(input) && LIST_ASKED[intent]?.test(f) && !PLAN_CUE.test(f) && !PLAN_ACTION.test(f)) return { route: "intent" };

  const evidence = engine.evidence(question, input.pack.lineage);
  // A festival or relic card holds dates, places and descriptions, not counts: "có bao nhiêu du khách" is the plans'.
  const countsForCard = (intent === "festival_dates" || intent === "heritage_info") && evidence.shape.type === "how_many" && !DURATION.test(f);
  // "X là gì / ở đâu" about a relic named is its card, unless the plans clearly hold the question.
  if (classField && evidence.coverage < STRONG_COVERAGE) return { route: "intent" };
  if (intent === "heritage_info" && entities.heritage?.length && HERITAGE_FIELD.test(f) && !PLAN_CUE.test(f) && evidence.coverage < STRONG_COVERAGE) return { route: "intent" };
  if (evidence.coverage < engine.minCoverage) {
    // The plans talk about it but do not answer it ("phường chi bao nhiêu tiền cho video quảng bá"): their "not
    // covered", which names the plans searched and offers staff, rather than "out of scope" or a card's list.
    // (A person's name or a phone asked of a unit the plans name: "giám đốc sở ngoại vụ là ai".)
    const talksAbout = (evidence.topic >= engine.minCoverage && evidence.topicWords >= MIN_WORDS) || (evidence.neverInPlans && evidence.topicWords > 0);
    // (A question by its words, or by its type: "mấy đoàn", "bao giờ" ask even without a question mark.)
    const planTopic = talksAbout && (asksQuestion(f, input.text) || question.shape.type !== "what");
    if (planTopic && (asksPlan || intent === "out_of_scope" || !namesItsCard(input) || countsForCard)) return { route: "plan", question };
    return { route: "intent" };
  }
  // One word in common ("vay tiền", "làm sổ đỏ") is not evidence enough to answer a message the classifier put out of scope.
  if (intent === "out_of_scope" && !asksPlan && evidence.words < MIN_WORDS) return { route: "intent" };
  // Covered by a plan: a plan question goes there; so does a question no card could place (out of scope, or a
  // card intent that names no festival, relic, class or unit: the card would only list what there is).
  if (asksPlan || intent === "out_of_scope" || !namesItsCard(input) || countsForCard || evidence.coverage >= STRONG_COVERAGE) return { route: "plan", question };
  return { route: "intent" };
}

/** Words of the question the plans must hold as words before they answer a message put out of scope. */
const MIN_WORDS = 2;

// A card's own list asked for ("phường có những di sản nào", "林村有什么文化遗产" read as "what heritage").
const LIST_ASKED: Partial<Record<AnswerInput["intent"], RegExp>> = {
  // (Not "quảng bá di sản qua những kênh nào" nor "số hóa di sản là gì": there the list asked is not of heritage.)
  heritage_info: /\b((nhung|cac) (di san|di tich|danh lam|danh thang|dia diem)|(di san|di tich|danh lam|danh thang)((?! (la|qua|bang|nhung|cac|de|duoc|dc|voi)\b) \w+){0,3} (nao|gi)|ke ten (cac |nhung |vai )?(di san|di tich)|(what|which)( \w+){0,2} (heritage|relics?|sites|temples|pagodas|places)|heritage (sites )?(are there|list))\b/,
  festival_dates: /\b((nhung|cac) (le hoi|hoi|festival)( \w+){0,2} (nao|gi)|le hoi (nao|gi)|(what|which) festivals)\b/,
  join_class: /\b((nhung|cac) lop( \w+){0,2} (nao|gi)|lop (nao|gi)|(what|which) classes)\b/,
};
// "Hội Lim kéo dài mấy ngày": a festival's span is its card's.
const DURATION = /\b(bao nhieu|may) (ngay|hom|buoi|nam|thang|tuan|gio)\b|how (long|many days)/;

/** Whether the message names what its intent's card is about. */
function namesItsCard({ intent, entities }: AnswerInput): boolean {
  switch (intent) {
    case "festival_dates":
      return Boolean(entities.festivals?.length || entities.window || entities.month || entities.year || entities.upcoming);
    case "heritage_info":
      return Boolean(entities.heritage?.length || entities.festivals?.length);
    case "contact_info":
      return Boolean(entities.contacts?.length);
    case "join_class":
      return Boolean(entities.classes?.length);
    default:
      return true;
  }
}

/** Coverage at which the plans answer even without a word saying the question is about a plan. */
const STRONG_COVERAGE = 0.7;
