import { fold } from "../../nlu/index.js";

/**
 * Reading a reminder request: how many days before ("5 ngày", "một tuần", "3 days", "a week"), whether it is about new
 * classes and of which kind, and whether a manage message ends a reminder or lists them. Works on the folded text, so
 * "nhac minh truoc hoi lim 5 ngay" and "nhắc mình trước hội Lim 5 ngày" read the same.
 */

const NUMBER_WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, a: 1 };

const CJK_NUMBERS: Record<string, number> = { 一: 1, 两: 2, 兩: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 하루: 1, 이틀: 2, 사흘: 3, 나흘: 4, 닷새: 5, 열흘: 10, 일주일: 7 };

/**
 * "提前3天" / "前三天" / "一周前" / "3일 전" / "이틀 전" / "일주일 전": days before, from a Chinese or Korean message.
 * Only a count said to be before, so a date ("2月18日", "2월 18일") is not read as days.
 */
function cjkDaysBefore(text: string): number | undefined {
  const ko = /(?:(\d{1,2})\s*(일|주)|(하루|이틀|사흘|나흘|닷새|열흘|일주일))\s*(?:정도\s*)?전/.exec(text);
  if (ko) return ko[3] ? CJK_NUMBERS[ko[3]] : Number(ko[1]) * (ko[2] === "주" ? 7 : 1);
  const count = "(\\d{1,2}|[一两兩二三四五六七八九十])\\s*(?:个|個)?\\s*(天|日|周|週|星期|礼拜|禮拜)";
  const zh = new RegExp(`(?:提前|前)\\s*${count}|${count}\\s*(?:之前|以前|前)`).exec(text);
  if (!zh) return undefined;
  const [n, unit] = zh[1] ? [zh[1], zh[2]] : [zh[3], zh[4]];
  const days = /^\d+$/.test(n) ? Number(n) : CJK_NUMBERS[n];
  return /^(天|日)$/.test(unit) ? days : days * 7;
}

/** Days before, 1–60; undefined when the message gives none. */
export function daysBeforeOf(text: string): number | undefined {
  if (/[\p{Script=Han}\p{Script=Hangul}]/u.test(text)) {
    const days = cjkDaysBefore(text);
    return days !== undefined && days >= 1 && days <= 60 ? days : undefined;
  }
  const folded = fold(text);
  const match = /(\d{1,2}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|one|two|three|four|five|six|seven|ten|a)\s*(ngay|hom|days?|tuan|weeks?)\b/.exec(folded);
  if (!match) return undefined;
  const count = /^\d+$/.test(match[1]) ? Number(match[1]) : NUMBER_WORDS[match[1]];
  const days = /^(tuan|week)/.test(match[2]) ? count * 7 : count;
  return days >= 1 && days <= 60 ? days : undefined;
}

/** "lớp quan họ mới" → quan_ho, "lớp nghề / giấy dó / craft class" → craft; undefined when not about classes. */
export function classKindOf(text: string, classKinds: ("quan_ho" | "craft")[] = []): "quan_ho" | "craft" | undefined {
  // Chinese and Korean: a class (课程, 班, 강좌, 수업) of Quan họ (官贺, 관호) or a craft (手工, 工艺, 공예).
  if (/[\p{Script=Han}\p{Script=Hangul}]/u.test(text)) {
    if (!/课|課|班|강좌|수업|강의|개강/.test(text) && classKinds.length === 0) return undefined;
    if (/官贺|官賀|관호/.test(text)) return "quan_ho";
    if (classKinds[0]) return classKinds[0];
    return /手工|工艺|工藝|공예/.test(text) ? "craft" : "quan_ho";
  }
  const folded = fold(text);
  if (!/\b(lop|class|classes|khoa hoc|khai giang)\b/.test(folded) && classKinds.length === 0) return undefined;
  if (/\bquan ho\b/.test(folded)) return "quan_ho";
  if (classKinds[0]) return classKinds[0];
  if (/\b(nghe|thu cong|giay do|gom|tranh|craft)\b/.test(folded)) return "craft";
  return /\b(lop|class|classes)\b/.test(folded) ? "quan_ho" : undefined;
}

/** Chinese and Korean words that end reminders (取消, 停止, 不用…了, 취소, 그만, 끄기, 해지 …). */
const CJK_END = /取消|删除|刪除|删掉|關閉|关闭|关掉|關掉|停止|退订|退訂|不用|不要|不需要|不想|别再|別再|清空|취소|삭제|그만|끄|꺼|중지|해지|필요 없|싫|없애|지워/;

/** A manage message that ends reminders ("hủy nhắc", "stop reminding me") rather than listing them. */
export function isEndRequest(text: string): boolean {
  if (/[\p{Script=Han}\p{Script=Hangul}]/u.test(text)) return CJK_END.test(text);
  return /\b(huy|bo|thoi|dung|ngung|tat|xoa|khong (can|muon|nhan)|cancel|stop|unsubscribe|delete|turn off|don ?t want|no more)\b/.test(fold(text));
}

/** Messages that are reminder commands whatever the classifier says: "hủy nhắc", "nhắc của tôi", "my reminders". */
export function reminderCommand(text: string): "list" | "end" | undefined {
  const bare = text.trim().replace(/[。.!！?？]+$/u, "");
  if (/^(取消|停止|关闭|關閉)(所有)?提醒$|^알림\s*(취소|끄기|중지|해지)$/u.test(bare)) return "end";
  if (/^(我的|查看)(所有)?提醒$|^(내|제)\s*알림(\s*보기)?$/u.test(bare)) return "list";
  const folded = fold(text).trim().replace(/[.!?]+$/, "");
  if (/^(huy|bo|tat|ngung|dung|xoa) (nhac|loi nhac|nhac lich)\b/.test(folded) || /^(cancel|stop) (my )?reminders?\b/.test(folded)) return "end";
  if (/^(cac |xem )?(nhac|loi nhac|nhac lich) cua (toi|minh|em)$/.test(folded) || /^(show |list )?my reminders$/.test(folded)) return "list";
  return undefined;
}

/** Short yes / no answers to the consent question. */
export function yesNo(text: string): "yes" | "no" | undefined {
  const bare = text.trim().replace(/[。.!！?？~]+$/u, "");
  if (/^(好|好的|好啊|可以|行|是|是的|要|同意|嗯|네|예|좋아요|좋아|응|그래요|부탁해요|네 좋아요)$/u.test(bare)) return "yes";
  if (/^(不|不要|不用|不用了|算了|아니요|아니|괜찮아요|됐어요)$/u.test(bare)) return "no";
  const folded = fold(text).trim().replace(/[.!?]+$/, "");
  if (/^(co|dong y|ok|oke|okay|u|uh|vang|da|duoc|yes|yep|sure|dong y nhe|co nhe)$/.test(folded)) return "yes";
  if (/^(khong|ko|thoi|no|nope|khong can)$/.test(folded)) return "no";
  return undefined;
}
