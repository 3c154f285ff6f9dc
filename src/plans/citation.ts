/**
 * How a citizen names a plan and a section of it: "Kế hoạch số 220/KH-UBND ngày 05/04/2022 của UBND tỉnh Bắc
 * Ninh, mục III.2 (Hội nhập sâu, rộng …)". No file names, no internal ids, no pieces the plan does not number.
 *
 * @example
 * planName(header, "vi") // "Kế hoạch số 220/KH-UBND ngày 05/04/2022 của UBND tỉnh Bắc Ninh"
 * sectionName(section, "vi") // "mục V.3 (Công an phường)"
 */
import type { PlanHeaderFacts, PlanSectionRef } from "./plan-model.js";

export type Lang = "vi" | "en";

/** "2022-04-05" → "05/04/2022"; "2026-05" → "tháng 05/2026" / "May 2026"; "2026" → "năm 2026" / "2026". */
export function planDate(date: string | undefined, lang: Lang): string | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split("-");
  if (d) return `${d}/${m}/${y}`;
  if (m) return lang === "vi" ? `tháng ${m}/${y}` : `${new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" })} ${y}`;
  return lang === "vi" ? `năm ${y}` : y;
}

/** "UBND tỉnh Bắc Ninh" → "Bắc Ninh Provincial People's Committee". */
export function issuerEn(issuer: string): string {
  const m = issuer.match(/^(?:UBND|Ủy ban nhân dân)\s+(tỉnh|huyện|phường|xã|thành phố)\s+(.+)$/i);
  if (!m) return issuer;
  const level = { tỉnh: "Provincial", huyện: "District", phường: "Ward", xã: "Commune", "thành phố": "City" }[m[1].toLowerCase()] ?? "";
  return `${m[2]} ${level} People's Committee`;
}

/** The plan as a citizen names it: by number and date when it has them, else by its title and issuer. */
export function planName(h: PlanHeaderFacts, lang: Lang): string {
  const date = planDate(h.date, lang);
  if (lang === "vi") {
    if (h.number) return `Kế hoạch số ${h.number}${date && /^\d/.test(date) ? ` ngày ${date}` : date ? ` (${date})` : ""} của ${h.issuer}`;
    return `${h.title} của ${h.issuer}${date ? ` (${date})` : ""}`;
  }
  if (h.number) return `Plan No. ${h.number}${date ? ` of ${date}` : ""} by the ${issuerEn(h.issuer)}`;
  return `the plan “${h.title}” by the ${issuerEn(h.issuer)}${date ? ` (${date})` : ""}`;
}

/** The section as the plan numbers and heads it. */
export function sectionName(s: PlanSectionRef, lang: Lang): string {
  const vi = lang === "vi";
  if (s.id === "CC") return vi ? "phần mở đầu (căn cứ ban hành)" : "the preamble";
  if (s.id === "KL") return vi ? "phần kết" : "the closing paragraph";
  const row = s.id.match(/^appendix:(\d+)$/);
  if (row) return vi ? `Phụ lục “${s.partTitle}”, nhiệm vụ ${row[1]} (${s.title})` : `appendix “${s.partTitle}”, task ${row[1]} (${s.title})`;
  return vi ? `mục ${s.id} (${s.title})` : `section ${s.id} (${s.title})`;
}

/** "Theo <plan>, <section>:" / "Source: <plan>, <section>". */
export function citationLine(h: PlanHeaderFacts, s: PlanSectionRef | undefined, lang: Lang): string {
  const where = s ? `, ${sectionName(s, lang)}` : "";
  return lang === "vi" ? `Theo ${planName(h, "vi")}${where}:` : `Source: ${planName(h, "en")}${where}.`;
}
