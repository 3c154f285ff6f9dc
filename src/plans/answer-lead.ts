/**
 * The first line of a plan answer: what was asked, taken from the passage. The unit for "who" (the section's or
 * row's unit, else the first unit the passage names), the clause that holds the number, the time or frequency, the
 * place. Always words of the plan; English leads translate only the fixed frame ("before", "every year").
 *
 * @example keyClause("- Tổ chức …; lập báo cáo định kỳ hằng năm (trước ngày 25/10) gửi Sở …", "when")
 * // "lập báo cáo định kỳ hằng năm (trước ngày 25/10) gửi Sở …"
 */
import { fold } from "../nlu/fold.js";
import type { PlanPassage } from "./plan-model.js";
import type { QuestionType } from "./question-type.js";
import { syllables } from "./terms.js";

const NUMBER = /\d|%/;
const TIME = /(trước ngày|hằng năm|hàng năm|mỗi năm|định kỳ|thường xuyên|\b(19|20)\d\d\b|\d{1,2}\/\d{1,2}|năm\/lần|lần\/(năm|tháng)|giai đoạn|cuối năm|hằng tháng|hàng tháng|quý)/i;
const PLACE = /((?<!\p{L})(tại|ở)(?!\p{L})|trên (trang|các trang|hệ thống|mạng|cổng|kênh)|nhà văn hóa|địa bàn|qua các|trên các)/iu;
const UNIT = /(?:Phòng|Sở|Công an|UBND|Ủy ban nhân dân|Ủy ban|Trung tâm|Văn phòng|Hội Liên hiệp|Hội|Đoàn Thanh niên|Ban|Báo|Đài|Liên hiệp|Các Tổ dân phố|Tổ dân phố|các Tổ dân phố)(?:\s+[\p{Lu}\p{Ll}&–-][^,;:.()]*)?/u;

// (Not \b after the verb: JavaScript's \b is ASCII, so it never ends "để" or "với".)
const UNIT_END = /\s(?=(?:phối hợp|chủ trì|có trách nhiệm|chịu trách nhiệm|xây dựng|tham mưu|thực hiện|tổ chức|trình|với|để|trong|theo|là|được|phát hiện|báo cáo|gửi|bảo đảm|đảm bảo|hướng dẫn|và các|kịp thời)(?!\p{L}))/u;

const RECENT_MAX = 4096;
const recentClauses = new Map<string, readonly string[]>();

/**
 * Clauses of a passage: sentences, then parts at ";" (a list item's own "- " dropped). A passage is split for every
 * question whose type it is checked for: the last texts' clauses are kept (bounded; read-only).
 */
export function clauses(text: string): readonly string[] {
  let known = recentClauses.get(text);
  if (!known) {
    if (recentClauses.size >= RECENT_MAX) recentClauses.clear();
    known = text
      .replace(/^[-–•]\s*/, "")
      .split(/(?<=[.;])\s+|\n/)
      .map((c) => c.trim())
      .filter(Boolean);
    recentClauses.set(text, known);
  }
  return known;
}


/** The clause that answers a type, the one sharing most syllables with the question first. */
export function keyClause(text: string, type: QuestionType, question = "", only?: RegExp): string | undefined {
  const evidence = only ?? (type === "how_many" ? NUMBER : type === "when" ? TIME : type === "where" ? PLACE : undefined);
  if (!evidence) return undefined;
  const asked = new Set(syllables(question));
  let best: { clause: string; overlap: number } | undefined;
  for (const clause of clauses(text)) {
    if (!evidence.test(clause)) continue;
    const overlap = syllables(clause).filter((s) => asked.has(s)).length;
    if (!best || overlap > best.overlap) best = { clause, overlap };
  }
  // An appendix row's column label is not part of what answers ("Kết quả, sản phẩm: 100% cán bộ …").
  return best?.clause.replace(/[;.]$/, "").replace(/^(Nội dung nhiệm vụ|Cơ quan chủ trì|Cơ quan phối hợp|Thời gian|Kết quả, sản phẩm):\s*/u, "");
}

/** Folded: a question about who approves or appraises ("ai duyệt", "cấp nào phê duyệt", "who approves"). */
export const ASKS_APPROVAL = /\b(phe duyet|duyet|phe chuan|tham dinh|xet duyet|approv\w*|sign(s|ed)? off|apprais\w*)\b/;

/**
 * Who approves, in the plan's words: "… trình Chủ tịch UBND phường phê duyệt" → "Chủ tịch UBND phường", "… đã được
 * Chủ tịch UBND phường phê duyệt" → the same; undefined when the passage names no approver.
 */
export function approverOf(text: string): string | undefined {
  const m = text.match(/trình ((?:[^,;.()](?!trình ))+?) (?:phê duyệt|thẩm định|xem xét|quyết định)/u) ?? text.match(/được ((?:[^,;.()])+?) phê duyệt/u);
  return m?.[1].trim();
}

/**
 * Where a passage sends a report or a problem, in the plan's words: "… báo cáo kết quả thực hiện về UBND phường (qua
 * phòng Văn hóa - Xã hội) trước ngày 15/10" → "UBND phường (qua phòng Văn hóa - Xã hội)"; undefined when none.
 */
