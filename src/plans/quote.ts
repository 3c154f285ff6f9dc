/**
 * What of a plan an answer quotes, and how a long passage is cut: the best passage around the clause its lead quotes
 * (or the clause closest to the question), and for lists and descriptions the rest of its section while the quote
 * stays short. A cut never splits a word.
 */
import { clauses } from "./answer-lead.js";
import { fold } from "../nlu/fold.js";
import { STOP_SYLLABLES, syllables } from "./terms.js";
import type { PlanPassage } from "./plan-model.js";
import type { PlanHit } from "./plan-search.js";
import type { QuestionType } from "./question-type.js";

/** Longest quote of one passage, and of the whole answer. */
const PASSAGE_CHARS = 450;
const QUOTE_CHARS = 900;
/** Longest quote of one item when a whole list is quoted. */
const LIST_ITEM_CHARS = 300;

/**
 * A passage cut to `max` characters, keeping `key` in. A cut never splits a word: it ends after a sentence or clause
 * (". ", "; ", ", ") in the second half of the window, else at the last space, and "…" marks it.
 */
export function excerpt(text: string, key: string | undefined, max = PASSAGE_CHARS): string {
  if (text.length <= max) return text;
  const at = key ? text.indexOf(key) : -1;
  let from = 0;
  if (at > 0) {
    // Start at the sentence or clause that holds the key, or at the key itself when that clause starts too early.
    const stops = [text.lastIndexOf("; ", at), text.lastIndexOf(". ", at)].filter((i) => i >= 0).map((i) => i + 2);
    const start = Math.max(0, ...stops);
    from = at - start > max / 2 ? at : start;
  }
  const to = cutAt(text, from, max);
  const piece = text.slice(from, to).trimEnd();
  return `${from > 0 ? "… " : ""}${to < text.length ? `${piece.replace(/[,;:]$/, "")} …` : piece}`;
}

/** Where a window of `max` characters from `from` ends: after a sentence or clause when one ends late enough, else at a space. */
function cutAt(text: string, from: number, max: number): number {
  const end = from + max;
  if (end >= text.length) return text.length;
  const window = text.slice(from, end + 1);
  for (const marks of [[". ", "; ", ".\n", ";\n"], [", ", ": "]]) {
    const i = Math.max(...marks.map((m) => window.lastIndexOf(m)));
    if (i > max / 2) return from + i + 1;
  }
  const space = window.lastIndexOf(" ");
  return space > 0 ? from + space : end;
}

/**
 * The clause of a passage that shares most syllables with the question (where a long passage is cut around). Words
 * of its unit do not count: the citation names it ("phòng kinh tế hạ tầng lo gì" is answered from the start of that
 * unit's section, not from a later clause that says "kinh tế").
 */
function closestClause(p: PlanPassage, question: string): string | undefined {
  const named = new Set(syllables(p.unit ?? ""));
  const words = syllables(question);
  const asked = new Set(words.filter((w) => !named.has(w) && !STOP_SYLLABLES.has(w)));
  const pairs = new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
  let best: { clause: string; n: number } | undefined;
  for (const clause of clauses(p.text)) {
    // Each word asked counts once, and twice as part of a pair the question has: a long clause does not win by
    // repeating one word or by its particles ("các", "với").
    const own = syllables(clause);
    const n = new Set(own.filter((s) => asked.has(s))).size + new Set(own.slice(1).map((w, i) => `${own[i]} ${w}`).filter((x) => pairs.has(x) && x.split(" ").every((w) => asked.has(w)))).size;
    if (!best || n > best.n) best = { clause, n };
  }
  return best?.clause;
}

/**
 * The passages quoted: the best; for yes/no, the other good hits of its section; for lists and descriptions, the
 * rest of its section too (in plan order) while the quote stays short.
 */
