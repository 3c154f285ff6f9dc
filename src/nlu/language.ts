/**
 * Which language a message is written in: Vietnamese or English.
 *
 * Any Vietnamese letter or tone mark decides it at once. Otherwise words are counted against two small lists;
 * a message with no evidence ("ok", "👍", "PA-2026-0012") keeps the person's previous language.
 *
 * @example detectLanguage(["when","is","hoi","lim"]) // "en"
 * @example detectLanguage(["ok"], "en")              // "en"
 */

/** The two languages the bot speaks. */
export type Language = "vi" | "en";

// Precomposed letters that only Vietnamese uses here (NFC input).
const VIETNAMESE_MARKS = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/;

const ENGLISH = new Set(
  ("the a an is are was were be do does did can could would will i you me my we our your it this that what when where " +
    "which who whom why how there here of in on at to for from with about and or not no yes please thanks thank " +
    "festival festivals class classes report status time date day days week weekend month year next upcoming " +
    "want need join register sign up fee free price cost open hours phone number address office contact email call " +
    "talk speak person human staff agent real someone tell know heritage temple pagoda market village history song songs " +
    "folk plan goals budget task tasks strategy responsible deadline hello hey morning evening afternoon good great much " +
    "very lot any anyone have has get go going make some today tomorrow weather price gold rain football hi bye okay " +
    "much many more is isn't be been am should my check update complaint ticket help connect officer schedule cancel").split(" "),
);

// Folded Vietnamese syllables and chat words that English never uses as words.
const VIETNAMESE = new Set(
  ("khong ko k dc dk j ntn bn ad e em anh chi minh toi ban cho hoi le ngay nao bao nhieu lop hoc dang ky thang nam " +
    "duoc gi roi oi nha nhe voi cua la co ve tren muon xin chao cam on gap can bo phan anh ke hoach dia chi so dien " +
    "thoai gio lam viec sao the vay a ah uk ak mk mik vs r nay sau toi hom mai tuan cuoi sap ai o dau chua xu ly " +
    "nguoi that di san quan ho dinh den chua van mieu hai muoi mot hay khi nhu thi cai con bac chu co tinh phuong xa " +
    "tks camon hnay sdt qh pa lh dt ubnd mn mng ms ns nt ib dj ik lun trc wa ui xl").split(" "),
);

/**
 * Guess the language from lower-cased tokens. `previous` (the language the person used before) breaks ties.
 */
export function detectLanguage(tokens: readonly string[], previous?: Language): Language {
  let en = 0;
  let vi = 0;
  for (const token of tokens) {
    if (VIETNAMESE_MARKS.test(token)) return "vi";
    const isEn = ENGLISH.has(token);
    const isVi = VIETNAMESE.has(token);
    // Words in both lists ("a", "hi", "ok", "co") are no evidence either way.
    if (isEn && !isVi) en++;
    else if (isVi && !isEn) vi++;
  }
  if (en > vi) return "en";
  if (vi > en) return "vi";
  return previous ?? "vi";
}

/**
 * Whether `text` is plainly written in `language`: a Vietnamese letter or tone mark for Vietnamese, or at least two
 * words of evidence for it and more than for the other language. A person's language changes only on such evidence:
 * "an danh" (Vietnamese without marks, where "an" is also an English word) or "ok" is no reason to switch.
 *
 * @example isPlainly("an danh", "en")                 // false
 * @example isPlainly("how do I get to the temple", "en") // true
 */
export function isPlainly(text: string, language: Language): boolean {
  const tokens = text.normalize("NFC").toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (tokens.some((token) => VIETNAMESE_MARKS.test(token))) return language === "vi";
  let en = 0;
  let vi = 0;
  for (const token of tokens) {
    const isEn = ENGLISH.has(token);
    const isVi = VIETNAMESE.has(token);
    if (isEn && !isVi) en++;
    else if (isVi && !isEn) vi++;
  }
  return language === "en" ? en >= 2 && en > vi : vi >= 2 && vi > en;
}
