/**
 * festival_dates: when a festival is (a named year, or the next one after today), which festivals fall in a window
 * ("tháng này", "tháng Giêng", "cuối tuần này", "Tết này"), the upcoming festivals when nothing is named, and a
 * plain "we do not know it" for a festival the pack does not have.
 *
 * @example
 * answerFestivalDates({ ...input, text: "Hội Lim 2027 ngày nào?", entities: { festivals: ["hoi-lim"], year: 2027 } })
 * // { text: "Hội Lim năm 2027 chính hội ngày 13 tháng Giêng âm lịch, tức thứ Năm 18/02/2027; …", choices: […] }
 */
import { nextOccurrence, occurrenceInYear, parseIsoDate, type Occurrence } from "../../calendar/index.js";
import { MENU } from "../../shared/menu.js";
import type { Choice, Reply } from "../../core/message.js";
import type { Festival } from "../../content/index.js";
import type { AnswerInput } from "./answer-input.js";
import { lines, shorten, sourceLine, speaker, staffChoice, type Speaker } from "./answer-text.js";
import { festivalChoices, festivalLines, festivalsBetween, upcomingFestivals } from "./festival-list.js";
import { unknownFestivalName } from "./festival-mention.js";
import { describeOccurrence, dayWithWeekday } from "./festival-when.js";
import { festivalWindow } from "./festival-window.js";

/** How far past a year without the festival to look for the next edition. */
const NEXT_EDITION_YEARS = 12;

// ===  The answer  ===

/** Answer a festival_dates message (see the file comment for the cases, in order of priority). */
export function answerFestivalDates(input: AnswerInput): Reply {
  const { pack, entities } = input;
  const ids = entities.festivals ?? [];
  const known = ids.map((id) => pack.festival(id)).filter((f): f is Festival => f !== undefined);
  if (known.length > 0) {
    const reply = festivalCard(known[0], input, { year: entities.year });
    const others = known.slice(1).map((f) => ({ title: speaker(input.language).text(f.names), payload: `festival:${f.id}` }));
    return others.length > 0 ? { ...reply, choices: [...others, ...(reply.choices ?? [])] } : reply;
  }
  // A festival was named (by the catalogue of another pack, or not at all) but this pack does not have it.
  const named = unknownFestivalName(input.text);
  if (ids.length > 0 || named) return unknownFestival(input, named);

  const window = festivalWindow(input, input.today, input.language);
  if (window) return windowReply(input, window);
  return upcomingReply(input);
}

// ===  One festival  ===

/** Options of a festival card: a year asked for, and whether to add the description (a "festival:<id>" choice). */
export interface FestivalCardOptions {
  year?: number;
  detail?: boolean;
}

/**
 * Everything about one festival's date: the occurrence in `year` (or the next one, saying if this year's has
 * passed), a rule that does not hold that year (with the next edition), place, a line for visitors, the
 * "theo thông tin tham khảo" note, and the source.
 */
export function festivalCard(festival: Festival, input: AnswerInput, options: FestivalCardOptions = {}): Reply {
  const say = speaker(input.language);
  const { today } = input;
  const hedge = festival.uncertain ? say.phrase({ vi: "Theo thông tin tham khảo, ", en: "According to reference sources, ", zh: "据参考资料，", ko: "참고 자료에 따르면 " }) : "";
  const when: string[] = [];
  let noNext = false;

  if (options.year !== undefined) {
    const occurrence = occurrenceInYear(festival.date, options.year);
    if (occurrence) when.push(hedge + describeOccurrence(festival, occurrence, say, today));
    else {
      when.push(notHeldLine(festival, options.year, say));
      const next = nextEditionAfter(festival, options.year);
      if (next) when.push(`${say.phrase({ vi: "Kỳ tiếp theo: ", en: "Next edition: ", zh: "下一届：", ko: "다음 회: " })}${hedge}${describeOccurrence(festival, next, say, today)}`);
      else noNext = true;
    }
  } else {
    const past = passedThisYear(festival, today);
    const next = nextOccurrence(festival.date, today);
    if (past) {
      const day = dayWithWeekday(past.main ?? past.start, say.lang);
      when.push(
        say.phrase(
          { vi: `${say.text(festival.names)} năm nay đã diễn ra (${past.main ? "chính hội " : ""}${day}).`, en: `This year's ${say.text(festival.names)} has already taken place (${past.main ? "main day " : ""}${day}).`, zh: `今年的${say.text(festival.names)}已经举行（${past.main ? "正会日" : ""}${day}）。`, ko: `올해 ${withTopic(say.text(festival.names))} 이미 열렸습니다(${past.main ? "본 축제일 " : ""}${day}).` },
        ),
      );
    }
    if (next) when.push(`${past ? say.phrase({ vi: "Lần tới: ", en: "Next: ", zh: "下一次：", ko: "다음: " }) : ""}${hedge}${describeOccurrence(festival, next, say, today)}`);
    else {
      const last = lastEdition(festival, today);
      if (last) when.push(hedge + describeOccurrence(festival, last, say, today));
      noNext = true;
    }
  }
  if (noNext) when.push(say.phrase({ vi: "Chưa có thông tin về kỳ tiếp theo.", en: "There is no information on the next edition yet.", zh: "暂无下一届的信息。", ko: "다음 회에 대한 정보는 아직 없습니다." }));

  const place = say.text(festival.place);
  const visitors = say.maybe(festival.visitors);
  const note = say.maybe(festival.uncertain);
  const text = lines(
    ...when,
    options.detail ? shorten(say.text(festival.description)) : undefined,
    `${say.label({ vi: "Địa điểm", en: "Place", zh: "地点", ko: "장소" })}${place}`,
    visitors && `${say.label({ vi: "Dành cho du khách", en: "For visitors", zh: "游客须知", ko: "방문객 안내" })}${visitors}`,
    note && `${say.label({ vi: "Lưu ý (theo thông tin tham khảo)", en: "Note (reference information)", zh: "注意（参考信息）", ko: "참고(참고 정보)" })}${note}`,
    sourceLine(festival.source, say.lang),
    say.fallbackNote(),
  );
  const choices: Choice[] = [{ title: say.phrase({ vi: "Lễ hội khác", en: "Other festivals", zh: "其他节日", ko: "다른 축제" }), payload: MENU.festivals }];
  if (noNext || festival.uncertain) choices.push(staffChoice(say.lang));
  const reply: Reply = { text, choices };
  if (festival.url) reply.links = [{ title: say.phrase({ vi: "Xem thêm", en: "More", zh: "了解更多", ko: "더 보기" }), url: festival.url }];
  return reply;
}

