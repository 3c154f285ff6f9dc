/** What the privacy feature says (Vietnamese first; the bot is "mình"). */
export const privacyTexts = {
  confirm: {
    vi:
      "Bạn muốn mình xóa dữ liệu của bạn? Lịch sử trò chuyện, thông tin liên hệ (họ tên, số điện thoại) và các đăng ký nhận tin sẽ bị xóa ngay. " +
      "Các phản ánh và đăng ký lớp học bạn đã gửi được giữ lại ở dạng ẩn danh (không còn họ tên, số điện thoại) để cơ quan tiếp tục xử lý, nên cán bộ sẽ không liên hệ lại được với bạn. Việc này không hoàn tác được.",
    en:
      "Do you want me to delete your data? Your chat history, contact details (name, phone number) and subscriptions will be erased at once. " +
      "Reports and class registrations you sent are kept anonymously (without your name or phone number) so the office can finish handling them; staff will no longer be able to contact you. This cannot be undone.",
    zh:
      "您要我删除您的数据吗？您的聊天记录、联系方式（姓名、电话号码）和订阅的提醒会立即删除。" +
      "您提交过的举报和课程报名会以匿名方式保留（不再有姓名和电话号码），以便相关部门继续处理，工作人员将无法再联系您。此操作无法撤销。",
    ko:
      "데이터를 삭제할까요? 대화 기록, 연락처(이름, 전화번호), 신청한 알림이 즉시 삭제됩니다. " +
      "보내신 신고와 강좌 신청은 기관이 처리를 마칠 수 있도록 익명으로(이름과 전화번호 없이) 남으며, 직원이 더 이상 연락드릴 수 없게 됩니다. 되돌릴 수 없습니다.",
  },
  eraseChoice: { vi: "Xóa dữ liệu", en: "Delete my data", zh: "删除数据", ko: "데이터 삭제" },
  keepChoice: { vi: "Không", en: "No", zh: "不用了", ko: "아니요" },
  kept: { vi: "Mình giữ nguyên dữ liệu của bạn.", en: "I have kept your data as it is.", zh: "您的数据保持不变。", ko: "데이터를 그대로 두었어요." },
  backToDialog: { vi: "Bạn trả lời tiếp câu hỏi lúc nãy nhé.", en: "You can go on answering my earlier question.", zh: "请继续回答我刚才的问题。", ko: "아까 드린 질문에 이어서 답해 주세요." },
  erased: {
    vi: "Mình đã xóa dữ liệu của bạn: lịch sử trò chuyện, thông tin liên hệ và các đăng ký nhận tin. Các phản ánh bạn đã gửi được giữ ở dạng ẩn danh. Nếu bạn nhắn tiếp, mình sẽ bắt đầu một cuộc trò chuyện mới.",
    en: "I have deleted your data: chat history, contact details and subscriptions. Reports you sent are kept anonymously. If you write again, we start a new conversation.",
    zh: "已删除您的数据：聊天记录、联系方式和订阅的提醒。您提交过的举报以匿名方式保留。如果您再发消息，我们将开始新的对话。",
    ko: "데이터를 삭제했어요: 대화 기록, 연락처, 신청한 알림. 보내신 신고는 익명으로 남아 있습니다. 다시 메시지를 보내시면 새 대화로 시작합니다.",
  },
} as const;
