/**
 * Which language a message is written in: Vietnamese, English, Chinese or Korean.
 *
 * Han characters are evidence of Chinese, Hangul of Korean, any Vietnamese letter or tone mark of Vietnamese;
 * otherwise words are counted against two small lists. A mixed message keeps the person's language when that
 * language is in it ("When is 林会?" from an English speaker stays English), unless the other script makes up two
 * thirds of it; a message with no evidence ("ok", "👍", "PA-2026-0012") keeps the person's previous language, and a
 * Chinese or Korean speaker needs two words of Vietnamese or English to switch (a pasted name is not a switch).
 *
 * @example detectLanguage(["when","is","hoi","lim"]) // "en"
 * @example detectLanguage(["林","会","几","号"], "vi") // "zh"
 * @example detectLanguage(["ok"], "en")              // "en"
 */

/** The languages the bot speaks. */
export const LANGUAGES = ["vi", "en", "zh", "ko"] as const;

/** One of the languages the bot speaks. */
export type Language = (typeof LANGUAGES)[number];

/** Whether a string is one of {@link LANGUAGES}. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

// Precomposed letters that only Vietnamese uses here (NFC input).
const VIETNAMESE_MARKS = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/;
const HAN = /\p{Script=Han}/u;
const HANGUL = /\p{Script=Hangul}/u;

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
 * Guess the language from lower-cased tokens (Han characters and Hangul syllables one per token, as
 * src/nlu/cjk.ts splits them). `previous` (the language the person used before) breaks ties and keeps mixed
 * messages in the person's language.
 */
export function detectLanguage(tokens: readonly string[], previous?: Language): Language {
  const count = { vi: 0, en: 0, zh: 0, ko: 0 };
  let marks = false;
  for (const token of tokens) {
    if (HANGUL.test(token)) count.ko++;
    else if (HAN.test(token)) count.zh++;
    else if (VIETNAMESE_MARKS.test(token)) {
      marks = true;
      count.vi++;
    } else {
      const isEn = ENGLISH.has(token);
      const isVi = VIETNAMESE.has(token);
      // Words in both lists ("a", "hi", "ok", "co") are no evidence either way.
      if (isEn && !isVi) count.en++;
      else if (isVi && !isEn) count.vi++;
    }
  }
  const latin: Language | undefined = marks || count.vi > count.en ? "vi" : count.en > count.vi ? "en" : undefined;
  const script: Language | undefined = count.ko + count.zh === 0 ? undefined : count.ko >= count.zh ? "ko" : "zh";
  if (!script) {
    // A Chinese or Korean speaker typing or pasting a Vietnamese name ("Hoi Lim 2027", "Hội Lim") has not switched
    // language: it takes two words of Vietnamese or English.
    if ((previous === "zh" || previous === "ko") && Math.max(count.vi, count.en) < 2) return previous;
    return latin ?? previous ?? "vi";
  }
  // Han or Hangul is clear evidence; mixed with the person's own language it stays theirs unless it dominates.
  const total = count.vi + count.en + count.zh + count.ko;
  const mixed = previous !== undefined && previous !== script && count[previous] > 0;
  if (mixed && count[script] < (2 / 3) * total) return previous;
  if (previous === "zh" || previous === "ko") {
    if (count[previous] > 0) return previous; // a Chinese message quoting a Korean name, or the other way round
  }
  return script;
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
  // Chinese and Korean: their script is the evidence ("林会什么时候", "림 축제").
  if (language === "zh") return HAN.test(text);
  if (language === "ko") return HANGUL.test(text);
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
