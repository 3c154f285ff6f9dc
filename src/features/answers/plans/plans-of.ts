import type { Knowledge } from "../../../shared/knowledge.js";
import type { PlanEngine } from "../../../plans/index.js";
import { createPlanEngine } from "./plan-info.js";

const built = new WeakMap<Knowledge, { version: number; plans: PlanEngine }>();

/**
 * The plan engine over every pack of `knowledge`, built once per content version (a console edit bumps the
 * version, so the next question sees the new plan text). The answers feature owns it: the shared Knowledge
 * imports no feature.
 *
 * @example plansOf(ctx.services.knowledge).answer("kinh phí lễ hội lấy từ đâu", { lineage: ["vo-cuong", "bac-ninh"], language: "vi" })
 */
export function plansOf(knowledge: Knowledge): PlanEngine {
  const known = built.get(knowledge);
  if (known?.version === knowledge.version) return known.plans;
  const plans = createPlanEngine(knowledge.content.packs.values());
  built.set(knowledge, { version: knowledge.version, plans });
  return plans;
}
