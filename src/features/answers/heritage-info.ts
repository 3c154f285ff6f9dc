/**
 * heritage_info: the card of one heritage item (short text, place, hours, UNESCO listing with its year, a link or
 * a choice for more), choices when several items match, and a short list when none is named.
 *
 * @example
 * answerHeritage({ ...input, entities: { heritage: ["quan-ho-bac-ninh"] } }).text
 * // "Dân ca Quan họ Bắc Ninh (Di sản văn hóa phi vật thể)\nUNESCO ghi danh năm 2009 (ngày 30/09/2009): …"
 */
import { formatDate } from "../../calendar/index.js";
import { MENU } from "../../shared/menu.js";
import type { Choice, Reply } from "../../core/message.js";
import type { ContentPack, HeritageItem } from "../../content/index.js";
import { fold } from "../../nlu/fold.js";
import type { AnswerInput, AnswerLanguage } from "./answer-input.js";
import { LIST_MAX, lines, oneOf, shorten, sourceLine, speaker, staffChoice, type Speaker } from "./answer-text.js";

/** At most this many items as choices in a list (a chat screen, not a catalogue). */
export { LIST_MAX };

// Places people visit: an unknown opening time is said, not left out.
const VISITABLE = new Set<HeritageItem["kind"]>(["relic", "site"]);

/** Answer a heritage_info message. */
export function answerHeritage(input: AnswerInput): Reply {
  const { pack } = input;
  const ids = input.entities.heritage ?? [];
  const items = ids.map((id) => pack.heritageItem(id)).filter((h): h is HeritageItem => h !== undefined);
  return oneOf(items, input.language, {
    card: (item) => heritageCard(item, pack, input.language),
    choice: heritageChoice,
    which: { vi: "Bạn muốn hỏi về di sản nào?", en: "Which one do you mean?" },
    list: () => heritageList(pack, input.language, ids.length > 0),
  });
}

/**
 * The pack's heritage as a short list with choices ("heritage:<id>"); `unknown` says first that the item asked
 * about is not in the pack.
 */
export function heritageList(pack: ContentPack, lang: AnswerLanguage, unknown = false): Reply {
  const say = speaker(lang);
  const packName = say.text(pack.names);
  const shown = pack.heritage.slice(0, LIST_MAX);
  const more = pack.heritage.length - shown.length;
  if (shown.length === 0) {
    return { text: say.phrase({ vi: `Mình chưa có thông tin di sản của ${packName}.`, en: `I have no heritage information for ${packName} yet.` }), choices: [staffChoice(lang)] };
  }
  return {
    text: lines(
      unknown && say.phrase({ vi: "Mình chưa có thông tin về mục bạn hỏi.", en: "I have no information about that item." }),
      say.phrase({ vi: `Một số di sản của ${packName}:`, en: `Some heritage of ${packName}:` }),
      shown.map((h) => `• ${say.text(h.names)}${h.unesco ? ` (UNESCO ${h.unesco.year})` : ""}`).join("\n"),
      more > 0 && say.phrase({ vi: `… và ${more} mục khác: hãy gõ tên để hỏi.`, en: `… and ${more} more: type a name to ask.` }),
      say.fallbackNote(),
    ),
    choices: [...shown.map((h) => heritageChoice(h, say)), ...(unknown ? [staffChoice(lang)] : [])],
  };
}

/** The card of one item. */
export function heritageCard(item: HeritageItem, pack: ContentPack, lang: AnswerLanguage): Reply {
  const say = speaker(lang);
  const type = say.maybe(item.type);
  const ranking = say.maybe(item.ranking);
  const hours = say.maybe(item.hours) ?? (VISITABLE.has(item.kind) ? say.unknown : undefined);
  const place = say.maybe(item.place) ?? (VISITABLE.has(item.kind) ? say.unknown : undefined);
  const note = say.maybe(item.uncertain);
  const text = lines(
    `${say.text(item.names)}${type ? ` (${type})` : ""}`,
    item.unesco ? unescoLine(item.unesco, ranking, say) : ranking && `${say.phrase({ vi: "Xếp hạng", en: "Ranking" })}: ${ranking}`,
    shorten(say.text(item.description)),
    place && `${say.phrase({ vi: "Địa điểm", en: "Place" })}: ${place}`,
    hours && `${say.phrase({ vi: "Giờ mở cửa", en: "Opening hours" })}: ${hours}`,
    note && `${say.phrase({ vi: "Lưu ý (theo thông tin tham khảo)", en: "Note (reference information)" })}: ${note}`,
    sourceLine(item.source, lang),
    say.fallbackNote(),
  );
  const choices: Choice[] = [
    ...relatedFestivals(item, pack).map((f) => ({ title: say.text(f.names), payload: `festival:${f.id}` })),
    { title: say.phrase({ vi: "Di sản khác", en: "Other heritage" }), payload: MENU.heritage },
  ];
  if (note || hours === say.unknown) choices.push(staffChoice(lang));
  const reply: Reply = { text, choices };
  if (item.url) reply.links = [{ title: say.phrase({ vi: "Xem thêm", en: "More" }), url: item.url }];
  return reply;
}

/** "UNESCO ghi danh năm 2009 (ngày 30/09/2009): Di sản văn hóa phi vật thể đại diện của nhân loại." */
function unescoLine(unesco: NonNullable<HeritageItem["unesco"]>, ranking: string | undefined, say: Speaker): string {
  const day = unesco.date ? ` (${say.phrase({ vi: "ngày ", en: "" })}${formatDate(unesco.date, say.lang)})` : "";
  // The list name is written in English in the content; a Vietnamese reply uses the ranking's wording when given.
  const list = say.en ? unesco.list : (ranking ?? unesco.list);
  return say.phrase({ vi: `UNESCO ghi danh năm ${unesco.year}${day}: ${list}.`, en: `Inscribed by UNESCO in ${unesco.year}${day}: ${list}.` });
}

/** Festivals held at or named after the item ("Chùa Dâu" → "Lễ hội Chùa Dâu"), at most two. */
function relatedFestivals(item: HeritageItem, pack: ContentPack) {
  const name = fold(item.names.vi);
  return pack.festivals.filter((f) => fold(f.names.vi).includes(name) || fold(f.place.vi).includes(name)).slice(0, 2);
}

function heritageChoice(item: HeritageItem, say: Speaker): Choice {
  return { title: say.text(item.names), payload: `heritage:${item.id}` };
}