function quoted(hits: PlanHit[], type: QuestionType, section: readonly PlanPassage[], question: string): PlanPassage[] {
  const best = hits[0];
  // "Sở Ngoại vụ phải làm những gì": the unit's own section answers as a whole, from its first duty on.
  const ownSection = type === "what" && unitAsked(best.passage, question);
  const same = hits.filter((h) => h.passage.section === best.passage.section && h.score >= best.score * 0.6);
  const close = type === "yes_no" ? same.filter((h) => h.score >= best.score * 0.8).slice(0, 2) : same.slice(0, ownSection ? 1 : 3);
  const picked = new Set(type === "what" || type === "yes_no" ? close.map((h) => h.passage) : [best.passage]);
  if (type === "what") {
    let length = [...picked].reduce((n, p) => n + Math.min(p.text.length, LIST_ITEM_CHARS), 0);
    // The rest of the section while the quote stays short: the passages found for the question first (a long
    // section's key bullet is not crowded out by its first ones), then the others in plan order.
    const found = ownSection ? [] : hits.filter((h) => h.passage.section === best.passage.section).map((h) => h.passage);
    for (const p of [...found, ...section]) {
      if (picked.has(p) || length + Math.min(p.text.length, LIST_ITEM_CHARS) > QUOTE_CHARS) continue;
      picked.add(p);
      length += Math.min(p.text.length, LIST_ITEM_CHARS);
    }
  }
  // In the order they matter (the room of the quote is shared out in this order); shown in plan order.
  return [...picked];
}


/**
 * The quoted passages in plan order, each cut to its room: the best passage keeps the room of a single quote (it is
 * what answers, cut around `key`, the clause its lead quotes), the others share what is left of the quote's room.
 * For a list asked (`list`: "kể tên", "những … nào") each passage is cut around its enumeration, not a general sentence.
 */
export function quotePieces(hits: PlanHit[], type: QuestionType, section: readonly PlanPassage[], question: string, key: string | undefined, list = false): { passages: PlanPassage[]; pieces: string[] } {
  const best = hits[0].passage;
  const passages = quoted(hits, type, section, question);
  const itemChars = passages.length > 3 ? LIST_ITEM_CHARS : PASSAGE_CHARS;
  let budget = QUOTE_CHARS - Math.min(best.text.length, PASSAGE_CHARS);
  const cut = new Map<PlanPassage, string>();
  for (const p of [best, ...passages.filter((x) => x !== best)]) {
    if (!passages.includes(p)) continue;
    const room = p === best ? PASSAGE_CHARS : Math.min(itemChars, Math.max(120, budget));
    const piece = excerpt(p.text, (p === best ? key : undefined) ?? (list ? listClause(p.text, question) : undefined) ?? closestClause(p, question), room);
    if (p !== best) budget -= piece.length;
    cut.set(p, piece);
  }
  passages.sort((a, b) => a.index - b.index);
  return { passages, pieces: passages.map((p) => cut.get(p)!) };
}

/** Folded kinds of unit a question names when it asks what a unit does ("sở", "phòng", "công an", "department"). */
const UNIT_KIND = /\b(so|phong|cong an|van phong|trung tam|uy ban|ubnd|ubmttq|mttq|mat tran|hoi|doan|to dan pho|bao|dai|lien hiep|department|office|police|committee|centre|center)\b/;
/** Words of unit names that do not tell one unit from another. */
const UNIT_GENERIC = new Set(["phong", "so", "ban", "cac", "va", "phuong", "huyen", "tinh", "xa", "uy", "nhan", "dan", "hoi", "dong", "thi", "tran"]);

/** Whether the question names the passage's unit (its distinctive words, most of them) and a kind of unit. */
function unitAsked(p: PlanPassage, question: string): boolean {
  if (!p.unit) return false;
  const f = fold(question);
  if (!UNIT_KIND.test(f)) return false;
  const own = new Set(syllables(p.unit).filter((w) => !UNIT_GENERIC.has(w)));
  const asked = new Set(syllables(question));
  const shared = [...own].filter((w) => asked.has(w)).length;
  return own.size > 0 && shared >= Math.min(2, own.size) && shared * 2 >= own.size;
}

/**
 * An enumeration in a passage, by its marker: "như: A, B", "như Báo Bắc Ninh, …", "gồm …", "ở Bắc Giang: Chùa Bỏ Đà",
 * "(A, B, C)". (Not a mere run of commas: "phát triển năng động, con người thân thiện, mến khách" lists no items.)
 */
