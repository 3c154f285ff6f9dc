/**
 * The plan model: a plan file (content/<pack>/plans/*.yaml) read into its header facts, its tree of parts and
 * sections, and passages (each bullet or paragraph, each appendix row) that carry their heading path and unit.
 * This is what retrieval indexes and what answers quote and cite.
 *
 * @example
 * const plan = readPlan("tan-an", file);
 * plan.passages.find((p) => p.sectionId === "VI.2")?.unit // "Công an phường"
 * plan.passages.find((p) => p.sectionId === "appendix:3")?.row?.lead // "Phòng Văn Hóa – Xã hội phường"
 */
import type { PlanFile } from "../content/schema/plan.js";

/** What a citizen names the plan by, and what it rests on. */
export interface PlanHeaderFacts {
  planId: string;
  packId: string;
  title: string;
  issuer: string;
  number?: string;
  /** "2022-04-05", "2026-05" or "2026". */
  date?: string;
  period: string;
  signer?: string;
  signerTitle?: string;
  implements: string[];
  /** The last section of a text that is cut off ("III.3"). */
  truncatedAfter?: string;
}

/** One row of an appendix task table. */
export interface PlanTableRow {
  no: number;
  task: string;
  lead: string;
  coordinating: string;
  time: string;
  product: string;
}

/** A section as the plan heads it ("V.3", "Công an phường"), or an appendix row ("appendix:3"). */
export interface PlanSectionRef {
  /** "V.3", "II", "CC", "KL", "appendix:3". */
  id: string;
  title: string;
  /** The part's title ("Tổ chức thực hiện") when the section is in a part. */
  partTitle?: string;
  /** A numbered sentence of a part's own text ("2. Huy động nguồn …" under IV), cited "IV.2" but part of IV. */
  inPartText?: boolean;
}

/** A bullet, a paragraph or a table row, with where it stands in the plan. */
export interface PlanPassage {
  /** Unique across the library: "<packId>/<planId>#<sectionId>/<n>". */
  key: string;
  packId: string;
  plan: PlanHeaderFacts;
  sectionId: string;
  section: PlanSectionRef;
  /** Part title and section title (for appendix rows: the appendix title and the task title). */
  headingPath: string[];
  /** The passage in the plan's words (an appendix row: its columns with the table's headers). */
  text: string;
  /** The unit the passage's section assigns work to, or the row's lead unit. */
  unit?: string;
  /** Appendix rows only. */
  row?: PlanTableRow;
  /** 0-based position in its section. */
  index: number;
}

/** A plan read into the model. */
export interface PlanModel {
  header: PlanHeaderFacts;
  sections: PlanSectionRef[];
  passages: PlanPassage[];
}

const APPENDIX_LABELS = ["Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Kết quả, sản phẩm"];

/** Read one validated plan file of a pack into the model. */
export function readPlan(packId: string, file: PlanFile): PlanModel {
  const { plan } = file;
  const header: PlanHeaderFacts = {
    planId: plan.id,
    packId,
    title: plan.title.vi,
    issuer: plan.issuer,
    number: plan.number,
    date: plan.date,
    period: plan.period,
    signer: plan.signer,
    signerTitle: plan.signerTitle,
    implements: plan.implements ?? [],
    truncatedAfter: plan.truncatedAfter,
  };
  const partTitles = new Map(file.parts.map((p) => [p.id, p.title]));
  const sections: PlanSectionRef[] = [];
  const passages: PlanPassage[] = [];
  const key = (sectionId: string, n: number) => `${packId}/${plan.id}#${sectionId}/${n}`;
  const numberedRefs = new Map<string, PlanSectionRef>();
  const numbered = (id: string, parent: PlanSectionRef): PlanSectionRef => {
    let ref = numberedRefs.get(id);
    if (!ref) {
      ref = { ...parent, id, inPartText: true };
      numberedRefs.set(id, ref);
      sections.push(ref);
    }
    return ref;
  };

  for (const s of file.sections) {
    const partTitle = s.part && s.part !== s.id ? partTitles.get(s.part) : undefined;
    const section: PlanSectionRef = { id: s.id, title: s.title, ...(partTitle ? { partTitle } : {}) };
    sections.push(section);
    const headingPath = partTitle ? [partTitle, s.title] : [s.title];
    s.text.split("\n").forEach((text, index) => {
      // A numbered sentence in a part's own text ("2. Huy động nguồn xã hội hóa …" under IV) is cited as the plan
      // numbers it: mục IV.2.
      const n = !s.id.includes(".") && s.part === s.id ? text.match(/^(\d+)\.\s/)?.[1] : undefined;
      const ref = n ? numbered(`${s.id}.${n}`, section) : section;
      passages.push({ key: key(s.id, index), packId, plan: header, sectionId: ref.id, section: ref, headingPath, text, unit: s.unit, index });
    });
  }

  for (const r of file.appendix?.rows ?? []) {
    const id = `appendix:${r.no}`;
    const section: PlanSectionRef = { id, title: r.title, partTitle: file.appendix!.title };
    sections.push(section);
    const row: PlanTableRow = { no: r.no, task: r.task, lead: r.lead, coordinating: r.coordinating, time: r.time, product: r.product };
    const cells = [r.task, r.lead, r.coordinating, r.time, r.product];
    const text = APPENDIX_LABELS.map((label, i) => `${label}: ${cells[i]}`).join("\n");
    passages.push({ key: key(id, 0), packId, plan: header, sectionId: id, section, headingPath: [file.appendix!.title, r.title], text, unit: r.lead, row, index: 0 });
  }
  return { header, sections, passages };
}