/** "… không tổ chức vào năm 2027 (3 năm một lần, từ năm 2026)." */
function notHeldLine(festival: Festival, year: number, say: Speaker): string {
  const name = say.text(festival.names);
  const { every, years, leap, month } = festival.date;
  if (every) {
    return say.phrase(
      { vi: `${name} tổ chức ${every.years} năm một lần (từ năm ${every.from}), năm ${year} không có.`, en: `${name} is held every ${every.years} years (from ${every.from}); there is none in ${year}.`, zh: `${name}每${every.years}年举办一次（自${every.from}年起），${year}年不举办。`, ko: `${withTopic(name)} ${every.from}년부터 ${every.years}년마다 열리며, ${year}년에는 열리지 않습니다.` },
    );
  }
  if (years) {
    const list = [...years].sort((a, b) => a - b).join(", ");
    return say.phrase(
      { vi: `${name} chỉ có thông tin về các kỳ năm ${list}; năm ${year} không có kỳ nào.`, en: `${name}: the only known editions are ${list}; there is none in ${year}.`, zh: `${name}：目前只知道${list}年的几届，${year}年没有。`, ko: `${name}: 알려진 개최 연도는 ${list}년뿐이며, ${year}년에는 없습니다.` },
    );
  }
  if (leap) {
    return say.phrase({ vi: `Năm ${year} không có tháng ${month} nhuận, nên không có ${name}.`, en: `${year} has no leap month ${month}, so there is no ${name}.`, zh: `${year}年没有闰${month}月，因此没有${name}。`, ko: `${year}년에는 윤${month}월이 없어 ${name}이(가) 없습니다.` });
  }
  return say.phrase({ vi: `Năm ${year} không có ${name}.`, en: `There is no ${name} in ${year}.`, zh: `${year}年没有${name}。`, ko: `${year}년에는 ${name}이(가) 없습니다.` });
}

function nextEditionAfter(festival: Festival, year: number): Occurrence | null {
  for (let y = year + 1; y <= year + NEXT_EDITION_YEARS; y++) {
    const occurrence = occurrenceInYear(festival.date, y);
    if (occurrence) return occurrence;
  }
  return null;
}

/** This solar year's occurrence when it is already over (so "sắp tới" can say so). */
function passedThisYear(festival: Festival, today: string): Occurrence | null {
  const year = parseIsoDate(today).year;
  const candidates = [year - 1, year]
    .map((y) => occurrenceInYear(festival.date, y))
    .filter((o): o is Occurrence => o !== null && o.end < today && o.start.startsWith(`${year}-`));
  return candidates.at(-1) ?? null;
}

/** The latest occurrence that is over (a one-off edition in the past), looking back 30 years. */
function lastEdition(festival: Festival, today: string): Occurrence | null {
  const year = parseIsoDate(today).year;
  for (let y = year; y >= year - 30; y--) {
    const occurrence = occurrenceInYear(festival.date, y);
    if (occurrence && occurrence.end < today) return occurrence;
  }
  return null;
}

