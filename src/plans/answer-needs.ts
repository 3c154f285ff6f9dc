/**
 * What a plan answer needs, read from the question and the passage: question frames and duty verbs taken out of the
 * search, what plans never hold, a cut-off text's missing parts, a figure that counts what was asked, a time about
 * what was asked. Used by the plan engine (plan-engine.ts).
 *
 * @example about("lập báo cáo định kỳ hằng năm (trước ngày 25/10)", new Set(["bao", "cao", "nop"])) // true
 */
import { fold } from "../nlu/fold.js";
import { syllables } from "./terms.js";

/** Whether a question was typed with Vietnamese diacritics (most of its syllables carry them, as written Vietnamese does). */
export function typedWithDiacritics(question: string): boolean {
  const words = question.toLowerCase().match(/\p{L}+/gu) ?? [];
  const marked = words.filter((w) => fold(w) !== w).length;
  return marked > 0 && marked >= 0.3 * words.length;
}

/** A figure a how-many answer can give: digits or a percentage, not a year, a date, a list number or a document number. */
export function hasFigure(text: string): boolean {
  const rest = text
    .replace(/^\s*\d+\.\s/, "")
    .replace(/ngày \d{1,2} tháng \d{1,2}|tháng \d{1,2}/g, "")
    .replace(/\b(19|20)\d\d\b/g, "")
    .replace(/\d+\/[\p{L}\d/.-]+/gu, "")
    .replace(/\b\d+-[\p{Lu}]+[\p{L}/-]*/gu, "");
  return /\d|%/.test(rest);
}
/** Folded question frames: the kind of answer asked for ("đơn vị nào", "bao lâu", "mấy lần", "là gì"). */
export const QUESTION_FRAME = /(?<= )(don vi|co quan|ben|bo phan|phong|so|ban|nguoi|doan the|to chuc) (nao|gi)(?= )|(?<= )((lay )?(o|tu) dau( ra)?|dau ra|(lay )?(tu )?nguon nao|bao lau|bao gio|khi nao|luc nao|tai dau|the nao|nhu the nao|ra sao|la gi|bang cach nao|cach nao|kieu gi|kieu nao|nhu nao|ra lam sao|lam sao|gom nhung gi|nhung gi|ke ten|mot lan|may lan|bao nhieu|phan tram|ty le|ti le|la ai)(?= )/g;

/** Folded: questions about what no plan holds (a person's name, a phone, an email, an address, a fee or price). */
export const NEVER_IN_PLANS = /\b((truong|pho|giam doc|chu tich)( [a-z]+){0,5} (ten (la )?(gi|ai)|la ai)|ai (la|lam) (to truong|truong (phong|ban|thon|khu|so)|pho (phong|chu tich|giam doc)|giam doc|chu tich|bi thu)|ho ten|ten (cua )?(truong|pho|giam doc|chu tich|can bo|nguoi)|(truong|pho) phong (la )?ai|giam doc (la )?ai|so dien thoai|dien thoai|hotline|email|dia chi (cua|o|tru so)|hoc phi|gia ve|ve vao cua|bao nhieu tien mot|phone number|email address|tuition|ticket price|entrance fee|who is the head|name of the (head|director|chief))\b/;

/**
 * Folded: a question that asks for an amount of money ("bao nhiêu tiền", "kinh phí là mấy tỷ", "how much money").
 * "how much" alone is not money ("how much time", "how much of the staff").
 */
export const ASKS_AMOUNT = /\b(how much( money| funding| budget)|bao nhieu tien|(bao nhieu|may) (ty|trieu|nghin|ngan|dong|tien|kinh phi)|(kinh phi|ngan sach|du toan|tien|chi phi)( \w+){0,4} (la |het |mat |tong )?(bao nhieu|may)|chi (bao nhieu|may)|how much( \w+){0,4} (set aside|spend|spent|cost|budget|fund)|cost|in vnd|vnd)\b/;
/** A sum of money in a plan's text ("500 triệu đồng", "1,2 tỷ"): what an amount asked needs. */
export const AMOUNT = /\d[\d.,]*\s*(đồng|tỷ|triệu|nghìn|ngàn|VNĐ|VND|USD)(?!\p{L})/iu;

/** Folded: what a plan says after its tasks (funding, who is assigned, reporting). */
export const AFTER_THE_TASKS = /\b(kinh phi|ngan sach|du toan|duoc giao|giao (cho )?(so|phong|don vi|co quan)|phan cong|to chuc thuc hien|chu tri|trach nhiem|funding|budget|assigned|responsible)\b/;

/**
 * Folded: a question about what a named unit is given to do ("sở ngoại vụ được giao nhiệm vụ gì", "what are the police's
 * tasks"): a plan answers it in its assignments, which a text cut off before them does not hold.
 */
