/**
 * A question about the parts of a plan that come after its tasks: funding, the units it assigns and what each must
 * do, reporting, reviews, how it is carried out, where it is sent. Where the text we hold is cut off before those
 * parts (Bắc Ninh's 220/KH-UBND stops after III.3), such a question is answered "the text is cut off" with the
 * offer of staff, never with a passage about goals that happens to share its words.
 *
 * @example asksAfterTheTasks("so ngoai vu duoc giao lam gi trong ke hoach 220") // true
 * @example asksAfterTheTasks("tinh co nhiem vu gi de quang ba van hoa")        // false (the tasks, III)
 */
import { AFTER_THE_TASKS, PLAN_FUNDING } from "./answer-needs.js";
import type { QuestionShape } from "./question-type.js";

// A unit named as the one who must do something ("Sở Ngoại vụ làm gì", "công an tỉnh có trách nhiệm gì",
// "what must the police do"): part "Tổ chức thực hiện", which assigns the work.
const UNIT = /\b(so (?!hoa|hieu|luong|lieu|may|van ban|ke hoach(?! va dau tu))[a-z]+|phong (?!trao|tuc|phu|ngua|chong|canh)[a-z]+|cong an|dai phat thanh|bao (bac ninh|bac giang|nhan dan|dien tu)|ubnd (cac )?(huyen|xa|phuong|thanh pho|thi xa)|uy ban (nhan dan|mat tran)|mat tran|doan thanh nien|hoi (phu nu|nong dan|cuu chien binh|nguoi cao tuoi|lien hiep)|trung tam|van phong|lien hiep|department|police|office|committee|agency|newspaper|radio|television)\b/;
const UNIT_DUTY = /\b(lam gi|nhiem vu gi|nhiem vu nao|trach nhiem gi|vai tro gi|duoc giao|giao cho|phai lam|co nhiem vu|co trach nhiem|duty|duties|role|tasks?|must|should|assigned|responsible for|do in)\b/;
// Reporting, reviews, carrying the plan out, whom it is sent to.
const LATER = /\b(che do (thong tin )?bao cao|bao cao (ket qua|dinh ky|hang nam|hang nam|ve|cho|len|truoc)|(nop|gui) bao cao|bao cao (vao )?(khi nao|luc nao|thoi gian nao|bao gio|ngay nao)|so ket|tong ket|to chuc thuc hien|phan cong|trien khai (ke hoach )?(the nao|nhu the nao|ra sao)|noi nhan|gui (den|cho|toi) (nhung )?(ai|noi nao|dau|co quan nao)|reports?( on| to| by| due)|reporting|review|who (leads|implements|carries out|is in charge)|implementation|distribut\w*|sent to)\b/;

/** Whether a (folded) question asks about a plan's parts after its tasks. */
export function asksAfterTheTasks(folded: string, shape: QuestionShape): boolean {
  if (PLAN_FUNDING.test(folded) || LATER.test(folded)) return true;
  if (shape.type === "who" && AFTER_THE_TASKS.test(folded)) return true;
  return UNIT.test(folded) && UNIT_DUTY.test(folded);
}
