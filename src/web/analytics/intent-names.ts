/**
 * Vietnamese names of intents (a channel's name and colour are its own: ChannelRegistry.label and color).
 *
 * @example intentName("festival_dates") // "Ngày lễ hội"
 */
const INTENTS: Record<string, string> = {
  greeting: "Chào hỏi",
  thanks: "Cảm ơn",
  festival_dates: "Ngày lễ hội",
  heritage_info: "Di tích, di sản",
  join_class: "Lớp học",
  report_violation: "Phản ánh vi phạm",
  report_status: "Tra cứu phản ánh",
  human_handoff: "Gặp cán bộ",
  plan_info: "Kế hoạch văn hóa",
  contact_info: "Liên hệ",
  out_of_scope: "Ngoài nội dung",
  choice: "Bấm nút",
  dialog: "Trả lời từng bước (phản ánh, đăng ký)",
  other: "Khác (vị trí, tệp…)",
};

/** An intent label in Vietnamese (the label itself when unknown). */
export function intentName(intent: string): string {
  return INTENTS[intent] ?? intent;
}
