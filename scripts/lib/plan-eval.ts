/**
 * Scoring one reply to a labelled plan question (test/fixtures/plan-questions.*.yaml): which plan and section the
 * reply cites (read from the text a person sees), whether the key fact is in it, and which numbers, dates or
 * phones in it the cited plan does not hold.
 */
import { fold } from "../../src/nlu/fold.js";
import { planName, type PlanEngine } from "../../src/plans/index.js";

/** One labelled question. */
export interface PlanQuestion {
  id: string;
  pack: string;
  answer_pack?: string;
  lang: "vi" | "en";
  type: string;
  q: string;
  sections: string[];
  fact?: string;
  note?: string;
}

/** What a reply cites: the plan (by its pack) and the sections named. */
export interface Cited {
  packId?: string;
  planId?: string;
  sections: string[];
}

/** Read the citation(s) from a reply's text. */
export function citedIn(text: string, engine: PlanEngine): Cited {
  const sections: string[] = [];
  for (const m of text.matchAll(/(?:mục|section) ([IVX]+(?:\.\d+)?) \(/g)) sections.push(m[1]);
  for (const m of text.matchAll(/(?:nhiệm vụ|task) (\d+) \(/g)) sections.push(`appendix:${m[1]}`);
  if (/phần đầu văn bản|the header of/.test(text)) sections.push("header");
  // The labelled set's "header" is the plan's header, preamble, title or signature block.
  if (/phần mở đầu \(căn cứ|the preamble/.test(text)) sections.push("header", "CC");
  if (/, phần kết:|the closing paragraph/.test(text)) sections.push("KL");
  // The plan: the longest plan name found in the text (names of a plan without a number contain its title).
  let plan: { packId: string; planId: string; len: number } | undefined;
  for (const m of engine.models) {
    for (const lang of ["vi", "en"] as const) {
      const name = planName(m.header, lang);
      if (text.includes(name) && (!plan || name.length > plan.len)) plan = { packId: m.header.packId, planId: m.header.planId, len: name.length };
    }
  }
  // A numbered sentence of a part's own text ("III.1" under "III. Kinh phí") is also the part (fixtures README).
  const model = engine.models.find((m) => m.header.planId === plan?.planId);
  for (const id of [...sections]) if (model?.sections.some((s) => s.id === id && s.inPartText)) sections.push(id.split(".")[0]);
  return { packId: plan?.packId, planId: plan?.planId, sections };
}

/** Numbers, dates and phones in a text ("25/10", "100%", "01", "2026-2030", "0222 3822 123"). */
export function figures(text: string): string[] {
  return [...text.matchAll(/\d+(?:[.,/:]\d+)*/g)].map((m) => m[0]);
}

/** The figures of a reply that the plans it names (their text and headers) do not contain. */
export function inventedFigures(reply: string, question: string, engine: PlanEngine): string[] {
  const named = engine.models.filter((m) => planName(m.header, "vi") && (reply.includes(planName(m.header, "vi")) || reply.includes(planName(m.header, "en"))));
  const source = named
    .map((model) => [
        ...model.passages.map((p) => p.text),
        model.header.title,
        model.header.number ?? "",
        model.header.date ?? "",
        model.header.date?.split("-").reverse().join("/") ?? "",
        model.header.period,
        ...model.header.implements,
        ...model.passages.map((p) => p.headingPath.join(" ")),
      ].join("\n"))
    .join("\n");
  // Section numbers and task numbers are the citation itself, not facts.
  const cleaned = reply.replace(/(?:mục|section) [IVX]+(?:\.\d+)?/g, "").replace(/(?:nhiệm vụ|task) \d+/g, "");
  return figures(cleaned).filter((f) => !source.includes(f) && !question.includes(f));
}

/** Whether the key fact pattern is in the reply (diacritics folded on both sides). */
export function hasFact(reply: string, fact: string | undefined): boolean {
  if (!fact) return true;
  return new RegExp(fold(fact), "i").test(fold(reply));
}

/** "seed" and "đoạn" (but not "giai đoạn") in a reply: internal words a person must never see. */
export function internalWords(reply: string): number {
  return (reply.match(/\bseed\b/gi)?.length ?? 0) + (reply.match(/(?<!giai )đoạn/gi)?.length ?? 0);
}
