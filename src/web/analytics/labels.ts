/**
 * Vietnamese names of intents and channels, and the channels' chart colours.
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

const CHANNELS: Record<string, { name: string; color: string }> = {
  zalo: { name: "Zalo", color: "#0068ff" },
  messenger: { name: "Messenger", color: "#a033ff" },
  web: { name: "Web", color: "#1d8a4f" },
  cli: { name: "Dòng lệnh", color: "#8a8f98" },
};

/** A channel's display name. */
export function channelName(channel: string): string {
  return CHANNELS[channel]?.name ?? channel;
}

/** A channel's chart colour. */
export function channelColor(channel: string, index: number): string {
  return CHANNELS[channel]?.color ?? ["#c77700", "#8a1c1c", "#2b7a78"][index % 3];
}
