/** Ranking a what-question's hits by their section's support (see bySection). */
import type { PlanHit } from "./plan-search.js";

/** Share of the other good passages of a section added to its best one's score, for what-questions (see bySection). */
const SECTION_SUPPORT = 0.25;
/**
 * A passage supports its section when it scores at least this share of the best hit: a long section whose bullets
 * all name the plan's theme does not outweigh the one passage that holds the question's words (0.5 → 0.65 on dev +
 * work: +1 dev, +4 work once money questions rank the plan's "Kinh phí" first; 0.6 and 0.7 score lower).
 */
const SUPPORT_FLOOR = 0.65;

/**
 * What-questions are answered by a section: the hits ranked by their section's support (its best hit plus a share of
 * its other hits nearly as good: SUPPORT_FLOOR), so a section several of whose passages answer ("huyện giao lưu với những
 * tỉnh nào": three bullets of III.4) goes before one passage that shares as many words.
 */
export function bySection(hits: PlanHit[]): PlanHit[] {
  // The numbered sentences of a part's own text ("IV.1", "IV.2" of "IV. Kinh phí") are one section, as they are quoted.
  const key = (h: PlanHit): unknown => (h.passage.section.inPartText ? `${h.passage.plan.planId}#${h.passage.sectionId.split(".")[0]}` : h.passage.section);
  const top = hits[0]?.score ?? 0;
  const support = new Map<unknown, number>();
  const first = new Map<unknown, number>();
  hits.forEach((h, i) => {
    const k = key(h);
    const known = support.get(k);
    if (known === undefined) {
      support.set(k, h.score);
      first.set(k, i);
    } else if (h.score >= top * SUPPORT_FLOOR) support.set(k, known + SECTION_SUPPORT * h.score);
  });
  // Stable: the sections by support, each section's hits in their own order.
  return [...hits].sort((a, b) => support.get(key(b))! - support.get(key(a))! || first.get(key(a))! - first.get(key(b))! || hits.indexOf(a) - hits.indexOf(b));
}
