/**
 * Writing a plan answer: the lead (what was asked), the citation, then the plan's own words in quotes. English,
 * Chinese and Korean questions get a lead, header facts and "not covered" in their language, and the Vietnamese
 * quote marked as the plan's wording. Every number, date and name in an answer is copied from the plan it cites.
 *
 * The header's own facts are answered by compose-header.ts, what is quoted by quote.ts, "not covered" by
 * not-covered.ts.
 */
import { AMOUNT, ASKS_AMOUNT } from "./answer-needs.js";
import { ASKS_APPROVAL, approverOf, doerOf, recipientOf, englishFrame, keyClause, sameUnit, unitOf } from "./answer-lead.js";
import { fold } from "../nlu/fold.js";
import { citationLine, issuerEn, sectionName, type Lang } from "./citation.js";
import { citationCjk, issuerCjk } from "./citation-cjk.js";
import { listedItems, quotePieces } from "./quote.js";
import type { PlanAnswer, PlanLanguage as Language, UnitName } from "./plan-answer.js";
import type { PlanHeaderFacts, PlanPassage, PlanSectionRef } from "./plan-model.js";
import type { PlanHit } from "./plan-search.js";
import type { QuestionShape, QuestionType } from "./question-type.js";

import { composeNotCovered } from "./not-covered.js";

export { composeNotCovered };

// ===  Leads  ===

/** A unit in the person's language from contacts (zh/ko, else English), with the plan's Vietnamese name after it. */
function unitName(unit: string, units: readonly UnitName[] | undefined, lang: Language = "en"): string {
  const known = units?.find((u) => sameUnit(u.vi, unit));
  const name = (lang === "zh" || lang === "ko" ? known?.[lang] : undefined) ?? known?.en;
  return name ? `${name} (${unit})` : unit;
}

/** The fixed words of a Chinese or Korean lead; the unit, number or date in it are the plan's. */
const CJK_LEAD = {
  zh: {
    lead: "主办单位", partners: "配合单位（计划原文）", none: "计划没有写明由哪个单位负责此事；相关内容：", responsible: "负责单位",
    when: "时间", how_many: "计划中的数字", where: "地点", yes: "是的，计划中有这项内容。",
    wording: "计划原文（越南语）：", colon: "：", stop: "。", cite: (c: string) => `出处：${c}。`,
    fromParent: (own: string, other: string) => `${own}的计划没有提到此事；${other}的计划有相关内容。`,
  },
  ko: {
    lead: "주관 기관", partners: "협력 기관(계획 원문)", none: "계획에는 이 일을 맡은 기관이 명시되어 있지 않습니다. 관련 내용:", responsible: "담당 기관",
    when: "시기", how_many: "계획의 수치", where: "장소", yes: "네, 계획에 이 내용이 있습니다.",
    wording: "계획 원문(베트남어):", colon: ": ", stop: ".", cite: (c: string) => `출처: ${c}.`,
    fromParent: (own: string, other: string) => `${own}의 계획에는 이 내용이 없고, ${other}의 계획에 있습니다.`,
  },
} as const;

/** A lead in Chinese or Korean: the same facts as the English one, the Vietnamese key clause quoted. */
function cjkLead(best: PlanPassage, type: QuestionType, question: string, lang: "zh" | "ko", units?: readonly UnitName[], frequency = false): { line?: string; key?: string } {
  const w = CJK_LEAD[lang];
  const row = best.row;
  switch (type) {
    case "who": {
      if (row) return { line: `${w.lead}${w.colon}${unitName(row.lead, units, lang)}${w.stop}${row.coordinating ? ` ${w.partners}${w.colon}${row.coordinating}${w.stop}` : ""}` };
      const unit = unitOf(best);
      return { line: unit ? `${w.responsible}${w.colon}${unitName(unit, units, lang)}${w.stop}` : w.none };
    }
    case "when":
    case "how_many":
    case "where": {
      const key = timeKey(best, type, question, frequency);
      return key ? { line: `${w[type]}${w.colon}“${key}”${w.stop}`, key } : {};
    }
    case "yes_no":
      return { line: w.yes };
    default:
      // The citation line right after names the section already: a "section X says" line would repeat it.
      return {};
  }
}

/**
 * The clause a when-, how-many- or where-lead quotes. A table row's time column answers "when", except for "how
 * often" when the row says a frequency elsewhere ("cập nhật định kỳ tối thiểu 1 lần/tháng" in its result column);
 * a when-question may be answered by its section's own time ("Mục tiêu cụ thể đến năm 2030").
 */
function timeKey(best: PlanPassage, type: QuestionType, question: string, frequency: boolean): string | undefined {
  if (type === "when" && frequency) {
    const often = keyClause(best.text, type, question, FREQUENCY_CLAUSE);
    if (often && !(best.row?.time && FREQUENCY_CLAUSE.test(best.row.time))) return often;
  }
  if (type === "when" && best.row?.time) return best.row.time;
  return keyClause(best.text, type, question) ?? (type === "when" ? keyClause(best.section.title, type, question) : undefined);
}
const FREQUENCY_CLAUSE = /(\d+ lần\/(năm|tháng|tuần|quý)|năm\/lần|(hằng|hàng|mỗi) (năm|tháng|tuần|quý)|định kỳ)/i;

