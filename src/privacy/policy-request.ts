import { fold } from "../nlu/fold.js";

/**
 * Recognises a person asking to read the privacy policy, as the notice tells them to write it when the bot has no
 * public address for the page (no PUBLIC_URL): "chính sách dữ liệu", "chinh sach bao ve du lieu ca nhan", "quyền riêng
 * tư", "privacy policy", "data protection". Matched on folded text, and only when the message is short and mostly that
 * request, so "xóa dữ liệu của tôi" (erasure) and longer questions read as what they are.
 */

const VIETNAMESE = /^(xem |doc |gui |cho (toi|minh|em) (xem|doc) )?(chinh sach (bao ve )?(du lieu( ca nhan)?|quyen rieng tu|bao mat( thong tin)?)|bao ve du lieu ca nhan|quyen rieng tu)( (cua )?(ban|bot|tro ly))?( la gi)?( nhe| a| di)?$/;
const ENGLISH = /^(show (me )?|read |see |send (me )?)?(the |your )?(privacy( policy| notice)?|data (protection|privacy)( policy| notice)?|personal data policy)( please)?$/;

/** Whether `text` asks to read the privacy policy. */
export function isPolicyRequest(text: string | undefined): boolean {
  if (!text) return false;
  const folded = fold(text).toLowerCase().replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
  return VIETNAMESE.test(folded) || ENGLISH.test(folded);
}
