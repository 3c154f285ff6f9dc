/**
 * An answer from a plan's header (number, date, issuer, signer, documents it implements, period, title), in the
 * person's language; names, numbers and dates are the plan's, its titles stay Vietnamese.
 *
 * @example composeHeader(header, "signer", "vi", false).text // "Người ký: Trần Văn Quỳnh (KT. Chủ tịch, Phó Chủ tịch).\nTheo …"
 */
import { issuerEn, planDate, planName } from "./citation.js";
import { issuerCjk, planDateCjk, planNameCjk, type CjkLang } from "./citation-cjk.js";
import type { PlanAnswer, PlanLanguage as Language, UnitName } from "./plan-answer.js";
import type { PlanHeaderFacts } from "./plan-model.js";
import type { HeaderFact } from "./question-type.js";

const HEADER_VI: Record<HeaderFact, (h: PlanHeaderFacts) => string> = {
  signer: (h) => (h.signer ? `Người ký: ${h.signer}${h.signerTitle ? ` (${h.signerTitle})` : ""}.` : "Bản kế hoạch mình có không ghi người ký."),
  number: (h) => (h.number ? `Số hiệu: ${h.number}.` : "Bản kế hoạch mình có để trống số hiệu (“Số: /KH-UBND”)."),
  date: (h) => dateVi(h),
  issuer: (h) => `Cơ quan ban hành: ${h.issuer}.`,
  implements: (h) => (h.implements.length ? `Kế hoạch được ban hành để thực hiện: ${h.implements.join("; ")}.` : "Bản kế hoạch mình có không nêu văn bản căn cứ."),
  period: (h) => `Thời gian thực hiện: ${h.period}.`,
  title: (h) => `Tên kế hoạch: ${h.title}.`,
};

const HEADER_EN: Record<HeaderFact, (h: PlanHeaderFacts) => string> = {
  signer: (h) => (h.signer ? `Signed by ${h.signer}${h.signerTitle ? ` (${h.signerTitle})` : ""}.` : "The copy I have does not show who signed it."),
  number: (h) => (h.number ? `Number: ${h.number}.` : "The copy I have leaves the number blank (“Số: /KH-UBND”)."),
  date: (h) => (h.date ? `Date: ${planDate(h.date, "en")}${h.date.length < 10 ? " (no day is given)" : ""}.` : "The copy I have gives no date."),
  issuer: (h) => `Issued by the ${issuerEn(h.issuer)} (${h.issuer}).`,
  implements: (h) => (h.implements.length ? `It implements: ${h.implements.join("; ")}.` : "The copy I have names no documents it implements."),
  period: (h) => `Period: ${h.period.replace("đến năm", "until")}.`,
  title: (h) => `Title (Vietnamese): ${h.title}.`,
};

function dateVi(h: PlanHeaderFacts): string {
  const d = planDate(h.date, "vi");
  if (!d) return "Bản kế hoạch mình có không ghi ngày ban hành.";
  return /^\d/.test(d) ? `Ngày ban hành: ${d}.` : `Bản kế hoạch mình có chỉ ghi ${d}, chưa ghi ngày cụ thể.`;
}

/** The header facts in Chinese and Korean: names, numbers and dates are the plan's; its titles stay Vietnamese, marked so. */
const HEADER_CJK: Record<CjkLang, Record<HeaderFact, (h: PlanHeaderFacts, issuer: string) => string>> = {
  zh: {
    signer: (h) => (h.signer ? `签署人：${h.signer}${h.signerTitle ? `（职务按计划原文：${h.signerTitle}）` : ""}。` : "我手上的这份计划没有写明签署人。"),
    number: (h) => (h.number ? `文号：${h.number}。` : "我手上的这份计划文号一栏是空的（“Số: /KH-UBND”）。"),
    date: (h) => {
      const d = planDateCjk(h.date, "zh");
      if (!d) return "我手上的这份计划没有写明发布日期。";
      return h.date!.length === 10 ? `发布日期：${d}。` : `我手上的这份计划只写了${d}，没有写具体日期。`;
    },
    issuer: (h, issuer) => `发布机关：${issuer === h.issuer ? h.issuer : `${issuer}（${h.issuer}）`}。`,
    implements: (h) => (h.implements.length ? `本计划为执行以下文件而制定（文件名为越南语原文）：${h.implements.join("；")}。` : "我手上的这份计划没有列出依据的文件。"),
    period: (h) => `实施期限：${cjkPeriod(h.period, "zh")}。`,
    title: (h) => `计划名称（越南语原文）：${h.title}。`,
  },
  ko: {
    signer: (h) => (h.signer ? `서명자: ${h.signer}${h.signerTitle ? `(직책, 계획 원문 표기: ${h.signerTitle})` : ""}.` : "제가 가진 계획 사본에는 서명자가 적혀 있지 않습니다."),
    number: (h) => (h.number ? `문서 번호: ${h.number}.` : "제가 가진 계획 사본에는 문서 번호 칸이 비어 있습니다(“Số: /KH-UBND”)."),
    date: (h) => {
      const d = planDateCjk(h.date, "ko");
      if (!d) return "제가 가진 계획 사본에는 발표일이 적혀 있지 않습니다.";
      return h.date!.length === 10 ? `발표일: ${d}.` : `제가 가진 계획 사본에는 ${d}만 적혀 있고 정확한 날짜는 없습니다.`;
    },
    issuer: (h, issuer) => `발표 기관: ${issuer === h.issuer ? h.issuer : `${issuer}(${h.issuer})`}.`,
    implements: (h) => (h.implements.length ? `이 계획은 다음 문서를 이행하기 위한 것입니다(문서명은 베트남어 원문): ${h.implements.join("; ")}.` : "제가 가진 계획 사본에는 근거 문서가 적혀 있지 않습니다."),
    period: (h) => `시행 기간: ${cjkPeriod(h.period, "ko")}.`,
    title: (h) => `계획명(베트남어 원문): ${h.title}.`,
  },
};

/** "2026–2030" → "2026–2030年" / "2026–2030년"; "đến năm 2030" → "至2030年" / "2030년까지"; anything else as the plan writes it. */
function cjkPeriod(period: string, lang: CjkLang): string {
  const until = period.match(/^đến năm (\d{4})$/);
  if (until) return lang === "zh" ? `至${until[1]}年` : `${until[1]}년까지`;
  if (/^\d{4}\s*[–-]\s*\d{4}$/.test(period)) return lang === "zh" ? `${period}年` : `${period}년`;
  return period;
}

/** An answer from the plan's header (number, date, issuer, signer, documents it implements, period, title). */
export function composeHeader(h: PlanHeaderFacts, fact: HeaderFact, language: Language, fromParent: boolean, localities: readonly UnitName[] = []): PlanAnswer {
  let lead: string;
  let source: string;
  if (language === "zh" || language === "ko") {
    const issuer = issuerCjk(h.issuer, language, localities);
    const plan = planNameCjk(h, language, issuer);
    lead = HEADER_CJK[language][fact](h, issuer);
    source = language === "zh" ? `出处：${plan}的开头部分。` : `출처: ${plan}의 머리 부분.`;
  } else if (language === "vi") [lead, source] = [HEADER_VI[fact](h), `Theo phần đầu văn bản ${planName(h, "vi")}.`];
  else [lead, source] = [HEADER_EN[fact](h), `Source: the header of ${planName(h, "en")}.`];
  return { text: `${lead}\n${source}`, lead, covered: true, type: "header", packId: h.packId, planId: h.planId, sections: ["header"], fromParent, coverage: 1, quotes: [] };
}
