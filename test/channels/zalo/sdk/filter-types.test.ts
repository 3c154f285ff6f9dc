import { describe, expect, expectTypeOf, it } from "vitest";
import { Bot, type FilteredEvent, type ZaloLocationAttachment, type ZaloMediaAttachment } from "../../../../src/channels/zalo/sdk/index.js";
import { stubApi } from "./helpers.js";

/**
 * Type-level tests: `npm run typecheck` compiles this file, so a `@ts-expect-error` that no longer errors (a typo
 * that compiles, an attachment that became optional) fails CI.
 */
describe("filter queries narrow types at compile time", () => {
  it("narrows ctx.event per query, and a typo does not compile", () => {
    const bot = new Bot({ api: stubApi().api });
    bot.on("user_send_image", (ctx) => {
      expectTypeOf(ctx.event.message.attachments).toEqualTypeOf<ZaloMediaAttachment<"image">[]>();
      expectTypeOf(ctx.event.message.attachments[0].payload.url).toEqualTypeOf<string>();
    });
    bot.on("user_send_text", (ctx) => expectTypeOf(ctx.event.message.text).toEqualTypeOf<string>());
    bot.on(":location", (ctx) => expectTypeOf(ctx.event.message.attachments).toEqualTypeOf<ZaloLocationAttachment[]>());
    bot.on("user_submit_info", (ctx) => expectTypeOf(ctx.event.info.phone).toEqualTypeOf<string | undefined>());
    bot.on(["follow", "unfollow"], (ctx) => expectTypeOf(ctx.event.event_name).toEqualTypeOf<"follow" | "unfollow">());
    // ...and, for queries built from strings, a runtime error.
    // @ts-expect-error a typo in the query is a compile error
    expect(() => bot.on("user_send_imgae", () => undefined)).toThrow(/Unknown Zalo filter query/);
    bot.on("user_send_text", (ctx) => {
      // @ts-expect-error a text message has no attachments
      void ctx.event.message.attachments;
    });
    expectTypeOf<FilteredEvent<":image">["event_name"]>().toEqualTypeOf<"user_send_image" | "user_send_gif">();
  });
});
