import { describe, expect, expectTypeOf, it } from "vitest";
import { ZaloApi } from "../../src/channels/zalo/api.js";
import { ZaloBot } from "../../src/channels/zalo/bot.js";
import { ZaloClient } from "../../src/channels/zalo/client.js";
import { matchFilter } from "../../src/channels/zalo/filter.js";
import type { ZaloEvent } from "../../src/channels/zalo/types.js";
import { fixture } from "../helpers/test-server.js";

const api = new ZaloApi(new ZaloClient({ baseUrl: "http://127.0.0.1:9" }));

describe("Zalo composer filters", () => {
  it("routes events by name and by shortcut, narrowing the event type", async () => {
    const bot = new ZaloBot(api);
    const seen: string[] = [];
    bot.on(":location", (ctx, next) => {
      const coordinates = ctx.event.message.attachments?.[0]?.payload?.coordinates;
      seen.push(`location ${coordinates?.latitude}`);
      return next();
    });
    bot.on("user_send_text", (ctx) => {
      expectTypeOf(ctx.event.message.text).toEqualTypeOf<string>();
      seen.push(`text ${ctx.event.message.text}`);
    });
    bot.on(":image", (ctx) => void seen.push(`image ${ctx.event.message.attachments?.[0]?.payload?.url}`));
    bot.on("follow", (ctx) => void seen.push(`follow ${ctx.userId}`));
    bot.use(() => void seen.push("fallthrough"));

    for (const name of ["user_send_location", "user_send_text", "user_send_image", "follow", "oa_send_text"]) {
      await bot.handleEvent(fixture<ZaloEvent>(`zalo/${name}.json`));
    }
    expect(seen).toEqual([
      "location 21.1717",
      "fallthrough",
      "text hoi lim nam nay ngay nao vay ad",
      "image https://photo-stal-1.zdn.vn/full.jpg",
      "follow 2512523625412515000",
      "fallthrough",
    ]);
  });

  it("a list of queries matches any of them; unknown queries throw", () => {
    const predicate = matchFilter(["follow", "unfollow"]);
    expect(predicate(fixture<ZaloEvent>("zalo/follow.json"))).toBe(true);
    expect(predicate(fixture<ZaloEvent>("zalo/user_send_text.json"))).toBe(false);
    expect(() => matchFilter("nope" as never)).toThrow(/Unknown Zalo filter query/);
  });

  it("filter(':attachments') and 'message' see every user message kind", () => {
    const message = matchFilter("message");
    const attachments = matchFilter(":attachments");
    expect(message(fixture<ZaloEvent>("zalo/user_send_link.json"))).toBe(true);
    expect(message(fixture<ZaloEvent>("zalo/oa_send_text.json"))).toBe(false);
    expect(attachments(fixture<ZaloEvent>("zalo/user_send_image.json"))).toBe(true);
    expect(attachments(fixture<ZaloEvent>("zalo/user_send_text.json"))).toBe(false);
  });

  it("errors in handlers reach bot.catch with the context", async () => {
    const bot = new ZaloBot(api);
    bot.on(":text", () => {
      throw new Error("boom");
    });
    let caught: string | undefined;
    bot.catch((error) => void (caught = `${error.message} @ ${error.ctx.event.event_name}`));
    await bot.handleEvent(fixture<ZaloEvent>("zalo/user_send_text.json"));
    expect(caught).toBe("boom @ user_send_text");
  });

  it("calling next twice throws", async () => {
    const bot = new ZaloBot(api);
    bot.use(async (_ctx, next) => {
      await next();
      await next();
    });
    bot.use(() => undefined);
    let caught = "";
    bot.catch((error) => void (caught = error.message));
    await bot.handleEvent(fixture<ZaloEvent>("zalo/user_send_text.json"));
    expect(caught).toMatch(/next/);
  });
});
