import { fold } from "../nlu/fold.js";

/**
 * Recognises a person asking for their data to be erased, as people write it: "xóa dữ liệu của tôi", "xoa thong tin
 * ca nhan cua minh", "delete my data", "please forget me". Matched on folded text (no diacritics, lower case), and
 * only when the message is mostly that request, so "làm sao xóa dữ liệu trên điện thoại" about something else still
 * reads as what it is.
 */

const VIETNAMESE = /\b(xoa|huy|go bo|xoa bo|xoa het|xoa giup)\b.{0,20}\b(du lieu|thong tin( ca nhan)?|tai khoan|lich su( tro chuyen| chat)?)\b.{0,16}\b(cua (toi|minh|em|tui|anh|chi|tao)|ca nhan|toi|minh)\b/;
const VIETNAMESE_SHORT = /^(hay |vui long |lam on |giup (toi|minh|em) )?(xoa|xoa het|xoa bo) (du lieu|thong tin ca nhan)( (cua )?(toi|minh|em))?( di| nhe| giup)?$/;
const ENGLISH = /\b(delete|erase|remove|wipe|clear)\b.{0,12}\b(my|all my)\b.{0,12}\b(data|personal data|information|info|details|history|conversation)\b|\bforget (about )?me\b|\bright to (erasure|be forgotten)\b/;

/** Chinese and Korean: "删除我的数据", "刪除我的資料", "清除我的个人信息", "내 데이터 삭제", "제 개인정보 지워 주세요". */
const CHINESE = /^(请|請|麻烦|麻煩|帮我|幫我)?(删除|刪除|清除|删掉|刪掉)(我的|我)?(所有)?(个人|個人)?(数据|資料|数据资料|信息|資訊|聊天记录|聊天記錄)(吧|吗|嗎)?$/u;
const KOREAN = /^(내|제|저의|나의)\s*(모든\s*)?(개인\s*)?(데이터|정보|개인정보|대화\s*기록)\s*(를|을|좀|다)?\s*(삭제|지워|지우|없애)/u;

/** Whether `text` asks to erase the writer's data. */
export function isErasureRequest(text: string | undefined): boolean {
  if (!text) return false;
  const bare = text.trim().replace(/[\s。.!！?？~]+$/u, "");
  if (CHINESE.test(bare.replace(/\s+/g, "")) || KOREAN.test(bare)) return true;
  const folded = fold(text).toLowerCase().replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
  if (folded.split(" ").length > 14) return false;
  return VIETNAMESE.test(folded) || VIETNAMESE_SHORT.test(folded) || ENGLISH.test(folded);
}
