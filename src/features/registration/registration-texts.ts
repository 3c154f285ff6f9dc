import type { Bilingual } from "../../shared/bilingual.js";

/** What class registration says (src/features/registration/registration-dialog.ts and its steps). */
export const registrationTexts = {
  // — starting —
  intro: { vi: "Mình giúp bạn đăng ký lớp. Nhắn “hủy” bất cứ lúc nào để dừng.", en: "I will help you register for a class. Write “cancel” at any time to stop." },
  notScheduled: (phrase: string, title: string): Bilingual => ({ vi: `${phrase} chưa có lịch mở lớp nên chưa nhận đăng ký.`, en: `${title} is not scheduled yet, so it is not taking registrations.` }),
  noLongerListed: { vi: "Lớp này không còn trong danh sách.", en: "That class is no longer listed." },
  classGone: { vi: "(lớp không còn trong danh sách)", en: "(class no longer listed)" },
  noClassOpen: { vi: "Hiện chưa có lớp nào nhận đăng ký.", en: "No class is taking registrations now." },
  cancelled: { vi: "Đã hủy đăng ký; thông tin bạn vừa nhập không được lưu.", en: "Registration cancelled; nothing you entered was kept." },
  resumeLine: { vi: "Quay lại đăng ký lớp của bạn:", en: "Back to your class registration:" },
  // — class and waiting list —
  whichClass: { vi: "Bạn muốn đăng ký lớp nào?", en: "Which class would you like to join?" },
  pickClass: { vi: "Bạn chọn một lớp trong danh sách.", en: "Please pick one of the classes." },
  full: (phrase: string, title: string): Bilingual => ({
    vi: `${phrase} đã đủ chỗ. Bạn có muốn vào danh sách chờ không? Khi có chỗ trống, cán bộ liên hệ theo thứ tự đăng ký.`,
    en: `${title} is full. Would you like to join the waiting list? When a place opens, staff call people in order.`,
  }),
  joinWaitlist: { vi: "Vào danh sách chờ", en: "Join waiting list" },
  noThanks: { vi: "Không, cảm ơn", en: "No, thanks" },
  pickWaitlist: { vi: "Bạn chọn “Vào danh sách chờ” hoặc “Không”.", en: "Please choose “Join waiting list” or “No”." },
  notRegistered: { vi: "Vậy mình không ghi danh. Khi lớp mở thêm chỗ, bạn có thể đăng ký lại.", en: "All right, nothing is registered. You can sign up again when places open." },
  // — for whom —
  forWhom: { vi: "Bạn đăng ký cho ai?", en: "Who are you registering?" },
  myself: { vi: "Cho bản thân", en: "Myself" },
  myChild: { vi: "Cho con, cháu", en: "My child" },
  pickWho: { vi: "Bạn chọn “Cho bản thân” hoặc “Cho con, cháu”.", en: "Please choose “Myself” or “My child”." },
  noChildren: { vi: "Lớp này không nhận trẻ em.", en: "This class does not take children." },
  childrenOnly: { vi: "Lớp này chỉ nhận trẻ em.", en: "This class is for children only." },
  // — name, phone, child —
  askParentName: { vi: "Bạn cho mình xin họ và tên của bạn (phụ huynh, người liên hệ).", en: "Please give your full name (parent or contact person)." },
  askName: { vi: "Bạn cho mình xin họ và tên.", en: "Please give your full name." },
  askPhone: { vi: "Số điện thoại liên hệ của bạn?", en: "Your phone number?" },
  askChildName: { vi: "Họ và tên của bé?", en: "Your child's full name?" },
  askChildAge: { vi: "Bé bao nhiêu tuổi?", en: "How old is your child?" },
  badAge: (min: number, max: number): Bilingual => ({
    vi: `Tuổi của bé là một số từ ${min} đến ${max} (từ 18 tuổi, bạn đăng ký như người lớn).`,
    en: `The age is a number from ${min} to ${max} (from 18, register as an adult).`,
  }),
  // — summary and edit items —
  summaryTitle: { vi: "Mình tóm tắt đăng ký của bạn:", en: "Here is your registration:" },
  class: { vi: "Lớp", en: "Class" },
  onWaitlist: { vi: " (danh sách chờ)", en: " (waiting list)" },
  registeredBy: { vi: "Người đăng ký", en: "Registered by" },
  name: { vi: "Họ tên", en: "Name" },
  phone: { vi: "Số điện thoại", en: "Phone" },
  student: { vi: "Học viên", en: "Student" },
  yearsOld: { vi: "tuổi", en: "years old" },
  childName: { vi: "Tên bé", en: "Child's name" },
  childAge: { vi: "Tuổi bé", en: "Child's age" },
  who: { vi: "Đăng ký cho ai", en: "Who" },
  summaryPrompt: { vi: "Bạn chọn “Xác nhận” để gửi, “Sửa” để sửa, hoặc “Hủy”.", en: "Choose “Confirm”, “Edit” or “Cancel”." },
  confirm: { vi: "Xác nhận", en: "Confirm" },
  // — registered —
  becameFull: { vi: "Lớp vừa đủ chỗ trong lúc bạn đăng ký, nên bạn được xếp vào danh sách chờ.", en: "The class filled up while you were registering, so you are on the waiting list." },
  waiting: (phrase: string, title: string, code: string): Bilingual => ({ vi: `Bạn đã vào danh sách chờ ${phrase}. Mã đăng ký: ${code}.`, en: `You are on the waiting list for ${title}. Registration code: ${code}.` }),
  registered: (phrase: string, title: string, code: string): Bilingual => ({ vi: `Đã ghi danh ${phrase}. Mã đăng ký: ${code}.`, en: `You are registered for ${title}. Registration code: ${code}.` }),
  staffWillCall: { vi: "Khi có chỗ trống, cán bộ sẽ liên hệ với bạn theo thứ tự đăng ký.", en: "When a place opens, staff will contact you in order of registration." },
  firstSession: (day: string): Bilingual => ({ vi: `Buổi học đầu tiên: ${day}. Mình sẽ nhắn nhắc bạn trước một ngày.`, en: `First session: ${day}. I will remind you the day before.` }),
  notScheduledYet: (phone: string): Bilingual => ({
    vi: `Lớp chưa có lịch buổi đầu tiên; cán bộ sẽ liên hệ qua số ${phone} để báo lịch.`,
    en: `The first session is not scheduled yet; staff will call ${phone} with the schedule.`,
  }),
} as const;
