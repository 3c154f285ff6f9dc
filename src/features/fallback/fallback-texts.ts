/** What the fallback says (src/features/fallback/fallback.ts). */
export const fallbackTexts = {
  notUnderstood: {
    vi: "Xin lỗi, mình chưa hiểu ý bạn. Mình có thể giúp tra cứu lễ hội, di sản, lớp Quan họ, nội dung kế hoạch văn hóa, hoặc nhận phản ánh. Bạn cũng có thể gặp cán bộ.",
    en: "Sorry, I did not understand. I can help with festivals, heritage, Quan họ classes, what the culture plans say, or take a report. You can also talk to a staff member.",
  },
} as const;
