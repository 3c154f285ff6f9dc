/**
 * What a passage holds that a question's type asks for (a number, a time, a place, a unit; an approval, a recipient,
 * an enumeration, a frequency), and the bonuses the plan search gives for it.
 */
import type { PassageDoc as Doc } from "./scored-passages.js";
import type { QuestionType } from "./question-type.js";

/** Bonus for a unit's own section when the question names the unit. */
export const UNIT_SECTION_BONUS = 1;
/** Weight of the preamble's score for questions that are not about the plan's header. */
export const PREAMBLE_WEIGHT = 0.6;
/** Bonus for a passage holding what the question type asks for. */
export const TYPE_BONUS = 0.3;

export const EVIDENCE: Partial<Record<QuestionType, RegExp>> = {
  how_many: /\d|%|\b(một|hai|ba|bốn|năm|mười|trăm)\b/i,
  when: /(hằng|hàng|mỗi) (năm|tháng|quý)|định kỳ|trước ngày|\b(19|20)\d\d\b|giai đoạn|thường xuyên|\d+\/\d+|năm\/lần|lần\/(năm|tháng)/i,
  where: /(?<!\p{L})(tại|ở)(?!\p{L})|địa điểm|nhà văn hóa|di tích|trên địa bàn|trang thông tin|mạng xã hội/iu,
  who: /chủ trì|phụ trách|trách nhiệm|Phòng |Sở |Công an|UBND|Ủy ban|Trung tâm/,
};

/** A passage that submits something for approval ("trình Chủ tịch UBND phường phê duyệt"). */
export const SUBMITTED = /trình [^.;]{0,60}(phê duyệt|thẩm định|xem xét|quyết định)/iu;
export const APPROVAL_BONUS = 0.5;

/** A passage that gives its unit the work itself ("Chủ trì …", "Là cơ quan thường trực …", "Làm đầu mối …"). */
export const GIVES_WORK = /^[-–•\s]*(chủ trì|là cơ quan|là đầu mối|làm đầu mối|có trách nhiệm|chịu trách nhiệm|phụ trách)/iu;
export const GIVES_WORK_BONUS = 0.3;

/** A passage that sends a report or a problem to a unit ("báo cáo … về UBND phường", "phản ánh về phòng …"). */
export const SENT_TO = /(báo cáo|phản ánh|gửi|nộp)[^.;]{0,40}?(về|cho|tới|đến|lên)? (UBND|Ủy ban|Phòng|phòng|Sở|Văn phòng|Chủ tịch|Bộ)/u;

/** A passage that enumerates: "như: A, B, C", "gồm …", or a run of commas and semicolons. */
export const ENUMERATION = /(như|gồm|bao gồm|là|sau):\s|\(bao gồm|([^,;]{2,40}[,;] ){3,}/iu;

export const FREQUENCY = /năm\/lần|lần\/(năm|tháng)|định kỳ|(hằng|hàng|mỗi) (năm|tháng|quý)|thường xuyên/i;

export function holds(d: Doc, evidence: RegExp): boolean {
  let known = d.holds.get(evidence);
  if (known === undefined) d.holds.set(evidence, (known = evidence.test(d.passage.text)));
  return known;
}
