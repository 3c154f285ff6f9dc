import { beforeAll, describe, expect, it } from "vitest";
import { createUnderstander, detectLanguage, normalize, type Understander } from "../../src/nlu/index.js";
import { TEST_CATALOG } from "./test-catalog.js";

const today = "2026-01-10";
let nlu: Understander;
beforeAll(() => {
  nlu = createUnderstander({ catalog: TEST_CATALOG });
});
const understand = (text: string, previousLanguage?: "vi" | "en" | "zh" | "ko") => nlu.understand(text, { today, previousLanguage });

describe("Chinese and Korean", () => {
  it("detects the language from the script, whatever the person wrote before", () => {
    expect(understand("林会什么时候", "vi").language).toBe("zh");
    expect(understand("림 축제 언제예요?", "en").language).toBe("ko");
    expect(understand("林會什麼時候舉行").language).toBe("zh");
  });

  it("keeps the person's language in a mixed message unless the other script dominates it", () => {
    expect(understand("When is 林会?", "en").language).toBe("en");
    expect(understand("cho mình hỏi 林会 là gì", "vi").language).toBe("vi");
    expect(understand("Lim festival 几号?", "zh").language).toBe("zh");
    expect(understand("Hội Lim 언제예요", "ko").language).toBe("ko");
    // No language known yet: the Han characters decide.
    expect(understand("Hội Lim 是什么时候").language).toBe("zh");
    expect(detectLanguage(["ok"], "ko")).toBe("ko");
    // A Vietnamese name typed without diacritics does not switch a Korean speaker; a sentence does.
    expect(understand("Hoi Lim 2027", "ko").language).toBe("ko");
    expect(understand("When is the Lim festival?", "ko").language).toBe("en");
    expect(understand("Hội Lim", "zh").language).toBe("zh");
    expect(understand("Hội Lim năm nay ngày nào", "zh").language).toBe("vi");
  });

  it("maps Traditional characters to Simplified and splits Han per character", () => {
    expect(normalize("林會什麼時候").tokens).toEqual(["林", "会", "什", "么", "时", "候"]);
  });

  it("drops Korean particles so spacing and endings do not matter", () => {
    expect(normalize("림축제는 언제예요").tokens).toEqual(normalize("림 축제 언제").tokens);
    expect(normalize("문의").tokens).toEqual(["문", "의"]); // a two-syllable word keeps its last syllable
  });

  it("finds festivals and heritage by their Chinese and Korean names", () => {
    const zh = understand("林会什么时候");
    expect(zh.intent).toBe("festival_dates");
    expect(zh.entities.festivals).toEqual(["hoi-lim"]);
    expect(understand("林會幾號").entities.festivals).toEqual(["hoi-lim"]);
    const ko = understand("림축제는 몇 월 며칠이에요?");
    expect(ko.intent).toBe("festival_dates");
    expect(ko.entities.festivals).toEqual(["hoi-lim"]);
    expect(understand("官贺民歌是什么").entities.heritage).toEqual(["quan-ho-bac-ninh"]);
    expect(understand("관호가 뭐예요").entities.heritage).toEqual(["quan-ho-bac-ninh"]);
  });

  it("reads years and periods written in Chinese and Korean", () => {
    expect(understand("明年林会几号").entities.year).toBe(2027);
    expect(understand("2027년 림 축제 날짜").entities.year).toBe(2027);
    expect(understand("下个月有什么庙会").entities.month).toBe(2);
    expect(understand("이번 주말에 축제 있어요?").entities.window?.from).toBe("2026-01-10");
    expect(understand("农历三月有什么节日").entities).toMatchObject({ month: 3, lunarMonth: true });
  });

  it("understands the tourist intents", () => {
    expect(understand("你好").intent).toBe("greeting");
    expect(understand("谢谢你").intent).toBe("thanks");
    expect(understand("我要人工客服").intent).toBe("human_handoff");
    expect(understand("办公室电话多少").intent).toBe("contact_info");
    expect(understand("河内明天天气怎么样").intent).toBe("out_of_scope");
    expect(understand("안녕하세요").intent).toBe("greeting");
    expect(understand("감사합니다").intent).toBe("thanks");
    expect(understand("상담원 연결해 주세요").intent).toBe("human_handoff");
    expect(understand("환율 얼마예요").intent).toBe("out_of_scope");
  });
});