export function recipientOf(text: string): string | undefined {
  const m = text.match(/(?:báo cáo|phản ánh|gửi|nộp)(?: kết quả[^,;.]*?| tình hình[^,;.]*?)?(?: về| cho| tới| đến| lên)? ((?:UBND|Ủy ban|Phòng|phòng|Sở|Văn phòng|Chủ tịch|Bộ)[^,;.]*?)(?= để | theo | trước | xem xét|[,;.]|$)/u);
  return m?.[1].trim();
}

/** Verbs whose doer a who-question may ask for by name ("do ai tổ chức", "ai ban hành"), folded → as the plans write them. */
const DOER_VERBS: [RegExp, string][] = [
  [/\bto chuc\b/, "tổ chức"],
  [/\bban hanh\b/, "ban hành"],
  [/\btrien khai\b/, "triển khai"],
];

/**
 * Who does what the question asks about, when the passage says it in the passive ("… các lớp tập huấn … do Sở VH
 * TTDL, Văn phòng UBND tỉnh, Sở Nội vụ tổ chức" → "Sở VH TTDL, Văn phòng UBND tỉnh, Sở Nội vụ"), for a who-question
 * with the same verb ("do những cơ quan nào tổ chức", "ai tổ chức festival"); undefined when it does not.
 */
export function doerOf(text: string, foldedQuestion: string): { doer: string; verb: string } | undefined {
  for (const [asked, verb] of DOER_VERBS) {
    if (!asked.test(foldedQuestion)) continue;
    const m = text.match(new RegExp(`(?<!\\p{L})do ((?:(?! do )[^;.()\\n:])+?) ${verb}(?!\\p{L})`, "u"));
    if (m && m[1].length <= 120) return { doer: m[1].trim(), verb };
  }
  return undefined;
}

/** The unit a passage assigns work to: its section's or row's unit, else the first unit it names. */
export function unitOf(p: PlanPassage): string | undefined {
  if (p.unit) return p.unit;
  const named = p.text.match(UNIT)?.[0];
  // A unit's name ends where the sentence goes on with what it does ("… Xã hội phối hợp với phòng Tài …").
  return named?.split(UNIT_END)[0].replace(/[\s–-]+$/, "").trim() || undefined;
}

// ===  English frame for a Vietnamese time or number phrase  ===

const EN_FRAME: [RegExp, string][] = [
  [/trước ngày (\d{1,2}\/\d{1,2}(?:\/\d{4})?)/i, "before $1"],
  [/định kỳ (\d+) năm\/lần|(\d+) năm\/lần/i, "every $1$2 years"],
  [/(\d+) lần\/tháng/i, "$1 time(s) a month"],
  [/(\d+) lần\/năm/i, "$1 time(s) a year"],
  [/giai đoạn (\d{4})\s*[-–]\s*(\d{4})/i, "in $1–$2"],
  [/(?:hằng|hàng|mỗi) năm/i, "every year"],
  [/thường xuyên/i, "on an ongoing basis"],
  [/cuối năm (\d{4})/i, "at the end of $1"],
  [/(?:ít nhất|tối thiểu) (\d+)/i, "at least $1"],
  [/(\d+(?:[.,]\d+)?\s*%)/, "$1"],
  [/(\d+)\s*(?:-|đến|–)\s*(\d+)/, "$1 to $2"],
  [/\b((?:19|20)\d\d)\b/, "$1"],
];

/** A count in a how-many clause: a number before what it counts ("02 di sản", "01 buổi"), not a year or a date. */
const COUNT: [RegExp, string] = [/(?<![\d/])(\d{1,3}(?:[.,]\d+)?)(?= \p{L})(?![\d/])/u, "$1"];

/**
 * The time or number in a clause, said in English ("before 15/10 every year"), or undefined. For a how-many answer
 * (`count`) a year is not the figure ("đến năm 2030 … có thêm 02 di sản" is "02"), and a share asked (`share`) puts
 * the percentage first.
 */
export function englishFrame(clause: string, opts: { count?: boolean; share?: boolean } = {}): string | undefined {
  const found: string[] = [];
  let rest = opts.count ? clause.replace(/(?:đến |cuối |trong |năm |giai đoạn )*\b(19|20)\d\d(\s*[-–]\s*(19|20)\d\d)?\b/g, " ") : clause;
  const percent = EN_FRAME.find(([re]) => re.source.includes("%"))!;
  const frames = opts.share ? [percent, ...EN_FRAME.filter((f) => f !== percent)] : opts.count ? [...EN_FRAME, COUNT] : EN_FRAME;
  for (const [re, en] of frames) {
    if (re === COUNT[0] && found.length) break;
    const m = rest.match(re);
    if (!m) continue;
    const said = m[0].replace(re, en).replace(/\$\d/g, "");
    if (!found.includes(said)) found.push(said);
    rest = rest.replace(m[0], " ");
    if (found.length === 2) break;
  }
  return found.length ? found.join(", ") : undefined;
}

/** Whether two unit names are the same unit ("Phòng Tài chính" and "Phòng Tài chính phường Võ Cường"). */
export function sameUnit(a: string, b: string): boolean {
  const fa = fold(a).replace(/[^a-z0-9 ]/g, " ").replace(/\s+/g, " ").trim();
  const fb = fold(b).replace(/[^a-z0-9 ]/g, " ").replace(/\s+/g, " ").trim();
  return fa.length > 3 && fb.length > 3 && (fa.startsWith(fb) || fb.startsWith(fa));
}
