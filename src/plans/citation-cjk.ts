/**
 * How a Chinese or Korean reader is told which plan and section an answer comes from: the issuing People's
 * Committee in their language when the pack names its locality in it ("北宁省人民委员会", "박닌성 인민위원회"), else
 * as the plan writes it; dates as each language writes them; section numbers as the plan numbers them, and the
 * plan's own titles left in Vietnamese (they are the plan's wording, quoted).
 *
 * @example
 * planNameCjk(header, "zh", "北宁省人民委员会") // "北宁省人民委员会2022年4月5日第220/KH-UBND号计划"
 * sectionNameCjk(section, "ko")                // "V.8항(Chế độ báo cáo)"
 */
import { fold } from "../nlu/fold.js";
import type { UnitName } from "./plan-answer.js";
import type { PlanHeaderFacts, PlanSectionRef } from "./plan-model.js";

/** Chinese or Korean. */
export type CjkLang = "zh" | "ko";

/** "2022-04-05" → "2022年4月5日" / "2022년 4월 5일"; "2026-05" → "2026年5月"; "2026" → "2026年" / "2026년". */
export function planDateCjk(date: string | undefined, lang: CjkLang): string | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split("-").map(Number);
  if (lang === "zh") return `${y}年${m ? `${m}月` : ""}${d ? `${d}日` : ""}`;
  return [`${y}년`, m && `${m}월`, d && `${d}일`].filter(Boolean).join(" ");
}

const COMMITTEE = /^(?:UBND|Ủy ban nhân dân)\s+/i;

/**
 * The issuer in Chinese or Korean: "UBND tỉnh Bắc Ninh" is the People's Committee of the locality a pack is named
 * after ("Tỉnh Bắc Ninh" = 北宁省), so it is said with that name; an issuer no pack names stays as the plan writes it.
 * @example issuerCjk("UBND phường Võ Cường", "zh", [{ vi: "Phường Võ Cường", zh: "武强坊" }]) // "武强坊人民委员会"
 */
export function issuerCjk(issuer: string, lang: CjkLang, localities: readonly UnitName[]): string {
  if (!COMMITTEE.test(issuer)) return issuer;
  const place = fold(issuer.replace(COMMITTEE, "")).trim();
  // "Tỉnh Bắc Giang (cũ)": the plan was issued by the province as it then was.
  const known = localities.find((l) => fold(l.vi.replace(/\s*\(.*\)\s*$/, "")).trim() === place)?.[lang];
  if (!known) return issuer;
  return lang === "zh" ? `${known}人民委员会` : `${known} 인민위원회`;
}

/** The plan as a zh/ko reader is told it: issuer, date and number, else its (Vietnamese) title in quotes. */
export function planNameCjk(h: PlanHeaderFacts, lang: CjkLang, issuer: string): string {
  const date = planDateCjk(h.date, lang);
  if (lang === "zh") return h.number ? `${issuer}${date ?? ""}第${h.number}号计划` : `${issuer}${date ? `${date}` : ""}发布的计划“${h.title}”`;
  return h.number ? `${issuer}의 ${date ? `${date} ` : ""}계획 제${h.number}호` : `${issuer}의 ${date ? `${date} ` : ""}계획 “${h.title}”`;
}

/** The section as the plan numbers it, its (Vietnamese) title after it. */
export function sectionNameCjk(s: PlanSectionRef, lang: CjkLang): string {
  const zh = lang === "zh";
  if (s.id === "CC") return zh ? "开头部分（颁布依据）" : "서두(근거 문서)";
  if (s.id === "KL") return zh ? "结尾部分" : "맺음말";
  const row = s.id.match(/^appendix:(\d+)$/);
  if (row) return zh ? `附录“${s.partTitle}”第${row[1]}项任务（${s.title}）` : `부록 “${s.partTitle}” 과제 ${row[1]}(${s.title})`;
  return zh ? `第${s.id}节（${s.title}）` : `${s.id}항(${s.title})`;
}

/** "出处：…" / "출처: …": the plan and section in a Chinese or Korean reader's words. */
export function citationCjk(h: PlanHeaderFacts, s: PlanSectionRef, lang: CjkLang, localities: readonly UnitName[]): string {
  const plan = planNameCjk(h, lang, issuerCjk(h.issuer, lang, localities));
  return lang === "zh" ? `${plan}${sectionNameCjk(s, lang)}` : `${plan}, ${sectionNameCjk(s, lang)}`;
}
