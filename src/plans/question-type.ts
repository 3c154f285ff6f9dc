/**
 * What a question about a plan asks for: a unit (who), a number (how many), a time or frequency (when), a place
 * (where), a list or description (what), a yes/no, or a fact of the plan's header (its number, date, issuer,
 * signer, the documents it implements). Read from the folded text, so "ai phu trach" and "ai phụ trách" are one.
 *
 * @example questionType("khi nao phai nop bao cao") // { type: "when" }
 * @example questionType("Who signed the plan?")      // { type: "header", header: "signer" }
 */
import { foldQuestion } from "../nlu/fold.js";

export type QuestionType = "who" | "how_many" | "when" | "where" | "what" | "yes_no" | "header";
/** Which header fact a header question asks for. */
export type HeaderFact = "number" | "date" | "issuer" | "signer" | "implements" | "period" | "title";

export interface QuestionShape {
  type: QuestionType;
  header?: HeaderFact;
  /** "How often" (bao lâu một lần, mấy năm một lần, how often): a when-question answered by a frequency. */
  frequency?: boolean;
  /** "Kể tên", "gồm những gì", "những … nào", "which ones": a what-question answered by an enumeration. */
  list?: boolean;
  /** "Ai duyệt …", "cơ quan nào thẩm định …", "who approves": answered by who a passage submits the thing to. */
  approval?: boolean;
  /** "Gửi báo cáo cho ai", "phản ánh về đâu", "who receives the reports": answered by where a passage sends it. */
  recipient?: boolean;
}

// "Kế hoạch này": the plan itself, as people name it ("kh", "kế hoạch 220", "văn bản này", "the plan").
const PLAN = "(ke hoach|kh|van ban)( nay| do| \\d+|( cua)? (phuong|huyen|tinh|xa)( [a-z]+){0,2})?";
const RECIPIENT = /\b((gui|nop|bao cao|phan anh|bao)( [a-z]+){0,4} (cho|ve|toi|len) (ai|dau|don vi nao|co quan nao|phong nao|cap nao|ben nao)|(ai|don vi nao|co quan nao|phong nao|ben nao) (nhan|tiep nhan)|(report|reports|send|sent|submit\w*)( \w+){0,4} to (whom|which|who)|who (receives|gets)|to whom)\b|\b(send|sends|sent|report|reports|submit\w*|forward\w*)( \w+){0,5} to$/;

const APPROVAL = /\b(phe duyet|duyet|phe chuan|tham dinh|xet duyet|approv\w*|sign(s|ed)? off|apprais\w*)\b/;

