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

/** Clauses of a passage: sentences, then parts at ";" (a list item's own "- " dropped). */
export function clauses(text: string): string[] {
  return text
    .replace(/^[-–•]\s*/, "")
    .split(/(?<=[.;])\s+|\n/)
    .map((c) => c.trim())
    .filter(Boolean);
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
  return best?.clause.replace(/[;.]$/, "");
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

/** The time or number in a clause, said in English ("before 15/10 every year"), or undefined. */
export function englishFrame(clause: string): string | undefined {
  const found: string[] = [];
  let rest = clause;
  for (const [re, en] of EN_FRAME) {
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
