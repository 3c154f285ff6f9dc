import fs from "node:fs";
import path from "node:path";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../../src/content/index.js";
import { Knowledge } from "../../../src/shared/knowledge.js";
import { tempDir } from "../../helpers/chat.js";
import { fixture, messengerText, recordGraphSends, recordZaloSends, serverPerTest, startTestServer, zaloText, zaloTextTo, type TestServer } from "../../helpers/test-server.js";

/** Chinese and Korean speakers through the real webhooks: detection, switching, answers, dates, fallbacks. */

/** Everything sent to one Messenger person, as text (quick replies as [title]). */
const messengerTextTo = (sent: { body: any }[], psid: string) =>
  sent
    .filter((s) => s.body.recipient?.id === psid && s.body.message)
    .map((s) => [s.body.message.text ?? "", ...(s.body.message.quick_replies ?? []).map((q: any) => `[${q.title}]`)].join(" "))
    .join("\n");

const messengerPostback = (payload: string, psid: string) => ({
  object: "page",
  entry: [{ id: "108512345678901", time: Date.now(), messaging: [{ sender: { id: psid }, recipient: { id: "108512345678901" }, timestamp: Date.now(), postback: { mid: `m_${Math.random().toString(36).slice(2)}`, title: "x", payload } }] }],
});

