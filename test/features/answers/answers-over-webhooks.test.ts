import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { messengerText, recordGraphSends, recordZaloSends, startTestServer, zaloText, zaloTextTo, type TestServer } from "../../helpers/test-server.js";

describe("answers through the webhooks", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ BOT_TODAY: "2026-11-25" });
  });
  afterEach(async () => {
    await server.stop();
    nock.cleanAll();
  });

  it("Zalo, no diacritics: a lunar festival date for a named year, with weekday and lunar date", async () => {
    const sent = recordZaloSends();
    await server.postZalo(zaloText("hoi lim nam 2027 ngay nao vay ad", "u-lim"));
    await server.settle();
    const text = zaloTextTo(sent, "u-lim");
    expect(text).toContain("18/02/2027");
    expect(text).toContain("thứ Năm");
    expect(text).toMatch(/13 tháng Giêng/);
  });

  it("Messenger, English in → English out", async () => {
    const sent = recordGraphSends();
    await server.postMessenger(messengerText("When is the Lim festival?", "en-person"));
    await server.settle();
    const text = sent.map((s) => s.body.message.text).join("\n");
    expect(text).toContain("Lim Festival");
    expect(text).toContain("18 Feb 2027");
    expect(text).not.toMatch(/Hội Lim năm/);
  });

  it("plan questions cite the plan and section", async () => {
    const sent = recordZaloSends();
    await server.postZalo(zaloText("kế hoạch của phường có mục tiêu số hóa dữ liệu di tích không", "u-plan"));
    await server.settle();
    const text = zaloTextTo(sent, "u-plan");
    expect(text).toMatch(/Kế hoạch .*phường Võ Cường.*mục [IVX]+/);
  });

  it("an unknown contact field is 'chưa cập nhật' with staff on offer, never a made-up number", async () => {
    const sent = recordZaloSends();
    await server.postZalo(zaloText("cho mình xin sdt phòng văn hóa xã hội", "u-contact"));
    await server.settle();
    const text = zaloTextTo(sent, "u-contact");
    expect(text).toContain("chưa cập nhật");
    expect(text).toContain("[Gặp cán bộ]");
    expect(text).not.toMatch(/\b0\d{9}\b/);
  });

  it("an off-topic question gets a helpful reply and an offer of staff, and is recorded as a content gap", async () => {
    const sent = recordZaloSends();
    await server.postZalo(zaloText("giá vàng sjc hôm nay bao nhiêu", "u-gold"));
    await server.settle();
    const text = zaloTextTo(sent, "u-gold");
    expect(text).toContain("Gặp cán bộ");
    const events = await server.store.collection<{ answered: boolean; text?: string }>("events").find({ answered: false });
    expect(events.map((e) => e.text)).toContain("giá vàng sjc hôm nay bao nhiêu");
  });

  it("a menu button (Zalo #payload) opens the festival list", async () => {
    const sent = recordZaloSends();
    await server.postZalo(zaloText("#menu:festivals", "u-menu"));
    await server.settle();
    expect(zaloTextTo(sent, "u-menu")).toContain("Hội Lim");
  });
});
