import { fold } from "../../nlu/index.js";

/**
 * Reading a reminder request: how many days before ("5 ngày", "một tuần", "3 days", "a week"), whether it is about new
 * classes and of which kind, and whether a manage message ends a reminder or lists them. Works on the folded text, so
 * "nhac minh truoc hoi lim 5 ngay" and "nhắc mình trước hội Lim 5 ngày" read the same.
 */

const NUMBER_WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, a: 1 };

/** Days before, 1–60; undefined when the message gives none. */
export function daysBeforeOf(text: string): number | undefined {
  const folded = fold(text);
  const match = /(\d{1,2}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|one|two|three|four|five|six|seven|ten|a)\s*(ngay|hom|days?|tuan|weeks?)\b/.exec(folded);
  if (!match) return undefined;
  const count = /^\d+$/.test(match[1]) ? Number(match[1]) : NUMBER_WORDS[match[1]];
  const days = /^(tuan|week)/.test(match[2]) ? count * 7 : count;
  return days >= 1 && days <= 60 ? days : undefined;
}

/** "lớp quan họ mới" → quan_ho, "lớp nghề / giấy dó / craft class" → craft; undefined when not about classes. */
export function classKindOf(text: string, classKinds: ("quan_ho" | "craft")[] = []): "quan_ho" | "craft" | undefined {
  const folded = fold(text);
  if (!/\b(lop|class|classes|khoa hoc|khai giang)\b/.test(folded) && classKinds.length === 0) return undefined;
  if (/\bquan ho\b/.test(folded)) return "quan_ho";
  if (classKinds[0]) return classKinds[0];
  if (/\b(nghe|thu cong|giay do|gom|tranh|craft)\b/.test(folded)) return "craft";
  return /\b(lop|class|classes)\b/.test(folded) ? "quan_ho" : undefined;
}

/** A manage message that ends reminders ("hủy nhắc", "stop reminding me") rather than listing them. */
export function isEndRequest(text: string): boolean {
  return /\b(huy|bo|thoi|dung|ngung|tat|xoa|khong (can|muon|nhan)|cancel|stop|unsubscribe|delete|turn off|don ?t want|no more)\b/.test(fold(text));
}

/** Messages that are reminder commands whatever the classifier says: "hủy nhắc", "nhắc của tôi", "my reminders". */
export function reminderCommand(text: string): "list" | "end" | undefined {
  const folded = fold(text).trim().replace(/[.!?]+$/, "");
  if (/^(huy|bo|tat|ngung|dung|xoa) (nhac|loi nhac|nhac lich)\b/.test(folded) || /^(cancel|stop) (my )?reminders?\b/.test(folded)) return "end";
  if (/^(cac |xem )?(nhac|loi nhac|nhac lich) cua (toi|minh|em)$/.test(folded) || /^(show |list )?my reminders$/.test(folded)) return "list";
  return undefined;
}

/** Short yes / no answers to the consent question. */
export function yesNo(text: string): "yes" | "no" | undefined {
  const folded = fold(text).trim().replace(/[.!?]+$/, "");
  if (/^(co|dong y|ok|oke|okay|u|uh|vang|da|duoc|yes|yep|sure|dong y nhe|co nhe)$/.test(folded)) return "yes";
  if (/^(khong|ko|thoi|no|nope|khong can)$/.test(folded)) return "no";
  return undefined;
}
