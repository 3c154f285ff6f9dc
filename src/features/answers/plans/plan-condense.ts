/**
 * Cut a plan passage down to the sentences that answer the question, keeping the plan's own words.
 *
 * @example
 *   condense(section.text, "lớp quan họ có mấy lớp mỗi năm", 300)
 *   // "- Xây dựng và duy trì ít nhất 01 lớp truyền dạy dân ca Quan họ hoặc nghề truyền thống tại cơ sở mỗi năm, …"
 */
import { planTerms } from "./plan-terms.js";

// ===  Units  ===

/**
 * Lines (bullets, table rows), then sentences (a full stop before a capital). A sentence still longer than the
 * budget is cut at its semicolons, the plan's clause separator; a clause that does not open its sentence gets "…".
 */
function units(text: string, maxChars: number): string[] {
  return text
    .split("\n")
    .flatMap((line) => line.split(/(?<=\.)\s+(?=[\p{Lu}\d])/u))
    .flatMap((sentence) =>
      sentence.length <= maxChars ? [sentence] : sentence.split(/(?<=;)\s+/).map((c, i) => (i ? `…${c}` : c)),
    )
    .map((u) => u.trim())
    .filter(Boolean);
}

/** Cut at a word boundary and mark the cut. */
function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, "")}…`;
}

// ===  Condense  ===

/**
 * The most relevant sentences of `text` for `query`, in their original order, at most `maxChars` long.
 * Bigram matches weigh twice a single syllable. With no match at all, the passage's start is returned.
 */
export function condense(text: string, query: string, maxChars = 600): string {
  if (text.length <= maxChars) return text;
  const q = new Set(planTerms(query));
  const all = units(text, maxChars);
  const scored = all.map((u, i) => {
    const terms = new Set(planTerms(u));
    let score = 0;
    for (const t of q) if (terms.has(t)) score += t.includes(" ") ? 2 : 1;
    return { u, i, score };
  });
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.i - b.i);
  if (ranked[0].score === 0) return clip(text, maxChars);

  // The best sentence alone is longer than the budget: give its start rather than a weaker sentence.
  if (ranked[0].u.length > maxChars) return clip(ranked[0].u, maxChars);
  const chosen: typeof scored = [];
  let used = 0;
  for (const s of ranked) {
    if (s.score === 0) break;
    const cost = s.u.length + (chosen.length ? 1 : 0);
    if (used + cost > maxChars) continue;
    chosen.push(s);
    used += cost;
  }
  return chosen
    .sort((a, b) => a.i - b.i)
    .map((s) => s.u)
    .join("\n");
}