function lead(best: PlanPassage, type: QuestionType, question: string, language: Language, units?: readonly UnitName[], shape?: QuestionShape): { line?: string; key?: string } {
  if (language === "zh" || language === "ko") return cjkLead(best, type, question, language, units, shape?.frequency);
  const lang: Lang = language;
  const vi = lang === "vi";
  const row = best.row;
  switch (type) {
    case "who": {
      // "Do những cơ quan nào tổ chức": the doer the passage names for that verb, before the row's or section's unit.
      const done = doerOf(best.text, fold(question));
      if (done) return { line: vi ? `Đơn vị ${done.verb}: ${done.doer}.` : `${DOER_EN[done.verb] ?? "Done"} by (plan's wording): ${done.doer}.` };
      if (row) {
        const partners = row.coordinating ? (vi ? ` Phối hợp: ${row.coordinating}.` : ` Coordinating (as named in the plan): ${row.coordinating}.`) : "";
        return { line: vi ? `Cơ quan chủ trì: ${row.lead}.${partners}` : `Lead unit: ${unitName(row.lead, units)}.${partners}` };
      }
      const unit = unitOf(best);
      // "Gửi báo cáo cho ai": where the passage sends it ("về UBND phường (qua phòng Văn hóa - Xã hội)").
      const recipient = shape?.recipient ? recipientOf(best.text) : undefined;
      if (recipient) return { line: vi ? `Nơi nhận: ${recipient}.` : `Sent to (plan's wording): ${recipient}.` };
      // "Ai duyệt …": the approver the passage names ("trình Chủ tịch UBND phường phê duyệt"), then who prepares it.
      const approver = ASKS_APPROVAL.test(fold(question)) ? approverOf(best.text) : undefined;
      if (approver) {
        // "… đã được Chủ tịch UBND phường phê duyệt" says who approved, not who prepared it.
        const by = unit && !sameUnit(unit, approver) && /trình /u.test(best.text) ? (vi ? ` Đơn vị xây dựng, trình: ${unit}.` : ` Prepared and submitted by: ${unitName(unit, units)}.`) : "";
        return { line: vi ? `Cấp phê duyệt: ${approver}.${by}` : `Approved by (plan's wording): ${approver}.${by}` };
      }
      // Said, not left out: the plan mentions the task but gives it to no unit.
      if (!unit) return { line: vi ? "Kế hoạch không nêu rõ đơn vị nào phụ trách việc này; nội dung liên quan:" : "The plan does not name a unit for this; what it says:" };
      return { line: vi ? `Đơn vị được giao: ${unit}.` : `Responsible: ${unitName(unit, units)}.` };
    }
    case "when":
    case "how_many":
    case "where": {
      const key = timeKey(best, type, question, shape?.frequency ?? false);
      if (!key) return {};
      if (vi) {
        const label = type === "when" ? "Thời gian" : type === "how_many" ? "Con số trong kế hoạch" : "Nơi thực hiện";
        return { line: `${label}: ${key}.`, key };
      }
      const frame = type === "where" ? undefined : englishFrame(key, { count: type === "how_many", share: type === "how_many" && /%|percent|phần trăm|phan tram|tỷ lệ|ty le|share|proportion/i.test(question) });
      const label = type === "when" ? "When" : type === "how_many" ? "Figure" : "Where";
      return { line: frame ? `${label}: ${frame} (plan's wording: “${key}”).` : `${label} (plan's wording): “${key}”.`, key };
    }
    case "yes_no":
      return { line: vi ? "Có, kế hoạch có nêu nội dung này." : "Yes, the plan covers this." };
    default:
      return vi ? {} : { line: `The plan's section “${best.section.title}” says:` };
  }
}

/** How far down the hits, and how good, a passage naming the doer may be to answer first. */
const DOER_LOOK = 5;
const DOER_SHARE = 0.5;

/** The English of a doer verb ("Organised by …"). */
const DOER_EN: Record<string, string> = { "tổ chức": "Organised", "ban hành": "Issued", "triển khai": "Carried out" };

const NO_COUNT = { zh: "计划没有给出数字；这一部分列出如下。", ko: "계획에는 숫자가 없고, 이 항목에 다음과 같이 나열되어 있습니다." } as const;

// ===  Answers  ===

