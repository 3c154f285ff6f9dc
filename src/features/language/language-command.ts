/**
 * Reading a language switch: a typed command ("中文", "한국어", "English", "Tiếng Việt", and a few spellings people
 * use) or a choice payload ("lang:zh", or "lang:zh:menu:festivals" to switch and then open the festivals).
 *
 * @example languageCommand("  中文！") // "zh"
 * @example languagePayload("lang:ko:menu:heritage") // { language: "ko", then: "menu:heritage" }
 */
import { fold } from "../../nlu/index.js";
import { isLanguage, type Language } from "../../nlu/index.js";

const COMMANDS: Record<string, Language> = {};
const add = (language: Language, words: string[]) => words.forEach((w) => (COMMANDS[fold(w)] = language));
add("zh", ["中文", "中文版", "汉语", "漢語", "简体中文", "簡體中文", "繁體中文", "繁体中文", "说中文", "請說中文", "请说中文", "chinese", "tiếng trung", "tieng trung", "中国语", "중국어"]);
add("ko", ["한국어", "한국말", "한글", "한국어로", "한국어로 해주세요", "korean", "tiếng hàn", "tieng han", "韩语", "韩文", "韓語"]);
add("en", ["english", "in english", "english please", "tiếng anh", "tieng anh", "英语", "英文", "英語", "영어", "영어로"]);
add("vi", ["tiếng việt", "tieng viet", "vietnamese", "越南语", "越南語", "베트남어"]);

/** The language a whole message asks for, or undefined when it is not a language command. */
export function languageCommand(text: string | undefined): Language | undefined {
  if (!text) return undefined;
  const key = fold(text.normalize("NFC").trim()).replace(/[\s!?.,。！？~～]+$/u, "").replace(/\s+/g, " ");
  return COMMANDS[key];
}

/** The payload prefix of language choices. */
export const LANGUAGE_PAYLOAD = "lang:";

/** "lang:<code>" or "lang:<code>:<payload>", or undefined for other payloads. */
export function languagePayload(payload: string | undefined): { language: Language; then?: string } | undefined {
  if (!payload?.startsWith(LANGUAGE_PAYLOAD)) return undefined;
  const [code, ...rest] = payload.slice(LANGUAGE_PAYLOAD.length).split(":");
  if (!isLanguage(code)) return undefined;
  return rest.length ? { language: code, then: rest.join(":") } : { language: code };
}

/** The choice payload that switches to `language`, then optionally opens `then`. */
export function languageChoicePayload(language: Language, then?: string): string {
  return then ? `${LANGUAGE_PAYLOAD}${language}:${then}` : `${LANGUAGE_PAYLOAD}${language}`;
}
