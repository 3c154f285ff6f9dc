import type { Bilingual } from "../../shared/bilingual.js";

/** What the report dialog says (src/features/reports/report-dialog.ts and its steps), in one place for review. */
export const reportTexts = {
  // — starting, resuming, leaving —
  intro: { vi: "Mình sẽ giúp bạn gửi phản ánh tới cơ quan chức năng. Bạn có thể nhắn “hủy” bất cứ lúc nào để dừng.", en: "I will help you send a report to the authorities. Write “cancel” at any time to stop." },
  guessedKind: (vi: string, en: string): Bilingual => ({ vi: `Loại phản ánh: ${vi} (sửa được ở bước cuối).`, en: `Kind of report: ${en} (you can change it at the end).` }),
  resumed: { vi: "Mình tiếp tục phản ánh bạn đang soạn dở.", en: "Let us continue the report you started." },
  resumeLine: { vi: "Quay lại phản ánh bạn đang soạn:", en: "Back to your report:" },
  cancelled: { vi: "Đã hủy phản ánh; thông tin bạn vừa nhập không được lưu.", en: "The report is cancelled; nothing you entered was kept." },
  draftSaved: { vi: "Phản ánh bạn đang soạn dở đã được lưu nháp. Khi muốn hoàn thành, bạn nhắn “tiếp tục”.", en: "The report you were writing is saved as a draft. Write “continue” when you want to finish it." },
  continueReport: { vi: "Tiếp tục phản ánh", en: "Continue report" },
  draftWaiting: (about: string): Bilingual => ({ vi: `Bạn có một phản ánh đang soạn dở${about}. Bạn muốn tiếp tục hay bắt đầu phản ánh mới?`, en: `You have an unfinished report${about}. Continue it or start a new one?` }),
  continue: { vi: "Tiếp tục", en: "Continue" },
  newReport: { vi: "Phản ánh mới", en: "New report" },
  // — category —
  askCategory: { vi: "Bạn muốn phản ánh về việc gì? Chọn một loại (hoặc nhắn số):", en: "What is the report about? Pick one (or send its number):" },
  other: { vi: "Khác", en: "Other" },
  notedPickKind: { vi: "Mình đã ghi lại nội dung bạn kể. Bạn chọn giúp loại phản ánh gần nhất.", en: "I have noted what you wrote. Please pick the closest kind of report." },
  gotPickKind: { vi: "Mình đã nhận. Bạn chọn giúp loại phản ánh.", en: "Got it. Please pick the kind of report." },
  unknownKind: { vi: "Mình chưa rõ loại phản ánh.", en: "I could not tell the kind of report." },
  // — description —
  askDescription: { vi: "Bạn mô tả ngắn gọn sự việc giúp mình: chuyện gì đã xảy ra, ai liên quan (nếu biết).", en: "Please describe briefly what happened and who was involved (if you know)." },
  addedToEvidence: { vi: "Mình đã nhận (thêm vào bằng chứng).", en: "Got it (added to the evidence)." },
  descriptionNeeded: { vi: "Phần mô tả là bắt buộc.", en: "A description is needed." },
  // — place —
  askPlace: { vi: "Việc này xảy ra ở đâu? Bạn ghi địa chỉ hoặc tên địa điểm, hoặc chia sẻ vị trí. Không rõ thì chọn “Bỏ qua”.", en: "Where did it happen? Write the address or place name, or share your location. If you are not sure, choose “Skip”." },
  noPlace: { vi: "Mình chưa nhận được địa điểm.", en: "I did not get a place." },
  // — when —
  askWhen: { vi: "Việc xảy ra khi nào? (ví dụ: “tối qua”, “sáng nay”, “20/11”)", en: "When did it happen? (e.g. “last night”, “this morning”, “20/11”)" },
  today: { vi: "Hôm nay", en: "Today" },
  yesterday: { vi: "Hôm qua", en: "Yesterday" },
  todayWord: { vi: "hôm nay", en: "today" },
  yesterdayWord: { vi: "hôm qua", en: "yesterday" },
  noTime: { vi: "Mình chưa nhận được thời gian.", en: "I did not get a time." },
  // — evidence —
  askEvidence: (have: string): Bilingual => ({
    vi: `Bạn có ảnh, video, tệp hay đường link làm bằng chứng không? Gửi bao nhiêu cũng được, xong thì nhắn “xong”. Không có thì chọn “Bỏ qua”.${have ? ` Đã có: ${have}.` : ""}`,
    en: `Do you have photos, videos, files or links as evidence? Send as many as you like, then write “done”. If you have none, choose “Skip”.${have ? ` So far: ${have}.` : ""}`,
  }),
  done: { vi: "Xong", en: "Done" },
  received: (count: string): Bilingual => ({ vi: `Đã nhận (${count}). Bạn gửi thêm, hoặc chọn “Xong”.`, en: `Received (${count}). Send more, or choose “Done”.` }),
  noEvidence: { vi: "Mình chưa thấy ảnh, tệp hay đường link nào.", en: "I did not see a photo, file or link." },
  images: (n: number): Bilingual => ({ vi: `${n} ảnh`, en: `${n} image${n > 1 ? "s" : ""}` }),
  files: (n: number): Bilingual => ({ vi: `${n} tệp`, en: `${n} file${n > 1 ? "s" : ""}` }),
  links: (n: number): Bilingual => ({ vi: `${n} liên kết`, en: `${n} link${n > 1 ? "s" : ""}` }),
  none: { vi: "không có", en: "none" },
  // — contact —
  askContact: {
    vi: "Để cán bộ liên hệ lại khi cần, bạn cho mình xin họ tên và số điện thoại (ví dụ: Nguyễn Văn An 0912345678). Nếu không muốn để lại, chọn “Ẩn danh”.",
    en: "So staff can contact you if needed, please give your full name and phone number (e.g. Nguyen Van An 0912345678). If you prefer not to, choose “Anonymous”.",
  },
  anonymous: { vi: "Ẩn danh", en: "Anonymous" },
  anonymousNote: {
    vi: "Bạn gửi ẩn danh: phản ánh vẫn được tiếp nhận và xử lý như mọi phản ánh khác, nhưng cán bộ không gọi lại được để hỏi thêm. Bạn vẫn nhận cập nhật và tra cứu được qua tin nhắn này.",
    en: "You are reporting anonymously: the report is handled like any other, but staff cannot call you back for details. You still get updates and can check it here.",
  },
  noContact: { vi: "Mình chưa nhận được họ tên và số điện thoại.", en: "I did not get a name and phone number." },
  unreadableContact: { vi: "Mình chưa đọc được họ tên và số điện thoại.", en: "I could not read a name and phone number." },
  askName: { vi: "Bạn cho mình xin họ tên.", en: "Please give your full name." },
  askPhone: { vi: "Bạn cho mình xin số điện thoại.", en: "Please give your phone number." },
  contactNoted: (name: string, phone: string): Bilingual => ({ vi: `Mình ghi nhận: ${name}, số ${phone}.`, en: `Noted: ${name}, number ${phone}.` }),
  // — summary —
  summaryTitle: { vi: "Mình tóm tắt phản ánh của bạn:", en: "Here is your report:" },
  kind: { vi: "Loại", en: "Kind" },
  what: { vi: "Nội dung", en: "What happened" },
  descriptionItem: { vi: "Nội dung", en: "Description" },
  place: { vi: "Địa điểm", en: "Place" },
  when: { vi: "Thời gian", en: "When" },
  evidence: { vi: "Bằng chứng", en: "Evidence" },
  contact: { vi: "Liên hệ", en: "Contact" },
  notGiven: { vi: "chưa rõ", en: "not given" },
  sharedLocation: (where: string): Bilingual => ({ vi: `vị trí đã chia sẻ (${where})`, en: `shared location (${where})` }),
  summaryPrompt: { vi: "Bạn chọn “Gửi” để gửi, “Sửa” để sửa một mục, hoặc “Hủy”.", en: "Choose “Send”, “Edit” to change something, or “Cancel”." },
  send: { vi: "Gửi", en: "Send" },
  // — sent —
  sent: (code: string): Bilingual => ({ vi: `Đã gửi phản ánh của bạn. Mã phản ánh: ${code}.`, en: `Your report has been sent. Report code: ${code}.` }),
  responsibleUnit: { vi: "đơn vị phụ trách", en: "the responsible unit" },
  goesTo: (unit: string): Bilingual => ({
    vi: `Phản ánh được chuyển tới ${unit}, đơn vị phụ trách loại việc này. Cán bộ sẽ xem xét và cập nhật trạng thái; mình sẽ nhắn bạn khi có thay đổi.`,
    en: `It goes to ${unit}, the unit responsible for this kind of matter. Staff will look into it and update its status; I will message you when it changes.`,
  }),
  checkAnyTime: (code: string): Bilingual => ({ vi: `Bạn tra cứu bất cứ lúc nào bằng cách nhắn “tra cứu ${code}”.`, en: `You can check it any time by writing “status ${code}”.` }),
} as const;
