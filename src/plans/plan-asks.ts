/**
 * A message that asks two things at once ("kế hoạch số mấy, ai ký?", "nhiệm vụ này ai chủ trì và bao giờ xong",
 * "who signed it and when") split into its asks, each with its own question type, so each is answered and the
 * answers go out as one reply. A message is split only where every piece asks something of its own and the pieces
 * ask different kinds of thing: "ai chủ trì, ai phối hợp" is one who-question, "Sở Văn hóa, Thể thao và Du lịch làm
 * gì" one what-question (its pieces before "," and "và" ask nothing).
 *
 * @example splitAsks("kế hoạch số mấy, ai ký?")           // ["kế hoạch số mấy", "ai ký?"]
 * @example splitAsks("ai chủ trì và phối hợp việc này")     // ["ai chủ trì và phối hợp việc này"]
 */
import { fold, foldQuestion } from "../nlu/fold.js";
import { questionType, type HeaderFact, type QuestionShape } from "./question-type.js";

// Where one ask ends and another begins: a comma, a semicolon, a question mark with more after it, "và", "còn", "and".
const SEPARATOR = /\s*(?:[,;]|\?(?=\s*\S))\s*|\s+(?:và|va|còn|với cả|voi ca|and|&)\s+/giu;

// A piece that asks: a question word or frame (Vietnamese with or without diacritics, English), or a header fact.
const ASKS =
  /(^| )(ai|gi|j|nao|bao gio|khi nao|luc nao|the nao|ntn|ra sao|bao nhieu|bn|bao lau|may|o dau|dau|tai sao|vi sao|la gi|co phai|phai khong|dung khong|who|what|when|where|which|how|why|whom|whose)( |$)|(^| )co .+ (khong|ko|k)$|^(is|are|does|do|did|can|will|has|have) /;

// A header fact named in a few words ("…, ngày nào?", "number and date", "who signed it and when"): in a message
// that asks about the plan's header, such a piece asks for that fact of the same plan.
const HEADER_NOUN: [HeaderFact, RegExp][] = [
  ["signer", /\b(ai ky|nguoi ky|ky ten|do ai ky|chu ky|signed|signer|signature|signatory)\b/],
  ["issuer", /\b(co quan ban hanh|ai ban hanh|ban hanh boi|cua ai|cua co quan nao|issued by|issuer|who issued)\b/],
  ["number", /\b(so hieu|ky hieu|so ke hoach|so may|so bao nhieu|number|no)\b/],
  ["implements", /\b(can cu|van ban nao|quyet dinh nao|nghi quyet nao|implements?|based on)\b/],
  ["period", /\b(giai doan( nao)?|den nam nao|toi nam nao|bao lau|thoi gian thuc hien|period|until when|end)\b/],
  ["date", /\b(ngay ban hanh|ngay ky|ngay nao|ngay may|nam nao|thang nao|khi nao|bao gio|hieu luc|date|dated|when|what day|which day)\b/],
];
// Words that ask or fill, not what about: a piece made of these and a header noun asks only for that fact.
const FILLER = /\b(ke hoach|kh|van ban|plan|document|the|this|it|its|of|is|was|and|please|pls|nay|do|duoc|la|va|vay|a|ad|oi|nhi|the|cho|minh|em|hoi|xin|voi|what|which|who|when|ai|gi|nao|may|bao nhieu|the nao)\b/g;

function headerNoun(piece: string): HeaderFact | undefined {
  const f = fold(piece).replace(/[?!.,;:]+/g, " ");
  for (const [fact, re] of HEADER_NOUN) {
    if (re.test(f) && !f.replace(re, " ").replace(FILLER, " ").trim()) return fact;
  }
  return undefined;
}

/** One ask of a message: its words and the type of answer it wants. */
export interface PlanAsk {
  text: string;
  shape: QuestionShape;
}

/** The asks of a message (one when it asks one thing). `shapeOf` reads a piece's type as the engine does. */
export function splitAsks(message: string, shapeOf: (text: string) => QuestionShape = questionType): PlanAsk[] {
  const whole = [{ text: message, shape: shapeOf(message) }];
  const pieces = message.split(SEPARATOR).map((p) => p?.trim()).filter((p): p is string => Boolean(p));
  if (pieces.length < 2) return whole;
  // A question about the plan's header: each piece that names a header fact asks for it ("số hiệu, ngày ban hành").
  if (whole[0].shape.type === "header" || pieces.some((p) => shapeOf(p).type === "header")) {
    const facts = pieces.map((p) => {
      const shape = shapeOf(p);
      return shape.type === "header" ? shape.header : headerNoun(p);
    });
    const named = [...new Set(facts.filter((f): f is HeaderFact => Boolean(f)))];
    if (named.length > 1 && facts.every(Boolean)) return named.map((header) => ({ text: pieces[facts.indexOf(header)], shape: { type: "header" as const, header } }));
  }
  // A piece that asks nothing belongs to the ask before it (or, at the start, to the one after it).
  const asks: string[] = [];
  let pending = "";
  for (const piece of pieces) {
    const f = foldQuestion(piece);
    if (ASKS.test(f) || questionType(piece).type === "header") {
      asks.push(pending ? `${pending}, ${piece}` : piece);
      pending = "";
    } else if (asks.length) asks[asks.length - 1] += `, ${piece}`;
    else pending = pending ? `${pending}, ${piece}` : piece;
  }
  if (asks.length < 2) return whole;
  const shaped = asks.map((text) => ({ text, shape: shapeOf(text) }));
  // Different kinds of answer, or different header facts: otherwise it is one question said twice.
  const kinds = new Set(shaped.map((a) => `${a.shape.type}:${a.shape.header ?? ""}`));
  return kinds.size === shaped.length ? shaped : whole;
}
