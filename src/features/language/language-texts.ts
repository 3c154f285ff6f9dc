/**
 * What the language feature says: the confirmation of a switch, and the notice that reports and class
 * registration are in Vietnamese and English only.
 */
import type { Language, Bilingual } from "../../shared/bilingual.js";

/** The reply to "中文", "한국어", "English", "Tiếng Việt" (or the welcome's language choice), in the new language. */
export const SWITCHED: Record<Language, string> = {
  vi: "Được rồi, từ giờ mình trả lời bằng tiếng Việt nhé. Bạn muốn tìm hiểu gì?",
  en: "OK, I will answer in English from now on. What would you like to know?",
  zh: "好的，接下来我用中文为您服务。您可以查询节日庙会、文化遗产和联系方式；官贺课程和举报目前只提供越南语和英语服务。",
  ko: "좋아요, 이제 한국어로 안내해 드릴게요. 축제, 문화유산, 연락처를 물어보실 수 있어요. 관호 수업과 신고는 베트남어와 영어로만 안내합니다.",
};

/** Why a Chinese or Korean speaker is offered English or staff for a report or a class. */
export const VI_EN_ONLY: { report: Bilingual; classes: Bilingual } = {
  report: {
    vi: "",
    en: "",
    zh: "举报目前只能用越南语或英语提交。您可以改用英语继续，或请工作人员协助。",
    ko: "신고는 현재 베트남어나 영어로만 접수할 수 있습니다. 영어로 계속하시거나 직원에게 도움을 요청하세요.",
  },
  classes: {
    vi: "",
    en: "",
    zh: "课程（官贺民歌、传统手工艺）的介绍和报名目前只提供越南语和英语服务。您可以改用英语继续，或请工作人员协助。",
    ko: "강좌(관호 민요, 전통 공예) 안내와 신청은 현재 베트남어와 영어로만 가능합니다. 영어로 계속하시거나 직원에게 도움을 요청하세요.",
  },
};

/** The choice that continues in English. */
export const CONTINUE_IN_ENGLISH: Bilingual = { vi: "Continue in English", en: "Continue in English", zh: "用英语继续", ko: "영어로 계속" };
