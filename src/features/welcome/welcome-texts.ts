import type { Bilingual } from "../../shared/bilingual.js";

/** What the welcome says (src/features/welcome/follow.ts). */
export const welcomeTexts = {
  welcome: (names: { vi: string; en?: string }): Bilingual => ({
    vi: `Cảm ơn bạn đã quan tâm ${names.vi}! Mình là trợ lý văn hóa: tra cứu lễ hội, di sản, lớp Quan họ và tiếp nhận phản ánh về văn hóa.`,
    en: `Thanks for following ${names.en ?? names.vi}! I am the culture assistant: festivals, heritage, Quan họ classes and reports.`,
  }),
};
