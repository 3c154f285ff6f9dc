import type { ContentPack, ReportCategory } from "../../content/index.js";
import { fold, normalize } from "../../nlu/index.js";

/**
 * The report category a message points to, from the categories' keywords (folded, so "vẽ bậy" and "ve bay"
 * agree). Whole words only; the category with the longest matched keywords wins, and a tie between two
 * categories is no guess (the person picks).
 *
 * @example guessCategory("có người vẽ bậy lên tường đình", pack)?.id // "relic-harm"
 */
export function guessCategory(text: string, pack: ContentPack): ReportCategory | undefined {
  const folded = ` ${normalize(text).folded} `;
  let best: { category: ReportCategory; score: number } | undefined;
  let tie = false;
  for (const category of pack.reportCategories) {
    let score = 0;
    for (const keyword of category.keywords) {
      const key = fold(keyword).trim();
      if (key && (folded.includes(` ${key} `) || stemMatch(folded, key))) score += key.split(" ").length;
    }
    if (score === 0) continue;
    if (!best || score > best.score) {
      best = { category, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie ? best.category : undefined;
}

/** A one-word English keyword also matches its longer forms ("vandal" → "vandalism", "distort" → "distorted"). */
function stemMatch(folded: string, key: string): boolean {
  return /^[a-z]{5,}$/.test(key) && new RegExp(` ${key}[a-z]{1,4} `).test(folded);
}

// How people open a report without saying anything yet ("tôi muốn phản ánh", "cho mình báo cáo việc này").
const OPENERS =
  /\b(toi|minh|em|chau|anh|chi|tui|cho|muon|can|xin|duoc|gui|lam|mot|1|cai|viec|ve|vu|nay|phan anh|bao cao|to giac|khieu nai|to cao|bao|tin bao|report|i|want|to|would|like|a|an|make|file|about|please|voi|a|nhe|oi|ad|admin|ban|bot)\b/g;

/**
 * True when the message already describes something (more than a few words beyond "tôi muốn phản ánh"), so
 * it can stand as the report's description.
 *
 * @example isDescriptive("tôi muốn phản ánh") // false
 * @example isDescriptive("ở đình làng có người vẽ bậy lên tường") // true
 */
export function isDescriptive(text: string): boolean {
  const rest = normalize(text).folded.replace(OPENERS, " ").split(/\s+/).filter(Boolean);
  return rest.length >= 3;
}
