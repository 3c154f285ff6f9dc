/**
 * How the bot names the plan section an answer comes from.
 *
 * @example
 *   citation(doc, "vi") // "Kế hoạch thực hiện hội nhập quốc tế … phường Tân An giai đoạn 2026-2030, mục III.2"
 *   citation(doc, "en") // "Kế hoạch thực hiện hội nhập quốc tế … giai đoạn 2026-2030, section III.2"
 */
import type { DocumentInterface } from "@langchain/core/documents";
import { fold } from "../../../nlu/fold.js";

// ===  Section labels  ===

/**
 * The section id as a reader says it. Ids follow docs/plans.md: "III.2", "III.2 (2)" (second passage of III.2),
 * "PL.3" (appendix task 3), "CC" (the "Thực hiện …" preamble), "KL" (closing paragraph).
 */
export function sectionLabel(id: string, lang: "vi" | "en"): string {
  const vi = lang === "vi";
  if (id === "CC") return vi ? "phần căn cứ ban hành" : "preamble";
  if (id === "KL") return vi ? "phần kết" : "closing paragraph";
  const task = id.match(/^PL\.(\d+)$/);
  if (task) return vi ? `Phụ lục, nhiệm vụ ${task[1]}` : `appendix, task ${task[1]}`;
  const part = id.match(/^(.+) \((\d+)\)$/);
  if (part) return vi ? `mục ${part[1]}, đoạn ${part[2]}` : `section ${part[1]}, part ${part[2]}`;
  return vi ? `mục ${id}` : `section ${id}`;
}

// ===  Citation  ===

/** Metadata a plan passage carries (set by PlanRetriever). */
export interface PlanPassageMetadata {
  packId: string;
  planId: string;
  planTitle: string;
  /** English title when the plan has one; the Vietnamese title is used otherwise. */
  planTitleEn?: string;
  /** "UBND huyện Kon Rẫy": named in the citation when the title itself does not say where the plan is from. */
  planIssuer?: string;
  sectionId: string;
  sectionTitle: string;
}

/** "<plan title>, mục <section>": the plan's own title, so a resident can find the document. */
export function citation(doc: DocumentInterface, lang: "vi" | "en"): string {
  const m = doc.metadata as PlanPassageMetadata;
  const title = lang === "en" && m.planTitleEn ? m.planTitleEn : m.planTitle;
  // Seed 003 is titled "… trên địa bàn huyện" without saying which district; the issuer fills that in.
  const place = m.planIssuer?.replace(/^(UBND|Ủy ban nhân dân)\s+/i, "");
  const named = !place || fold(title).includes(fold(place));
  return `${title}${named ? "" : ` (${m.planIssuer})`}, ${sectionLabel(m.sectionId, lang)}`;
}