describe("Chinese and Korean through the webhooks", () => {
  // 25 Nov 2026: the next Hội Lim is the 13th of the first lunar month of 2027 = Thursday 18 Feb 2027.
  const holder = serverPerTest({ BOT_TODAY: "2026-11-25" });

  const ask = async (text: string, userId: string, sent = recordZaloSends()) => {
    const before = sent.length;
    await holder.server.postZalo(zaloText(text, userId));
    await holder.server.settle();
    return zaloTextTo(sent.slice(before), userId);
  };

  it("a Chinese festival question is answered in Chinese with the computed date", async () => {
    const text = await ask("林会什么时候", "zh-1");
    expect(text).toContain("2027年林会（林庙会）");
    expect(text).toContain("农历正月十三");
    expect(text).toContain("2027年2月18日（星期四）");
    expect(text).toContain("[其他节日]");
    expect(text).not.toMatch(/Hội Lim năm|chính hội|Lim Festival 2027/);
    const conversation = await holder.server.services.conversations.get("zalo:" + zaloText("x").recipient.id + ":zh-1");
    expect(conversation?.language).toBe("zh");
  });

  it("a Korean festival question on Messenger is answered in Korean with the computed date", async () => {
    const sent = recordGraphSends();
    await holder.server.postMessenger(messengerText("림 축제는 몇 월 며칠이에요?", "ko-1"));
    await holder.server.settle();
    const text = messengerTextTo(sent, "ko-1");
    expect(text).toContain("2027년 림 축제");
    expect(text).toContain("음력 1월 13일");
    expect(text).toContain("2027년 2월 18일(목요일)");
    expect(text).toContain("[다른 축제]");
  });

  it("understands Traditional characters and answers in (Simplified) Chinese", async () => {
    const text = await ask("請問林會什麼時候舉行？", "zh-trad");
    expect(text).toContain("2027年2月18日");
    expect(text).toContain("游客须知");
  });

  it("switches language by command and by a localised menu payload, and keeps it for later messages", async () => {
    const sent = recordZaloSends();
    expect(await ask("한국어", "sw", sent)).toMatch(/이제 한국어로 안내해 드릴게요[\s\S]*\[축제\][\s\S]*\[직원 연결\]/);
    // "ok" carries no language: the chosen one stays.
    expect(await ask("ok", "sw", sent)).toMatch(/축제|문화유산/);
    expect(await ask("English", "sw", sent)).toContain("I will answer in English");
    expect(await ask("中文", "sw", sent)).toContain("接下来我用中文为您服务");
    expect(await ask("Tiếng Việt", "sw", sent)).toContain("từ giờ mình trả lời bằng tiếng Việt");

    const graph = recordGraphSends();
    await holder.server.postMessenger(messengerPostback("lang:zh:menu:festivals", "zh-menu"));
    await holder.server.settle();
    const list = messengerTextTo(graph, "zh-menu");
    expect(list).toContain("即将举行的节日");
    expect(list).toMatch(/年\d+月\d+日/);
  });

  it("a mixed message keeps the person's language", async () => {
    const sent = recordZaloSends();
    await ask("你好", "mix-zh", sent);
    // Latin words with a Chinese question: still Chinese.
    expect(await ask("Lim festival 几号?", "mix-zh", sent)).toContain("2027年2月18日");
    await ask("Hello there", "mix-en", sent);
    // An English question naming the festival in Chinese: still English.
    const english = await ask("When is 林会?", "mix-en", sent);
    expect(english).toContain("18 Feb 2027");
    expect(english).not.toContain("2027年");
  });

  it("a Chinese speaker asking to report is told in Chinese that reports are Vietnamese/English, with English or staff", async () => {
    const sent = recordZaloSends();
    const notice = await ask("我要举报，寺庙墙上被人乱涂乱画", "zh-report", sent);
    expect(notice).toContain("举报目前只能用越南语或英语提交");
    expect(notice).toContain("[用英语继续]");
    expect(notice).toContain("[人工客服]");
    const reports = await holder.server.store.collection("reports").find();
    expect(reports).toHaveLength(0);
    // "Continue in English" switches and opens the report dialog in English.
    const english = await ask("#lang:en:menu:report", "zh-report", sent);
    expect(english).toMatch(/report/i);
    expect(english).not.toMatch(/举报/);
    expect((await holder.server.services.conversations.get("zalo:" + zaloText("x").recipient.id + ":zh-report"))?.language).toBe("en");
  });

  it("a Korean speaker asking for a class, or tapping Register on a class notice, is told in Korean that classes are vi/en, with English or staff", async () => {
    const sent = recordZaloSends();
    const notice = await ask("관호 강좌 신청하고 싶어요", "ko-class", sent);
    expect(notice).toContain("강좌(관호 민요, 전통 공예) 안내와 신청은 현재 베트남어와 영어로만 가능합니다");
    expect(notice).toContain("[영어로 계속]");
    expect(notice).toContain("[직원 연결]");
    const tapped = await ask("#class:register:lop-quan-ho-vo-cuong", "ko-class", sent);
    expect(tapped).toContain("영어로만 가능합니다");
    // "Continue in English" carries on with the same class.
    const english = sent.at(-1)!.body.message.attachment.payload.buttons[0];
    expect(english).toMatchObject({ title: "영어로 계속", payload: "#lang:en:class:register:lop-quan-ho-vo-cuong" });
    expect(await holder.server.store.collection("registrations").find()).toHaveLength(0);
  });

  it("content now in Chinese and Korean: the festival's place, a unit's name and role, a heritage site's place", async () => {
    const sent = recordZaloSends();
    const festival = await ask("林会几号", "zh-content", sent);
    expect(festival).toContain("地点：北宁省仙游社（红云山周围的七个村庄）");
    expect(festival).not.toContain("部分内容");
    const contact = await ask("武强坊公安的电话多少", "zh-content", sent);
    expect(contact).toContain("武强坊公安");
    expect(contact).toContain("职责：主动预防和制止利用文化活动");
    // The phone is not in content: said to be not yet updated, with staff on offer, never a number.
    expect(contact).toContain("电话：尚未更新");
    expect(contact).toContain("[人工客服]");
    // The UNESCO list by the ranking's Chinese wording (the content's list name is English).
    const heritage = await ask("官贺民歌是什么", "zh-content", sent);
    expect(heritage).toContain("北宁官贺民歌 (非物质文化遗产)");
    expect(heritage).toContain("2009年9月30日被联合国教科文组织列入：人类非物质文化遗产代表作名录。");
    expect(heritage).not.toContain("Representative List");
    const ko = await ask("박닌 문묘는 어디에 있어요?", "ko-content", sent);
    expect(ko).toContain("박닌성 푹선 언덕");
    expect(ko).not.toMatch(/Phuc Son hill|Núi Phúc Sơn/);
  });
  it("the welcome offers the other languages; choosing one answers in it from then on", async () => {
    const sent = recordZaloSends();
    const follow = { ...fixture<any>("zalo/follow.json"), timestamp: String(Date.now()), follower: { id: "new-follower" } };
    await holder.server.postZalo(follow);
    await holder.server.settle();
    const welcome = zaloTextTo(sent, "new-follower");
    expect(welcome).toContain("Mình là trợ lý văn hóa");
    expect(welcome).toContain("[中文]");
    expect(welcome).toContain("[한국어]");
    expect(welcome).toContain("[English]");
    expect(await ask("#lang:ko", "new-follower", sent)).toContain("이제 한국어로 안내해 드릴게요");
    expect(await ask("Hoi Lim 2027", "new-follower", sent)).toContain("2027년 2월 18일");
  });

  it("greets, thanks, hands off and declines off-topic questions in Korean", async () => {
    const sent = recordZaloSends();
    expect(await ask("안녕하세요", "ko-2", sent)).toContain("문화 도우미입니다");
    expect(await ask("감사합니다", "ko-2", sent)).toContain("도움이 되어 기뻐요");
    expect(await ask("하노이 내일 날씨 어때요", "ko-2", sent)).toContain("죄송하지만 그 질문에는 답할 수 없어요");
    expect(await ask("상담원 연결해 주세요", "ko-2", sent)).toContain("직원이 여기에서 답변해 드립니다");
    // While staff are on the line the bot is quiet; "종료" ends it, in Korean.
    expect(await ask("축제 언제예요", "ko-2", sent)).toBe("");
    expect(await ask("종료", "ko-2", sent)).toContain("직원과의 대화가 끝났습니다");
  });
});

