/**
 * The name of a festival a message asks about when the catalogue found none: "Hội Gióng năm 2027 ngày nào?" →
 * "Hội Gióng". Used to say plainly which festival the bot does not know, instead of answering about another.
 *
 * @example unknownFestivalName("hội gióng năm 2027 ngày nào?") // "Hội Gióng"
 * @example unknownFestivalName("tháng này có lễ hội gì?")      // undefined (no name, a list question)
 */
import { fold } from "../../nlu/fold.js";

// Words that end a festival's name: time words, question words, verbs of the question (folded).
const STOP = new Set(
  (
    "nam ngay thang khi bao dien to chuc co la o vao the nao gi sap toi nay sau dau may chinh mo hop khai tu den nhe a " +
    "vay khong ko k hom mai tuan cuoi nao ra lich bat ket thuc dip duoc va voi cua hay nhu nhi tet " +
    "when is in this next date the what where how year on at of and held start"
  ).split(" "),
);
// Accented words whose folded form is a stop word but which are part of names ("Đền Hùng", not "đến").
const NAME_WORDS = new Set(["đền", "đô"]);
// A word that only names the kind of thing is not a name ("lễ hội nào", "hội gì").
const GENERIC = new Set(["hoi", "le", "festival", "cac", "nhung", "lon", "truyen", "thong", "dan", "gian", "xuan", "mua", "festivals"]);
// Unaccented "hoi" and "cho" are left out: folded they are also "hỏi" (ask) and "cho" (for), as in "cho mình hỏi".
const PREFIX = /(?:^|[^\p{L}])(lễ hội|le hoi|hội|chợ|festival)\s+/giu;

/** The festival name a message mentions, title-cased as written, or undefined when it names none. */
export function unknownFestivalName(text: string): string | undefined {
  const original = text.normalize("NFC");
  for (const match of original.matchAll(PREFIX)) {
    const start = match.index + match[0].length;
    const words: string[] = [];
    for (const word of original.slice(start).split(/\s+/)) {
      const clean = word.replace(/[^\p{L}\p{N}'-]/gu, "");
      if (!clean || (STOP.has(fold(clean)) && !NAME_WORDS.has(clean.toLocaleLowerCase("vi"))) || /^\d+$/.test(clean) || words.length === 4) break;
      words.push(clean);
      if (clean !== word) break; // punctuation ends the name ("Hội Gióng?")
    }
    if (words.length > 0 && !words.every((w) => GENERIC.has(fold(w)))) {
      return [capitalize(match[1]), ...words.map(capitalize)].join(" ");
    }
  }
  // English: capitalised words before "festival" ("When is the Hung Kings Festival?").
  const english = /((?:[A-Z][\p{L}'-]*\s+){1,4})[Ff]estival/u.exec(original);
  if (english) {
    const name = english[1].trim().split(/\s+/).filter((w) => !["When", "Is", "The", "What", "Where", "How"].includes(w));
    if (name.length > 0) return `${name.join(" ")} Festival`;
  }
  return undefined;
}

function capitalize(word: string): string {
  return word ? word[0].toLocaleUpperCase("vi") + word.slice(1) : word;
}