/** A plan answer from the hits of one pack's plans (best first). */
export function composeAnswer(
  question: string,
  hits: PlanHit[],
  shape: QuestionShape,
  ctx: { language: Language; units?: readonly UnitName[]; localities?: readonly UnitName[] },
  opts: { fromParent: boolean; ownPlans: PlanHeaderFacts[]; section: readonly PlanPassage[]; noCount?: boolean; rows?: readonly PlanPassage[]; headed?: readonly PlanSectionRef[] },
): PlanAnswer {
  const cjk = ctx.language === "zh" || ctx.language === "ko" ? ctx.language : undefined;
  // Chinese and Korean readers get the English citation (plan number and date), under a lead in their language.
  const lang: Lang = ctx.language === "vi" ? "vi" : "en";
  const vi = lang === "vi";
  // "Do ai tổ chức": a nearly as good passage that names who does it ("… do UBND tỉnh tổ chức") answers first.
  if (shape.type === "who" && !doerOf(hits[0].passage.text, fold(question))) {
    const named = hits.slice(1, DOER_LOOK).find((h) => h.score >= hits[0].score * DOER_SHARE && doerOf(h.passage.text, fold(question)));
    if (named) hits = [named, ...hits.filter((h) => h !== named)];
  }
  const best = hits[0].passage;
  const { line: leadLine, key } = lead(best, shape.type, question, ctx.language, ctx.units, shape);
  // An amount of money asked ("bao nhiêu tiền", "how much money") is answered by an amount, never by another figure
  // of the passage ("định kỳ 03 năm/lần"): without one, the plan does not say it.
  if (shape.type === "how_many" && ASKS_AMOUNT.test(fold(question)) && !(key && AMOUNT.test(key))) {
    const searched = [best.plan, ...opts.ownPlans.filter((h) => h.planId !== best.plan.planId)];
    return composeNotCovered(question, searched, ctx.language, shape.type, hits[0].coverage, ctx.localities);
  }
  const { passages, pieces } = quotePieces(hits, shape.type, opts.section, question, key, shape.list);
  const quote = pieces.join("\n");
  // "Những … nào", "kể tên", "which ones": the items the plan names lead, then the quote they come from. (Not an
  // appendix row's "Nội dung nhiệm vụ: …": its labels are no list.)
  const items = shape.type === "what" && shape.list && !cjk ? [best, ...passages].filter((p) => !p.row).map((p) => listedItems(p.text, question, p.plan.issuer)).find(Boolean) : undefined;
  const stop = items?.endsWith("…") ? "" : ".";
  const line = items ? (vi ? `Kế hoạch nêu: ${items}${stop}` : `The plan names (in Vietnamese): ${items}${stop}`) : leadLine;
  const out: string[] = [];
  if (opts.fromParent && opts.ownPlans.length) {
    const own = opts.ownPlans[0].issuer;
    if (cjk) out.push(CJK_LEAD[cjk].fromParent(issuerCjk(own, cjk, ctx.localities ?? []), issuerCjk(best.plan.issuer, cjk, ctx.localities ?? [])));
    else out.push(vi ? `Kế hoạch của ${own} chưa nêu việc này; kế hoạch của ${best.plan.issuer} có nêu.` : `The plan of the ${issuerEn(own)} does not say; the ${issuerEn(best.plan.issuer)}'s plan does.`);
  }
  // A how-many question answered by the section's list: the plan gives the items, not their number.
  const appendix = opts.rows?.length ? best.section.partTitle : undefined;
  if (opts.noCount && appendix && !cjk) out.push(vi ? `Phụ lục “${appendix}” của kế hoạch kể các nhiệm vụ sau (kế hoạch không ghi tổng số):` : `The plan's appendix “${appendix}” lists these tasks (it gives no total):`);
  else if (opts.noCount && opts.headed?.length && !cjk) out.push(vi ? "Kế hoạch không nêu con số, nhưng có các mục sau:" : "The plan gives no number, but has these sections:");
  else if (opts.noCount) out.push(cjk ? NO_COUNT[cjk] : vi ? "Kế hoạch không nêu con số; mục này liệt kê như sau." : "The plan gives no number; the section lists them.");
  // Sections each headed by what is counted, as the citation names them ("mục IV.1 (Giai đoạn 1: …); mục IV.2 (…)").
  const headed = opts.headed?.length && !opts.rows?.length && !cjk;
  if (headed) out.push(opts.headed!.map((s) => sectionName(s, lang)).join("; ") + ".");
  else if (line && !appendix) out.push(line);
  // The appendix's rows, each as the citation names it ("nhiệm vụ 3 (Số hóa di sản văn hóa)").
  if (opts.rows?.length) out.push(opts.rows.map((p) => sectionName(p.section, lang).replace(/^Phụ lục “[^”]*”, |^appendix “[^”]*”, /, "")).join("; ") + ".");
  const leadLines = out.join("\n");
  if (vi) out.push(citationLine(best.plan, best.section, "vi"), `“${quote}”`);
  else if (cjk) out.push(CJK_LEAD[cjk].cite(citationCjk(best.plan, best.section, cjk, ctx.localities ?? [])), CJK_LEAD[cjk].wording, `“${quote}”`);
  else out.push("The plan's wording (Vietnamese):", `“${quote}”`, citationLine(best.plan, best.section, "en"));
  return {
    text: out.join("\n"),
    lead: leadLines,
    covered: true,
    type: shape.type,
    packId: best.packId,
    planId: best.plan.planId,
    sections: [...new Set(passages.map((p) => p.sectionId))],
    fromParent: opts.fromParent,
    coverage: hits[0].coverage,
    quotes: passages.map((p, i) => ({ text: pieces[i], citation: citationLine(p.plan, p.section, lang).replace(/^(Theo |Source: )|[:.]$/g, "") })),
  };
}