const ENUMERATES = /(như|gồm|bao gồm|sau)\s*:|(?<!\p{L})(như|gồm|bao gồm)\s+(?=\p{Lu})|:\s*\p{Lu}|\([^()]*,[^()]*,[^()]*\)/u;

/** The clause of a passage that enumerates, the one sharing most words with the question; undefined when none does. */
export function listClause(text: string, question: string): string | undefined {
  const asked = new Set(syllables(question));
  let best: { clause: string; n: number } | undefined;
  for (const clause of clauses(text)) {
    if (!ENUMERATES.test(clause)) continue;
    const n = new Set(syllables(clause).filter((s) => asked.has(s))).size;
    if (!best || n > best.n) best = { clause, n };
  }
  return best?.clause;
}

/** Where the items of an enumeration start: after "như:", "như", "gồm", "X:" or "(". */
const ITEMS_START = /(?:(?:như|gồm|bao gồm|sau)\s*:?\s+|:\s*|\()(?=\p{Lu}|\p{Ll})/u;
/** Longest list of items a lead repeats. */
const ITEMS_CHARS = 260;

/**
 * The items a passage enumerates for a list asked, in the plan's words ("Mộc bản Chùa Vĩnh Nghiêm, dân ca quan họ, ca
 * trù, …"), cut after an item when long; undefined when the passage enumerates nothing, or something else than what
 * was asked: the words just before the list ("các nước … như:", "các kênh … như") must share a word with the question
 * ("mục tiêu cụ thể nào" is not answered by a bullet's "(đặc biệt là các quốc gia, …)").
 */
export function listedItems(text: string, question: string, issuer = ""): string | undefined {
  const clause = listClause(text, question);
  if (!clause) return undefined;
  const marker = ENUMERATES.exec(clause);
  const head = syllables(clause.slice(Math.max(0, (marker?.index ?? 0) - HEAD_CHARS), (marker?.index ?? 0) + 1));
  // (The issuer's place names the plan, not what is listed: "Bắc Ninh" of "goals of Bac Ninh's plan".)
  const place = new Set(syllables(issuer));
  const asked = new Set(syllables(question).filter((w) => !STOP_SYLLABLES.has(w) && !place.has(w)));
  if (!head.some((w) => asked.has(w))) return undefined;
  // The items run on to the end of the sentence, across ";" ("ở Bắc Giang: Chùa Bỏ Đà; Thiền viện …; …").
  const at = text.indexOf(clause) + (marker?.index ?? 0);
  const end = text.slice(at).search(/(?<!\.)\.(?!\.)(\s|$)|\n/);
  const from = text.slice(at, end < 0 ? undefined : at + end);
  const start = ITEMS_START.exec(from);
  let rest = start ? from.slice(start.index + start[0].length) : from;
  // A list in brackets ends at its bracket; an open one ("du lịch văn hóa...") at its dots, and stays open.
  if (start?.[0] === "(") rest = rest.slice(0, Math.max(0, rest.indexOf(")")) || undefined);
  const dots = rest.search(/\.\.\.|…/u);
  const open = dots >= 0;
  if (open) rest = rest.slice(0, dots);
  const run = rest.split(/;\s*/);
  // Past a ";" only names go on ("; Thiền viện Trúc Lâm …; Khu du lịch …"), not the sentence's next clause ("; tăng mức chi …").
  const named = run.findIndex((piece, i) => i > 0 && !/^\p{Lu}/u.test(piece));
  let items = run.slice(0, named < 0 ? undefined : named).join("; ").replace(/[\s.;,:…]+$/u, "");
  if ((items.match(/\(/g) ?? []).length > (items.match(/\)/g) ?? []).length) items += ")";
  if (open) items += " …";
  if (items.length > ITEMS_CHARS) {
    const cut = items.lastIndexOf(", ", ITEMS_CHARS);
    items = `${items.slice(0, cut > ITEMS_CHARS / 2 ? cut : ITEMS_CHARS).trimEnd()} …`;
  }
  // Two items at least: a single name after a colon is no list.
  return /[,;]/.test(items) ? items : undefined;
}
/** How far before a list its head noun is looked for ("tại các nước có tiềm năng hợp tác … như:"). */
const HEAD_CHARS = 80;
