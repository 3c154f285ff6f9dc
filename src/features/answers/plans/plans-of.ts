import type { Knowledge } from "../../../shared/knowledge.js";
import type { PlanIndex } from "./plan-index.js";
import { createPlanIndex } from "./plan-info.js";

const built = new WeakMap<Knowledge, { version: number; plans: PlanIndex }>();

/**
 * The plan index over every pack of `knowledge`, built once per content version (a console edit bumps the
 * version, so the next question sees the new plan text). The answers feature owns it: the shared Knowledge
 * imports no feature.
 *
 * @example const [best] = plansOf(ctx.services.knowledge).search("kinh phí lễ hội", 1, { packIds: ["vo-cuong"] });
 */
export function plansOf(knowledge: Knowledge): PlanIndex {
  const known = built.get(knowledge);
  if (known?.version === knowledge.version) return known.plans;
  const plans = createPlanIndex(knowledge.content.packs.values());
  built.set(knowledge, { version: knowledge.version, plans });
  return plans;
}