const HEADER: [HeaderFact, RegExp][] = [
  // Before "ai ký": "ngày ký kế hoạch", "ký hồi nào" ask when it was signed.
  ["date", new RegExp(`\\b(ngay ky|ky (vao )?(ngay|hoi|luc) (nao|may)|(ra|ky|ban hanh) hoi nao|${PLAN}( duoc)? (ra|ky|ban hanh|co) (tu )?(hoi|khi|luc|nam) nao)\\b`)],
  // What the plan carries out: also "ai ban hành chiến lược mà kế hoạch 220 thực hiện", "theo chỉ đạo nào".
  ["implements", new RegExp(`\\b(ma ${PLAN} (thuc hien|trien khai|can cu|cu the hoa)|${PLAN}( duoc)? (xay dung|ban hanh|lap|ra) (theo|tu) (chi dao|van ban|quyet dinh|nghi quyet|chu truong) (nao|gi|cua ai)|theo chi dao (nao|cua ai|cua cap nao)|which (strategy|decision|resolution|document) does)\\b`)],
  ["title", new RegExp(`\\b(${PLAN} (co )?ten (la )?(gi|j)|ten (goi |cua )?${PLAN} (la )?(gi|j)|ten (goi )?day du)\\b`)],
  ["period", new RegExp(`\\b(${PLAN}( \\w+){0,2} (ket thuc|het han|het hieu luc|bat dau|co hieu luc den|keo dai den|chay den|ap dung den)( tu| vao| den| toi)? (nam nao|khi nao|bao gio|luc nao|nam may|nam bao nhieu)|${PLAN}( \\w+){0,3} (tu|bat dau tu) (nam nao|khi nao|bao gio)( \\w+){0,2} (den|toi) (nam nao|khi nao|bao gio)|${PLAN}( \\w+){0,2} (chay|keo dai|thuc hien|ap dung|trien khai) (den|toi) (nam nao|khi nao|bao gio|luc nao|nam may)|(when|what year) does (the |this )?([\\w']+ ){0,3}plan (end|start|finish|expire|begin|run until|last until)|(run|runs|last|lasts) (until|till|through) (when|what year)|end date of the plan)\\b`)],
  ["implements", /\b((which|what)( \w+){0,3} (plan|decision|resolution|decree|directive|document|strategy)s? (does|do|did|is)( [\w']+){0,5} (implement|follow|carry out|based on|rest on)|can cu (vao|theo) (dau|gi|nao)|(phe duyet|ban hanh) (bang|theo|tai|kem) (quyet dinh|van ban|nghi quyet) (nao|so may|gi)|(ban hanh )?kem (theo )?(quyet dinh|van ban|nghi quyet) (nao|gi|so may)|(lam|thuc hien|can cu|dua|trien khai|ban hanh)( theo| vao| tren)? (nhung |cac |may |bao nhieu )?(van ban|ke hoach|nghi quyet|quyet dinh|chi thi)( so)? (nao|gi|may|bao nhieu)|(dua|can cu)( vao| tren| theo)? (may|bao nhieu) (van ban|nghi quyet|quyet dinh)|van ban (can cu|goc)|can cu (vao |theo )?(van ban|nghi quyet|quyet dinh|ke hoach)? ?(nao|gi)|which documents?|based on (which|what)|implements? (which|what)|which (decision|resolution|decree|directive|document)s? (does|do|is|did)|(decision|resolution|decree|documents?) (does|do) (the|this|it) (plan )?(implement|follow|carry out)|what (does|do) (the|this) plan (implement|carry out))\b/],
  ["signer", /\b(dung ten|nguoi dung ten|ai ky|nguoi ky|ky ban hanh|ky ke hoach|ky van ban|ky ten|chu ky|ai dung ten|ky boi|do ai ky|ai la nguoi ky|who signed|signed by|signer|whose signature|signature (on|of) (the|this)|signatory)\b/],
  ["number", /\b(so hieu|ky hieu|so may|so bao nhieu|so ke hoach(?! (va )?dau tu)|so van ban|ke hoach (nay )?(co )?so (may|bao nhieu|gi|nao)|plan number|number of the plan|reference number|what number|document number|plan no|(what|which) is the( official| reference| document)? number of( \w+('s)?){0,5} plan|plan'?s( official)? number)\b/],
  ["issuer", /\b((ke hoach|van ban)( nay)? (la )?cua ai|(ke hoach|van ban)( nay)? do (ubnd|uy ban|co quan|cap|don vi|chinh quyen|ai)( nao)? (ban hanh|ra|lap|phat hanh)|(ubnd|uy ban|co quan|cap|don vi|chinh quyen) nao (ra|ban hanh|lap|lam) (ke hoach|van ban)|who (made|wrote|published|issued) (it|the \w+ plan)|ai ban hanh|ai ra ke hoach|do ai ban hanh|co quan (nao )?ban hanh|don vi (nao )?ban hanh|cap nao ban hanh|ban hanh boi|cua co quan nao|who issued|issued by|who (made|wrote|published) (the|this) plan|which (body|authority|committee|office) issued|issuing (body|authority))\b/],
  ["date", /\b((ke hoach|van ban)( nay)?( duoc)? ra (nam|ngay|thang) (nao|bao nhieu|may)|when (was|is|did) (the |this )?([\w']+ ){0,5}plan( \d+)? (issued|signed|adopted|published|made|released|approved|dated)|(which|what) (year|date|day|month) (was|is) (the |this )?([\w']+ ){0,5}plan( \d+)? (issued|signed|adopted|published|made|released|approved|dated)|hieu luc (tu|ke tu) |co hieu luc (tu )?(khi nao|bao gio|ngay nao)|ky (vao )?(ngay|khi|luc|hom) (nao|may|bao gio)|ky khi nao|ra doi (ngay|nam|khi|tu) (nao|bao gio)|ra doi khi nao|co tu (khi nao|bao gio|nam nao)|ban hanh (ngay|khi|luc|nam|thang|bao gio)|ngay ban hanh|ngay (nao|may) ban hanh|ban hanh vao|ky ngay|when was (the |this )?plan (issued|signed|adopted)|date of the plan|issued on|issue date|when was (it|the plan|this plan|plan \d+|the \w+ plan)( \d+)? (issued|signed|adopted|published|made)|when did (the|this) plan (start|come out)|date of issue|dated)\b/],
  ["period", /\b((ke hoach|van ban)( nay)? (thuoc|cho|la cua|ap dung cho) giai doan nao|ke hoach( nay)?( (thuc hien|trien khai|keo dai|ap dung))? (trong )?(bao lau|may nam|bao nhieu nam)|(what|which) is the (time )?period|how long (does|is) (the |this )?([\w']+ ){0,3}plan|(ap dung|tinh toi|tinh den|keo dai|hieu luc|thuc hien|trien khai) (cho |trong |den |toi )?(giai doan|nam|thoi gian|thoi ky) ?(nao|bao nhieu|may|gi)|hieu luc den|ke hoach (nay )?(cho |la cua )?giai doan nao|ke hoach (nay )?(den|toi) nam (nao|bao nhieu|may)|what period|which period|which years|covers? (which|what) (years|period)|until (what|which) year|up to (what|which) year|time ?frame)\b/],
  ["title", /\b((full |official )?(name|title) of (the |this )?([\w']+ ){0,3}plan|ten (day du )?(cua )?ke hoach|ke hoach (ten|ten la) gi|title of the plan|plan'?s? (name|title)|name of the plan)\b/],
];

// "Hàng tháng cập nhật mấy lần", "mấy lần một năm": how many times in a period is a frequency, not a count.
const TIMES_PER = /\b((hang|moi|mot|1) (nam|thang|tuan|quy)( \w+){0,5} (may|bao nhieu) lan|(may|bao nhieu) lan( \w+){0,3} (mot|1|moi|hang) (nam|thang|tuan|quy)|how many times (a|per|each|every) (year|month|week))\b/;
// "Mấy năm thì lại có festival": how often, as "mấy năm một lần" is.
const EVERY_FEW = "(may|bao nhieu) (nam|thang|tuan) (thi )?(lai|moi) (co|to chuc|dien ra|lam|mo)";
const FREQUENCY = new RegExp(`\\b(${EVERY_FEW}|(bao lau|may nam|may thang|bao nhieu nam)( \\w+){0,4} (mot|1) lan|bao lau|may nam mot lan|bao nhieu nam mot lan|may lan|dinh ky|how often|how frequently|mot lan)\\b`);
const WHEN = new RegExp(`\\b(${EVERY_FEW}|(bao lau|may nam|may thang|bao nhieu nam)( \\w+){0,4} (mot|1) lan|khi nao|bao gio|luc nao|thoi gian nao|thoi han|han chot|truoc ngay (nao|may|bao nhieu)|ngay nao|ngay may|ngay bao nhieu|thang bao nhieu|thang nao|thang may|nam nao|quy nao|giai doan nao|bao lau|may nam mot lan|bao nhieu nam mot lan|may lan mot nam|dinh ky|khi nao thi|tu nam nao|den nam nao|when|how often|by when|deadline|what year|which year|how frequently|what date|by what date)\\b`);
// An amount of money is a how-many question too ("What is the budget in VND?", "tổng kinh phí là mấy tỷ").
const HOW_MANY = /\b(bao nhieu|may|ti le|ty le|phan tram|how many|how much|what (percent|percentage|share|proportion)|number of|at least how|in vnd|vnd|ty dong|trieu dong|tong kinh phi|tong so tien|(what|which) amount|the amount)\b|%/;
/** A count asked only by "mấy" ("mấy buổi"), not "bao nhiêu", a share or an amount. */
const ONLY_MAY = /\bmay\b/;
const OTHER_COUNT = /\b(bao nhieu|ti le|ty le|phan tram|how many|how much|what (percent|percentage|share|proportion)|number of|at least how|in vnd|vnd|ty dong|trieu dong|tong kinh phi|tong so tien|(what|which) amount|the amount)\b|%/;
/**
 * Another question word beside "mấy": then "mấy" is the plural of chat ("ai kiểm tra mấy đồng tiền chi", "tiền đâu ra
 * để làm mấy việc này", "phường làm gì với mấy tờ rơi"), the question asks who, what or where from, not how many.
 */
const OTHER_ASKS = /\b(ai|gi|dau ra|(o|tu) dau|lam sao|the nao|ra sao|kieu gi|nhu nao|(ben|phong|don vi|co quan|so|bo phan|to chuc) nao)\b/;
const WHO = /\b(ai|ben nao|ai lo|don vi gi|phong gi|co quan gi|so gi|don vi nao|phong nao|co quan nao|bo phan nao|so nao|ban nao|to chuc nao|doan the nao|nguoi nao|can bo nao|nhan vien nao|chuyen vien nao|who|which (department|office|unit|agency|body|organi[sz]ation)s?|whom)\b/;
const WHERE = /\b(o dau|tai dau|dia diem|noi nao|cho nao|o cho nao|dia diem nao|where)\b/;
const SOURCE = /\b(lay (o|tu) dau|tu dau|dau ra|nguon (nao|tu dau)|come from)\b/;
// ("can" only before a subject: folded, "cần" and "cán bộ" start with "can" too.)
const YES_NO = /(\b(co|co phai|phai|duoc)\b.*\b(khong|ko|k|hong|chua)( (a|ad|admin|ah|nhi|nhe|nha|vay|v|z|the|ha|ban|em|anh|chi|oi))*\s*$)|\b(phai khong|dung khong|co phai|hay khong)\b|^(is|are|does|do|did|will|has|have|should|must)\b|^can (i|we|you|they|the|this|it|a|an|anyone|someone|people|foreigners|residents|tourists|visitors)\b/;

const LIST = /\b(ke ten|liet ke|gom (nhung )?(gi|nao)|bao gom (nhung )?(gi|nao)|nhung( \w+){1,6} (nao|gi)|cac( \w+){1,4} nao|which( \w+){1,5} (are|does|do|will)|(what|which) (kinds?|types?|sorts?) of|what are the|list( the)?|name (the|some))\b/;

/** The type of a plan question (Vietnamese or English, with or without diacritics). */
export function questionType(question: string): QuestionShape {
  const q = foldQuestion(question);
  for (const [header, re] of HEADER) if (re.test(q)) return { type: "header", header };
  if (TIMES_PER.test(q)) return { type: "when", frequency: true };
  // "Bên nào lập báo cáo định kỳ": "định kỳ" says how the work is done; the question asks who.
  const onlyRegularly = !WHEN.test(q.replace(/\bdinh ky\b/g, " "));
  if (WHEN.test(q) && !(onlyRegularly && WHO.test(q))) return FREQUENCY.test(q) ? { type: "when", frequency: true } : { type: "when" };
  // "mấy" is also "máy" (machine) folded; as a question word it stands before a counted noun, which is enough here.
  // A yes/no question ("có lưu lại bằng máy tính không") asks no count either: its "may" is "máy" or a plural.
  if (HOW_MANY.test(q) && !(ONLY_MAY.test(q) && !OTHER_COUNT.test(q) && (OTHER_ASKS.test(q) || YES_NO.test(q)))) return { type: "how_many" };
  if (RECIPIENT.test(q)) return { type: "who", recipient: true };
  if (WHO.test(q)) return APPROVAL.test(q) ? { type: "who", approval: true } : { type: "who" };
  // "Tiền lấy ở đâu", "kinh phí từ đâu ra": where the money comes from is a what-question, not a place.
  if (WHERE.test(q) && !SOURCE.test(q)) return { type: "where" };
  if (YES_NO.test(q)) return { type: "yes_no" };
  return LIST.test(q) ? { type: "what", list: true } : { type: "what" };
}
