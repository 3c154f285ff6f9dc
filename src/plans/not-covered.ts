/**
 * "Not covered": which plans were searched, where a text is cut off (Bắc Ninh's 220/KH-UBND stops after III.3), and
 * that staff can answer; in Vietnamese, English, Chinese or Korean.
 */
import { planName, type Lang } from "./citation.js";
import { issuerCjk, planNameCjk } from "./citation-cjk.js";
import type { PlanAnswer, PlanLanguage as Language, UnitName } from "./plan-answer.js";
import type { PlanHeaderFacts } from "./plan-model.js";
import type { QuestionType } from "./question-type.js";

/** The "not covered" wording in Chinese and Korean. */
const NOT_COVERED_CJK = {
  zh: {
    silent: (names: string[]) => `${names.join("；")}${names.length > 1 ? "都" : ""}没有提到这方面的内容。`,
    none: "我这里还没有本地的文化计划。",
    cut: (name: string, after: string) => `注意：我手上的${name}在第${after}节之后缺失，所以不了解后面的部分（如经费、任务分工）。`,
    staff: "您可以选择“人工客服”，由文化部门的工作人员回答。",
  },
  ko: {
    silent: (names: string[]) => `${names.join("; ")}에는 이 내용이 없습니다.`,
    none: "이 지역의 문화 계획은 아직 가지고 있지 않습니다.",
    cut: (name: string, after: string) => `참고: 제가 가진 ${name} 사본은 ${after}항 이후가 빠져 있어 뒷부분(예산, 업무 분담 등)은 알 수 없습니다.`,
    staff: "‘직원 연결’을 선택하시면 문화 담당 직원이 답변해 드립니다.",
  },
} as const;

/** "Not covered": which plans were searched, where a text is cut off, and that staff can answer. */
export function composeNotCovered(
  _question: string,
  searched: PlanHeaderFacts[],
  language: Language,
  type: QuestionType,
  coverage = 0,
  localities: readonly UnitName[] = [],
): PlanAnswer {
  const out: string[] = [];
  if (language === "zh" || language === "ko") {
    const w = NOT_COVERED_CJK[language];
    const name = (h: PlanHeaderFacts) => planNameCjk(h, language, issuerCjk(h.issuer, language, localities));
    out.push(searched.length ? w.silent(searched.map(name)) : w.none);
    for (const h of searched.filter((x) => x.truncatedAfter)) out.push(w.cut(name(h), h.truncatedAfter!));
    out.push(w.staff);
    return { text: out.join("\n"), covered: false, type, sections: [], fromParent: false, coverage, quotes: [] };
  }
  const lang: Lang = language;
  const vi = lang === "vi";
  const names = searched.map((h) => planName(h, lang));
  // (In English a plan without a number is "the plan “…”", which cannot start a sentence: "My copy of the plan …".)
  const en = names.length > 1 ? `My copies of ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} do not mention this.` : `My copy of ${names[0]} does not mention this.`;
  if (names.length) out.push(vi ? `${names.join("; ")} chưa đề cập nội dung này.` : en);
  else out.push(vi ? "Mình chưa có kế hoạch văn hóa nào của địa phương này." : "I have no culture plan for this locality yet.");
  for (const h of searched.filter((x) => x.truncatedAfter)) {
    out.push(
      vi
        ? `Lưu ý: văn bản ${planName(h, "vi")} mà mình có bị cắt sau mục ${h.truncatedAfter}, nên mình không biết các phần sau (như kinh phí, tổ chức thực hiện).`
        : `Note: my copy of ${planName(h, "en")} is cut off after section ${h.truncatedAfter}, so I do not know its later parts (such as funding and assignments).`,
    );
  }
  out.push(vi ? "Bạn có thể chọn “Gặp cán bộ” để được cán bộ văn hóa trả lời." : "You can choose “Talk to staff” to ask the culture office.");
  return { text: out.join("\n"), covered: false, type, sections: [], fromParent: false, coverage, quotes: [] };
}