// ===  No festival named  ===

/** A festival we do not know: say so, offer staff and the festivals we do know. */
export function unknownFestival(input: AnswerInput, name: string | undefined): Reply {
  const say = speaker(input.language);
  const packName = say.text(input.pack.names);
  const what = name ? `“${name}”` : say.phrase({ vi: "lễ hội này", en: "this festival", zh: "这个节日", ko: "이 축제" });
  const upcoming = upcomingFestivals(input.pack, input.today);
  return {
    text: lines(
      say.phrase(
        { vi: `Mình chưa có thông tin về ${what} trong danh sách lễ hội của ${packName}.`, en: `I have no information about ${what} in the festival list of ${packName}.`, zh: `${packName}的节日列表中没有${what}的信息。`, ko: `${packName} 축제 목록에 ${what}에 대한 정보가 없습니다.` },
      ),
      say.phrase(
        { vi: "Bạn có thể hỏi cán bộ văn hóa, hoặc chọn một lễ hội mình biết dưới đây.", en: "You can ask the culture staff, or pick a festival I know below.", zh: "您可以咨询文化部门工作人员，或从下面选择我了解的节日。", ko: "문화 담당 직원에게 문의하시거나 아래에서 제가 아는 축제를 선택해 주세요." },
      ),
    ),
    choices: [staffChoice(say.lang), ...festivalChoices(upcoming, say, 4)],
  };
}

function windowReply(input: AnswerInput, window: { from: string; to: string; label: string }): Reply {
  const say = speaker(input.language);
  const items = festivalsBetween(input.pack, window.from, window.to);
  if (items.length === 0) {
    const upcoming = upcomingFestivals(input.pack, input.today).slice(0, 3);
    return {
      text: lines(
        say.phrase(
          { vi: `${capitalize(window.label)}: không có lễ hội nào trong danh sách của mình.`, en: `${capitalize(window.label)}: there is no festival in my list.`, zh: `${window.label}：列表中没有节日。`, ko: `${window.label}: 목록에 있는 축제가 없습니다.` },
        ),
        upcoming.length > 0 && say.phrase({ vi: "Các lễ hội sắp tới:", en: "Coming up:", zh: "即将举行：", ko: "곧 열리는 축제:" }),
        festivalLines(upcoming, say),
        say.fallbackNote(),
      ),
      choices: festivalChoices(upcoming, say),
    };
  }
  return {
    text: lines(
      say.phrase({ vi: `Các lễ hội ${window.label}:`, en: `Festivals ${window.label}:`, zh: `${window.label}的节日：`, ko: `${window.label} 축제:` }),
      festivalLines(items, say),
      say.phrase({ vi: "Chọn một lễ hội để xem chi tiết.", en: "Pick one for details.", zh: "选择一个查看详情。", ko: "자세히 보려면 하나를 선택하세요." }),
      say.fallbackNote(),
    ),
    choices: festivalChoices(items, say),
  };
}

/** The upcoming festivals as a list and as choices (no festival and no window named; also the festivals menu). */
export function upcomingReply(input: AnswerInput): Reply {
  const say = speaker(input.language);
  const items = upcomingFestivals(input.pack, input.today);
  if (items.length === 0) {
    return {
      text: say.phrase({ vi: "Hiện mình chưa có lịch lễ hội nào sắp tới.", en: "I have no upcoming festivals in my list yet.", zh: "目前列表中还没有即将举行的节日。", ko: "아직 목록에 예정된 축제가 없습니다." }),
      choices: [staffChoice(say.lang)],
    };
  }
  return {
    text: lines(
      say.phrase({ vi: `Các lễ hội sắp tới ở ${say.text(input.pack.names)}:`, en: `Upcoming festivals in ${say.text(input.pack.names)}:`, zh: `${say.text(input.pack.names)}即将举行的节日：`, ko: `${say.text(input.pack.names)}에서 곧 열리는 축제:` }),
      festivalLines(items, say),
      say.phrase({ vi: "Chọn một lễ hội để xem chi tiết.", en: "Pick one for details.", zh: "选择一个查看详情。", ko: "자세히 보려면 하나를 선택하세요." }),
      say.fallbackNote(),
    ),
    choices: festivalChoices(items, say),
  };
}

function capitalize(text: string): string {
  return text ? text[0].toLocaleUpperCase("vi") + text.slice(1) : text;
}

/** A Korean name with its topic particle: 은 after a final consonant, 는 after a vowel; 은(는) when not Hangul. */
function withTopic(name: string): string {
  const last = name.trimEnd().codePointAt(name.trimEnd().length - 1) ?? 0;
  if (last < 0xac00 || last > 0xd7a3) return `${name}은(는)`;
  return `${name}${(last - 0xac00) % 28 === 0 ? "는" : "은"}`;
}
