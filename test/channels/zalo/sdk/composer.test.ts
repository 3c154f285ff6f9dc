import { describe, expect, it } from "vitest";
import { Bot, Composer, matchFilter, type ZaloEvent } from "../../../../src/channels/zalo/sdk/index.js";
import { event, stubApi } from "./helpers.js";

const newBot = () => new Bot({ api: stubApi().api });

describe("Composer", () => {
  it("routes events by name and by shortcut; the first handler that does not call next ends the chain", async () => {
    const bot = newBot();
    const seen: string[] = [];
    bot.on(":location", (ctx, next) => {
      seen.push(`location ${ctx.event.message.attachments[0].payload.coordinates.latitude}`);
      return next();
    });
    bot.on("user_send_text", (ctx) => void seen.push(`text ${ctx.event.message.text}`));
    bot.on(":image", (ctx) => void seen.push(`image ${ctx.event.message.attachments[0].payload.url}`));
    bot.on("follow", (ctx) => void seen.push(`follow ${ctx.userId}`));
    bot.use((ctx) => void seen.push(`fallthrough ${ctx.eventName}`));
    for (const name of ["user_send_location", "user_send_text", "user_send_image", "follow", "oa_send_text"]) await bot.handleEvent(event(name));
    expect(seen).toEqual([
      "location 21.1717",
      "fallthrough user_send_location",
      "text hoi lim nam nay ngay nao vay ad",
      "image https://photo-stal-1.zdn.vn/full.jpg",
      "follow 2512523625412515000",
      "fallthrough oa_send_text",
    ]);
  });

  it("a list of queries matches any of them; an unknown query throws naming the legal ones", () => {
    const predicate = matchFilter(["follow", "unfollow"]);
    expect(predicate(event("follow"))).toBe(true);
    expect(predicate(event("user_send_text"))).toBe(false);
    expect(() => matchFilter("nope" as never)).toThrow(/Unknown Zalo filter query "nope".*user_send_text/);
  });

  it("'message' and ':attachments' see the person's messages, 'oa_echo' the OA's own", () => {
    expect(matchFilter("message")(event("user_send_link"))).toBe(true);
    expect(matchFilter("message")(event("oa_send_text"))).toBe(false);
    expect(matchFilter("oa_echo")(event("oa_send_text"))).toBe(true);
    expect(matchFilter(":attachments")(event("user_send_image"))).toBe(true);
    expect(matchFilter(":attachments")(event("user_send_text"))).toBe(false);
  });

  it("a message event without the shape its type promises matches no query", () => {
    const broken = { ...event<Record<string, unknown>>("user_send_image"), message: { msg_id: "x" } } as unknown as ZaloEvent;
    expect(matchFilter("user_send_image")(broken)).toBe(false);
    expect(matchFilter("message")({ event_name: "user_send_text", message: "hi" } as unknown as ZaloEvent)).toBe(false);
  });

  it("filter, branch, drop and nested composers", async () => {
    const bot = newBot();
    const seen: string[] = [];
    bot.drop((ctx) => ctx.fromOa);
    const texts = new Composer();
    texts.on(":text").filter((ctx) => ctx.text!.includes("lim"), (ctx) => void seen.push(`lim: ${ctx.text}`));
    bot.use(texts);
    bot.branch((ctx) => ctx.eventName === "follow", () => void seen.push("welcome"), () => void seen.push("other"));
    for (const name of ["oa_send_text", "user_send_text", "follow", "user_send_image"]) await bot.handleEvent(event(name));
    expect(seen).toEqual(["lim: hoi lim nam nay ngay nao vay ad", "welcome", "other"]);
  });

  it("errors in handlers reach the one bot.catch as a BotError with the context", async () => {
    const bot = newBot();
    bot.on(":text", () => {
      throw new Error("boom");
    });
    let caught = "";
    bot.catch((error) => void (caught = `${error.name} ${error.message} @ ${error.ctx.eventName} from ${error.ctx.userId}`));
    await bot.handleEvent(event("user_send_text"));
    expect(caught).toBe("BotError boom @ user_send_text from 2512523625412515000");
  });

  it("calling next twice throws", async () => {
    const bot = newBot();
    bot.use(async (_ctx, next) => {
      await next();
      await next();
    });
    bot.use(() => undefined);
    let caught = "";
    bot.catch((error) => void (caught = error.message));
    await bot.handleEvent(event("user_send_text"));
    expect(caught).toBe("`next` already called before!");
  });

  it("a custom context class is used for every event", async () => {
    class MyContext extends (await import("../../../../src/channels/zalo/sdk/index.js")).Context {
      get shout() {
        return this.text?.toUpperCase();
      }
    }
    const bot = new Bot<MyContext>({ api: stubApi().api, ContextConstructor: MyContext });
    let shout: string | undefined;
    bot.on(":text", (ctx) => void (shout = ctx.shout));
    await bot.handleEvent(event("user_send_text"));
    expect(shout).toBe("HOI LIM NAM NAY NGAY NAO VAY AD");
  });
});
