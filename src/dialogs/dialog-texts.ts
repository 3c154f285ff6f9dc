import type { Bilingual } from "../shared/bilingual.js";

/** What every dialog says the same way: the runner, the summary, the "Sửa" list, the name and phone steps. */
export const dialogTexts = {
  cancel: { vi: "Hủy", en: "Cancel" },
  skip: { vi: "Bỏ qua", en: "Skip" },
  edit: { vi: "Sửa", en: "Edit" },
  cannotSkip: { vi: "Bước này cần thiết, không bỏ qua được.", en: "This step is needed and cannot be skipped." },
  whichItem: { vi: "Bạn muốn sửa mục nào?", en: "What would you like to change?" },
  pickFromList: { vi: "Bạn chọn một mục trong danh sách.", en: "Please pick one of the items." },
  pickSummaryChoice: (submit: Bilingual): Bilingual => ({
    vi: `Bạn chọn “${submit.vi}”, “Sửa” hoặc “Hủy” giúp mình.`,
    en: `Please choose “${submit.en}”, “Edit” or “Cancel”.`,
  }),
  // — name and phone (src/dialogs/person-steps.ts) —
  badName: { vi: "Họ tên chỉ gồm chữ, từ 2 đến 80 ký tự.", en: "A name is letters only, 2 to 80 characters." },
  badPhone: {
    vi: "Số điện thoại chưa đúng: số di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (hoặc +84).",
    en: "That phone number does not look right: a Vietnamese mobile has 10 digits starting 03, 05, 07, 08 or 09 (or +84).",
  },
  phoneNoted: (masked: string): Bilingual => ({ vi: `Số điện thoại: ${masked}.`, en: `Phone number: ${masked}.` }),
} as const;