describe("a missing Chinese or Korean translation", () => {
  // A copy of the content where staff have not translated some fields yet.
  let server: TestServer;
  beforeAll(async () => {
    const dir = tempDir("content-untranslated-");
    fs.cpSync("content", dir, { recursive: true });
    const festivals = path.join(dir, "bac-ninh", "festivals.yaml");
    const lines = fs.readFileSync(festivals, "utf8").split("\n");
    // Hội Lim's place loses its Chinese and Korean (the lines right after its English place).
    const at = lines.findIndex((l) => l.startsWith("    en: \"Tien Du commune"));
    expect(lines.slice(at + 1, at + 4).map((l) => l.trim().split(":")[0])).toEqual(["zh", "ko", "reviewed"]);
    lines.splice(at + 1, 3);
    fs.writeFileSync(festivals, lines.join("\n"));
    const contacts = path.join(dir, "vo-cuong", "contacts.yaml");
    // The ward police's name keeps only Vietnamese and English; its role only Vietnamese.
    const text = fs
      .readFileSync(contacts, "utf8")
      .replace(', zh: "武强坊公安", ko: "보끄엉 동 공안", reviewed: { zh: false, ko: false }', "")
      .replace(/(\n    vi: "Chủ động phòng ngừa[^\n]*)\n    en: [^\n]*\n    zh: [^\n]*\n    ko: [^\n]*\n    reviewed: [^\n]*/, "$1");
    fs.writeFileSync(contacts, text);
    server = await startTestServer({ BOT_TODAY: "2026-11-25" }, { knowledge: new Knowledge(loadContent(dir), "vo-cuong") });
  });
  afterAll(async () => {
    await server.stop();
    nock.cleanAll();
  });
  it("falls back to English, then Vietnamese, never to an empty field, and says so", async () => {
    const sent = recordZaloSends();
    const ask = async (text: string, userId: string) => {
      await server.postZalo(zaloText(text, userId));
      await server.settle();
      return zaloTextTo(sent, userId);
    };
    const festival = await ask("林会几号", "zh-fallback");
    expect(festival).toContain("地点：Tien Du commune");
    expect(festival).toContain("部分内容暂时只有英文版本");
    expect(festival).not.toMatch(/：\s*\n|：$/m);
    const list = await ask("武强坊的公安部门电话多少", "zh-fallback-2");
    expect(list).toContain("• Vo Cuong Ward Police");
    // Its card, as the list's choice opens it.
    const contact = (await ask("#contact:cong-an-phuong", "zh-fallback-2")).slice(list.length);
    expect(contact).toMatch(/^\s*Vo Cuong Ward Police\n/);
    // The role has only Vietnamese: shown in Vietnamese, and the note says some of it is in Vietnamese or English.
    expect(contact).toContain("职责：Chủ động phòng ngừa");
    expect(contact).toContain("部分内容目前只有越南语或英语版本");
    const ko = await ask("림 축제 언제예요?", "ko-fallback");
    expect(ko).toContain("장소: Tien Du commune");
    expect(ko).toContain("(일부 내용은 아직 영어로만 제공됩니다.)");
  });
});
