/**
 * plan_info: answer from the culture plans of the person's pack (and the packs it extends), through the plan
 * engine (src/plans): the answer leads with what was asked, then cites the plan as a citizen names it and quotes
 * its words. "Not covered" says which plans were searched (and where a text is cut off). Staff are always offered.
 * A configured chat model may word the answer from the quoted passages only (off by default).
 *
 * @example
 * const plans = createPlanEngine(library.packs.values());   // once per content library
 * await answerPlan({ ...input, text: "Ai chủ trì số hóa di sản?", plans })
 * // { text: "Cơ quan chủ trì: Phòng Văn Hóa – Xã hội phường. …\nTheo Kế hoạch … , Phụ lục “…”, nhiệm vụ 3 (…):\n“…”" }
 */
import type { Reply } from "../../../core/message.js";
import type { ContentPack } from "../../../content/index.js";
import { PlanEngine, PlanQuestion, answerWithoutFigure, joinAnswers, splitAsks, type PlanAnswer } from "../../../plans/index.js";
import type { AnswerInput } from "../answer-input.js";
import { fold } from "../../../nlu/fold.js";
import { lines, staffChoice } from "../answer-text.js";

/**
 * Build the plan engine once per content library (not per message); rebuild it after a content reload.
 * @example const plans = createPlanEngine(library.packs.values());
 */
export function createPlanEngine(packs: Iterable<ContentPack>): PlanEngine {
  return PlanEngine.fromPacks(packs);
}

// A caller that passes no engine still builds one only once per pack object (a reload makes new packs).
const ownPlans = new WeakMap<ContentPack, PlanEngine>();

/** The engine of an answer input: the library's, or one over this pack's own plans. */
export function planEngineFor(input: Pick<AnswerInput, "plans" | "pack">): PlanEngine {
  if (input.plans) return input.plans;
  let engine = ownPlans.get(input.pack);
  if (!engine) {
    engine = createPlanEngine([input.pack]);
    ownPlans.set(input.pack, engine);
  }
  return engine;
}

/**
 * The message as the plans are searched with it. An English question that names a relic or a festival ("Is the
 * Temple of Literature in the plan?") also carries the item's Vietnamese name, which is how the plans write it.
 */
export function planSearchText(input: Pick<AnswerInput, "text" | "language" | "pack" | "entities">): string {
  if (input.language !== "en") return input.text;
  const places = [input.pack.names, input.pack.province].flatMap((n) => [n.vi, n.en ?? ""]).join(" ") + " bac ninh bac giang phuong tinh huyen xa";
  const names = [
    ...(input.entities.heritage ?? []).map((id) => input.pack.heritageItem(id)?.names.vi),
    ...(input.entities.festivals ?? []).map((id) => input.pack.festival(id)?.names.vi),
  ].filter((n): n is string => Boolean(n) && !alreadySaid(n!, input.text, places));
  return names.length ? `${input.text} (${[...new Set(names)].join(", ")})` : input.text;
}

/**
 * Whether the question already says the name in its own words: any word of it but the place ("OCOP" for "Sản phẩm
 * OCOP … phường Tân An"). Only a name the question translates ("Temple of Literature") is added.
 */
function alreadySaid(name: string, text: string, places: string): boolean {
  const asked = new Set(fold(text).split(/[^a-z0-9]+/));
  const place = new Set(fold(places).split(/[^a-z0-9]+/));
  return fold(name).split(/[^a-z0-9]+/).some((w) => w.length >= 3 && !place.has(w) && asked.has(w));
}

/**
 * The plan engine's answer to a message (no model): what `answerPlan` says, with what it cites. `question` is the
 * one routing searched with (routeByEvidence), so the plans are not searched twice for one message.
 */
export function planAnswer(input: Pick<AnswerInput, "text" | "language" | "pack" | "plans"> & Partial<Pick<AnswerInput, "entities">>, question?: PlanQuestion): PlanAnswer {
  const engine = planEngineFor(input);
  const ctx = {
    lineage: input.pack.lineage,
    language: input.language,
    units: input.pack.contacts.map((c) => ({ vi: c.names.vi, en: c.names.en, zh: c.names.zh, ko: c.names.ko })),
    localities: [input.pack.names, input.pack.province],
  };
  const whole = question ?? engine.question(input.entities ? planSearchText({ ...input, entities: input.entities }) : input.text, input.language);
  // Two asks in one message ("kế hoạch số mấy, ai ký?", "ai chủ trì và bao giờ xong"): each answered, one reply.
  // An ask that says what it is about ("kinh phí lấy từ đâu") is searched by itself; one that does not ("bao giờ
  // xong", "ai lo") with the whole message, whose other piece names the topic. Each is answered as its own type.
  // (A piece that is the whole search text has the whole question's shape: not read again.)
  const read = (t: string) => (t === whole.text ? whole : engine.question(t, input.language));
  const asks = input.language === "vi" || input.language === "en" ? splitAsks(input.text, (t) => read(t).shape) : [];
  if (asks.length > 1) {
    const answers = asks.map((a) => {
      const own = read(a.text);
      const evidence = a.shape.type === "header" ? undefined : engine.evidence(own, ctx.lineage);
      const alone = evidence && evidence.words >= 2 && evidence.coverage >= engine.minCoverage;
      return engine.answer(alone ? own : new PlanQuestion(whole.text, whole.english, a.shape), ctx);
    });
    return joinAnswers(answers, asks, input.language);
  }
  // A count the plans talk about but do not give: what they say about it, said to hold no figure.
  return answerWithoutFigure(engine, whole, ctx, engine.answer(whole, ctx));
}

/** Answer a plan_info message from the plans of the person's pack (`question`: the one routing read, if any). */
export async function answerPlan(input: AnswerInput, question?: PlanQuestion): Promise<Reply> {
  const result = planAnswer(input, question);
  const choices = [staffChoice(input.language)];
  if (result.covered && input.model && result.quotes.length) {
    const { wordAnswer } = await import("./plan-wording.js");
    const worded = await wordAnswer(input.model, input.text, result.quotes);
    if (worded) {
      // The model is asked to end with the citation; add it when it did not, so every answer names its section.
      const cited = result.quotes.some((q) => worded.includes(q.citation));
      const source = { vi: "Nguồn", en: "Source", zh: "来源", ko: "출처" }[input.language];
      return { text: cited ? worded : lines(worded, `${source}: ${result.quotes[0].citation}`), choices };
    }
  }
  return { text: result.text, choices };
}
