import type { ClassEntry } from "../../content/index.js";

/**
 * A class's name in a sentence: its title in the person's language, and "lớp …" without doubling the word
 * when the title already starts with "Lớp".
 *
 * @example classPhrase({ title: { vi: "Lớp Quan họ" } }, "vi") // "Lớp Quan họ"
 * @example classPhrase({ title: { vi: "Quan họ thiếu nhi" } }, "vi") // "lớp Quan họ thiếu nhi"
 */
export function classTitle(cls: Pick<ClassEntry, "title">, lang: "vi" | "en"): string {
  return lang === "en" ? (cls.title.en ?? cls.title.vi) : cls.title.vi;
}

/** See {@link classTitle}. */
export function classPhrase(cls: Pick<ClassEntry, "title">, lang: "vi" | "en"): string {
  const name = classTitle(cls, lang);
  return lang === "en" || /^lớp\s/iu.test(name) ? name : `lớp ${name}`;
}