export const UNIT_DUTIES = /\b(so (van hoa|vh|ngoai vu|thong tin|cong thuong|tai chinh|ke hoach|noi vu|giao duc|khoa hoc|nong nghiep|lao dong|du lich)|phong (van hoa|tai chinh|kinh te|noi vu|giao duc)|cong an|van phong|mat tran|mttq|doan thanh nien|hoi (phu nu|nong dan|cuu chien binh)|department|police|office|committee)\b.*\b(duoc giao|nhiem vu|trach nhiem|phai lam|lam (gi|nhung gi)|lo (gi|viec gi|nhung gi)|tasks?|duties|dut(y|ies)|assigned|responsib\w*|do)\b/;

/** Folded: the plan's own funding ("kinh phí thực hiện kế hoạch", "tiền lấy ở đâu"), not budgets the plan sets as goals. */
export const PLAN_FUNDING = /\b(kinh phi|ngan sach|du toan|tien|funding|budget|funded|money)\b.*\b(thuc hien|ke hoach|lay (o|tu) dau|tu dau|dau ra|nguon nao|plan|come from)\b|\b(thuc hien|ke hoach|plan)\b.*\b(kinh phi|ngan sach|du toan|funding|budget|funded)\b/;

/** A passage that gives work to a unit. */
export const ASSIGNS = /(chủ trì|phụ trách|đầu mối|chịu trách nhiệm|có trách nhiệm|phối hợp với|giao (cho )?(Sở|Phòng|Công an|UBND|Ủy ban|Trung tâm|Văn phòng))/i;

/** Folded duty verbs that frame a who-question ("ai lo", "bên nào cầm trịch", "ai tổ chức", "who is responsible"). */
export const WHO_FRAME = /(?<= )(chu tri|phu trach|chiu trach nhiem|trach nhiem|lo|dam nhiem|dam nhan|cam trich|dung ra|dau moi|lam chinh|to chuc|thuc hien|trien khai)(?= )/g;

/** A time or frequency in a clause. */
export const TIME = /(trước ngày|hằng năm|hàng năm|mỗi năm|định kỳ|thường xuyên|\b(19|20)\d\d\b|\d{1,2}\/\d{1,2}|năm\/lần|lần\/(năm|tháng)|giai đoạn|cuối năm|hằng tháng|hàng tháng|hằng quý|ngày \d|tháng \d)/i;

/**
 * What a how-many question counts: the syllable after "bao nhiêu" / "mấy" ("mấy buổi", "bao nhiêu tỷ", "bao nhiêu %");
 * a figure answers only when its clause names it. Undefined when the question does not say.
 */
export function countedNoun(folded: string, known: (term: string) => boolean): string | undefined {
  const m = ` ${folded} `.match(/ (?:bao nhieu|may) (?:(?:la|cai|con) )?([a-z]+)(?: ([a-z]+))?(?= )/);
  const noun = m?.[1];
  // "mấy năm một lần", "bao nhiêu lần": a frequency, answered by "03 năm/lần".
  if (!noun || COUNT_FRAME.has(noun)) return undefined;
  // "du khách" rather than "du" when the plans know the two syllables as a word.
  return m[2] && known(`${noun} ${m[2]}`) ? `${noun} ${m[2]}` : noun;
}
export const COUNT_FRAME = new Set(["nam", "lan", "ngay", "thang", "phan", "tuan"]);

/**
 * Whether a clause is about what was asked: it shares two of the question's content syllables (or its only one),
 * and they weigh at least ABOUT_SHARE of the question (by how rare they are in the plans): "thường xuyên trao đổi
 * … các tổ chức quốc tế" shares "tổ chức" and "quốc tế" with "hội chợ trái cây quốc tế tổ chức khi nào", not its
 * topic.
 */
export function about(clause: string, asked: ReadonlySet<string>, weight: (syllable: string) => number = () => 1, paraphrased?: (clause: string) => ReadonlySet<string>): boolean {
  // A word of the question is shared as itself or, when `paraphrased` is given, as a paraphrase the clause uses
  // ("chỉ tiêu" of the question, "mục tiêu" of the plan).
  const shared = new Set([...clauseSyllables(clause).filter((w) => asked.has(w)), ...(paraphrased?.(clause) ?? [])]);
  if (shared.size < Math.min(2, asked.size)) return false;
  let all = 0;
  let part = 0;
  for (const w of asked) {
    all += weight(w);
    if (shared.has(w)) part += weight(w);
  }
  return all === 0 || part >= ABOUT_SHARE * all;
}
export const ABOUT_SHARE = 0.3;

const recentSyllables = new Map<string, readonly string[]>();
/** A clause's syllables: the plans' clauses are read for every question checked against them (bounded; read-only). */
function clauseSyllables(clause: string): readonly string[] {
  let known = recentSyllables.get(clause);
  if (!known) {
    if (recentSyllables.size >= 4096) recentSyllables.clear();
    recentSyllables.set(clause, (known = syllables(clause)));
  }
  return known;
}

/** A how-many question that also asks which ones. */
export const WHICH = /\b(nao|which|what are|name them)\b/;

