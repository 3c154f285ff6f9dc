/** What the privacy feature says (Vietnamese first; the bot is "mình"). */
export const privacyTexts = {
  confirm: {
    vi:
      "Bạn muốn mình xóa dữ liệu của bạn? Lịch sử trò chuyện, thông tin liên hệ (họ tên, số điện thoại) và các đăng ký nhận tin sẽ bị xóa ngay. " +
      "Các phản ánh và đăng ký lớp học bạn đã gửi được giữ lại ở dạng ẩn danh (không còn họ tên, số điện thoại) để cơ quan tiếp tục xử lý, nên cán bộ sẽ không liên hệ lại được với bạn. Việc này không hoàn tác được.",
    en:
      "Do you want me to delete your data? Your chat history, contact details (name, phone number) and subscriptions will be erased at once. " +
      "Reports and class registrations you sent are kept anonymously (without your name or phone number) so the office can finish handling them; staff will no longer be able to contact you. This cannot be undone.",
  },
  eraseChoice: { vi: "Xóa dữ liệu", en: "Delete my data" },
  keepChoice: { vi: "Không", en: "No" },
  kept: { vi: "Mình giữ nguyên dữ liệu của bạn.", en: "I have kept your data as it is." },
  backToDialog: { vi: "Bạn trả lời tiếp câu hỏi lúc nãy nhé.", en: "You can go on answering my earlier question." },
  erased: {
    vi: "Mình đã xóa dữ liệu của bạn: lịch sử trò chuyện, thông tin liên hệ và các đăng ký nhận tin. Các phản ánh bạn đã gửi được giữ ở dạng ẩn danh. Nếu bạn nhắn tiếp, mình sẽ bắt đầu một cuộc trò chuyện mới.",
    en: "I have deleted your data: chat history, contact details and subscriptions. Reports you sent are kept anonymously. If you write again, we start a new conversation.",
  },
} as const;
