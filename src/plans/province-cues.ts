/**
 * Whether a question is about the province or its plan rather than the ward's own: "tỉnh", "province", "kế hoạch
 * 220", and folded "tinh" unless it reads as the verb "tính" (intend). Used by the plan engine to pick which pack's
 * plan answers.
 */
import { fold } from "../nlu/fold.js";
import { typedWithDiacritics } from "./answer-needs.js";

const PROVINCE_CUE = /\b(tinh|province|provincial|220)\b/;
/** Folded "tinh" that is the verb "tính" (intend, plan to): "phường tính làm gì", "du tinh", "tinh toan". */
const INTEND = /\b(phuong|huyen|xa|ho|minh|du|se|dang|co) tinh\b(?! (bac|kon|uy|ubnd|nao|minh|nha))|\btinh (lam|se|toan|chuyen|dinh|to chuc|mo|dua)\b/;
/** A header question about the province's plan rather than the ward's own. */
export const PROVINCE_PLAN = /\b(ke hoach (cua )?tinh|province'?s? plan|provincial plan)\b/;
/** "kế hoạch ngoại giao văn hóa của tỉnh": a header question about the province's plan, unless it asks what a plan implements. */
export const PROVINCE_PLAN_LOOSE = /\bke hoach( [a-z]+){1,5} (cua )?tinh\b/;

/**
 * Whether a question names the province ("tỉnh", "province", "kế hoạch 220"): typed with diacritics, "tỉnh" itself;
 * without them, "tinh" unless it reads as the verb "tính" ("phuong tinh lam gi de …").
 */
export function namesProvince(question: string): boolean {
  const f = fold(question);
  if (!PROVINCE_CUE.test(f)) return false;
  if (/\b(province|provincial|220)\b/.test(f)) return true;
  if (typedWithDiacritics(question)) return /(?<!\p{L})tỉnh(?!\p{L})/iu.test(question.normalize("NFC"));
  return PROVINCE_CUE.test(f.replace(INTEND, " "));
}
