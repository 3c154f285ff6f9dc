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
    which: { vi: "Bạn muốn hỏi về di sản nào?", en: "Which one do you mean?", zh: "您指的是哪一个？", ko: "어느 것을 말씀하시나요?" },
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
    return { text: say.phrase({ vi: `Mình chưa có thông tin di sản của ${packName}.`, en: `I have no heritage information for ${packName} yet.`, zh: `暂时没有${packName}的文化遗产信息。`, ko: `아직 ${packName}의 문화유산 정보가 없습니다.` }), choices: [staffChoice(lang)] };
  }
  return {
    text: lines(
      unknown && say.phrase({ vi: "Mình chưa có thông tin về mục bạn hỏi.", en: "I have no information about that item.", zh: "我没有这一项的信息。", ko: "그 항목에 대한 정보가 없습니다." }),
      say.phrase({ vi: `Một số di sản của ${packName}:`, en: `Some heritage of ${packName}:`, zh: `${packName}的部分文化遗产：`, ko: `${packName}의 문화유산 일부:` }),
      shown.map((h) => `• ${say.text(h.names)}${h.unesco ? ` (UNESCO ${h.unesco.year})` : ""}`).join("\n"),
      more > 0 && say.phrase({ vi: `… và ${more} mục khác: hãy gõ tên để hỏi.`, en: `… and ${more} more: type a name to ask.`, zh: `……还有${more}项：输入名称即可查询。`, ko: `… 외 ${more}곳: 이름을 입력해 물어보세요.` }),
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
    item.unesco ? unescoLine(item.unesco, ranking, say, item.ranking) : ranking && `${say.label({ vi: "Xếp hạng", en: "Ranking", zh: "级别", ko: "등급" })}${ranking}`,
    shorten(say.text(item.description)),
    place && `${say.label({ vi: "Địa điểm", en: "Place", zh: "地点", ko: "장소" })}${place}`,
    hours && `${say.label({ vi: "Giờ mở cửa", en: "Opening hours", zh: "开放时间", ko: "개방 시간" })}${hours}`,
    note && `${say.label({ vi: "Lưu ý (theo thông tin tham khảo)", en: "Note (reference information)", zh: "注意（参考信息）", ko: "참고(참고 정보)" })}${note}`,
    sourceLine(item.source, lang),
    say.fallbackNote(),
  );
  const choices: Choice[] = [
    ...relatedFestivals(item, pack).map((f) => ({ title: say.text(f.names), payload: `festival:${f.id}` })),
    { title: say.phrase({ vi: "Di sản khác", en: "Other heritage", zh: "其他文化遗产", ko: "다른 문화유산" }), payload: MENU.heritage },
  ];
  if (note || hours === say.unknown) choices.push(staffChoice(lang));
  const reply: Reply = { text, choices };
  if (item.url) reply.links = [{ title: say.phrase({ vi: "Xem thêm", en: "More", zh: "了解更多", ko: "더 보기" }), url: item.url }];
  return reply;
}

/** "UNESCO ghi danh năm 2009 (ngày 30/09/2009): Di sản văn hóa phi vật thể đại diện của nhân loại." */
function unescoLine(unesco: NonNullable<HeritageItem["unesco"]>, ranking: string | undefined, say: Speaker, rankingText?: HeritageItem["ranking"]): string {
  const day = unesco.date ? ` (${say.phrase({ vi: "ngày ", en: "", zh: "", ko: "" })}${formatDate(unesco.date, say.lang)})` : "";
  // The list name is written in English in the content; a Vietnamese, Chinese or Korean reply uses the ranking's
  // wording in that language when the content gives it.
  const translated = say.lang === "zh" || say.lang === "ko" ? rankingText?.[say.lang] : undefined;
  const list = say.lang === "vi" ? (ranking ?? unesco.list) : (translated ?? unesco.list);
  // Chinese and Korean name the day itself when it is known ("2009年9月30日").
  const when = unesco.date ? formatDate(unesco.date, say.lang) : { vi: "", en: "", zh: `${unesco.year}年`, ko: `${unesco.year}년` }[say.lang];
  return say.phrase({
    vi: `UNESCO ghi danh năm ${unesco.year}${day}: ${list}.`,
    en: `Inscribed by UNESCO in ${unesco.year}${day}: ${list}.`,
    zh: `${when}被联合国教科文组织列入：${list}。`,
    ko: `${when} 유네스코 등재: ${list}.`,
  });
}

/** Festivals held at or named after the item ("Chùa Dâu" → "Lễ hội Chùa Dâu"), at most two. */
function relatedFestivals(item: HeritageItem, pack: ContentPack) {
  const name = fold(item.names.vi);
  return pack.festivals.filter((f) => fold(f.names.vi).includes(name) || fold(f.place.vi).includes(name)).slice(0, 2);
}

function heritageChoice(item: HeritageItem, say: Speaker): Choice {
  return { title: say.text(item.names), payload: `heritage:${item.id}` };
}
