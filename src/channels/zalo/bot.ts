import { BotError, run } from "../../core/composer.js";
import type { ZaloApi } from "./api.js";
import { ZaloComposer } from "./composer.js";
import { ZaloContext } from "./context.js";
import type { ZaloEvent } from "./types.js";

/**
 * A Zalo OA bot: a composer that receives webhook events (grammY's src/bot.ts). Errors from handlers
 * are wrapped in BotError with the context and go to one `catch` handler.
 *
 * @example
 * const bot = new ZaloBot(api);
 * bot.on("follow", (ctx) => ctx.reply("Cảm ơn bạn đã quan tâm!"));
 * bot.catch((err) => log.error(err));
 * await bot.handleEvent(event);
 */
export class ZaloBot extends ZaloComposer<ZaloContext> {
  #onError: (error: BotError<ZaloContext>) => unknown = (error) => {
    throw error;
  };

  constructor(readonly api: ZaloApi) {
    super();
  }

  catch(handler: (error: BotError<ZaloContext>) => unknown): this {
    this.#onError = handler;
    return this;
  }

  async handleEvent(event: ZaloEvent): Promise<void> {
    const ctx = new ZaloContext(event, this.api);
    try {
      await run(this.middleware(), ctx);
    } catch (error) {
      await this.#onError(new BotError(error, ctx));
    }
  }
}
