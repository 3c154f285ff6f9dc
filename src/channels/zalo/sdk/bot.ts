import { Api } from "./api.js";
import type { ApiClientOptions } from "./client.js";
import { Composer, run } from "./composer.js";
import { Context, type BotInfo } from "./context.js";
import { BotError } from "./errors.js";
import type { ZaloEvent } from "./events.js";

/** Builds the context of each event; pass a subclass to add your own fields (grammY's ContextConstructor). */
export type ContextConstructor<C extends Context> = new (event: ZaloEvent, api: Api, me: BotInfo) => C;

export interface BotOptions<C extends Context> {
  /** An Api, or the options to build one. */
  api?: Api | ApiClientOptions;
  botInfo?: BotInfo;
  ContextConstructor?: ContextConstructor<C>;
}

/**
 * A Zalo OA bot (grammY's src/bot.ts): a composer that receives webhook events. A handler's error is wrapped in a
 * `BotError` with its context and goes to the one `bot.catch` handler; without one it is printed and dropped,
 * so one bad event never stops the others.
 *
 * @example
 * const bot = new Bot({ api: { apiRoot: "https://openapi.zalo.me" }, botInfo: { oaId } });
 * bot.on("follow", (ctx) => ctx.reply("Cảm ơn bạn đã quan tâm!"));
 * bot.catch((err) => console.error(err.ctx.eventName, err.error));
 * app.post("/webhooks/zalo", webhookCallback(bot, { secretKey }));
 */
export class Bot<C extends Context = Context> extends Composer<C> {
  readonly api: Api;
  readonly botInfo: BotInfo;
  readonly #ContextConstructor: ContextConstructor<C>;
  #onError: (error: BotError<C>) => unknown = (error) => console.error(`Zalo ${String(error.ctx.eventName)} handler failed:`, error.error);

  constructor(options: BotOptions<C> = {}) {
    super();
    this.api = options.api instanceof Api ? options.api : new Api(options.api);
    this.botInfo = options.botInfo ?? {};
    this.#ContextConstructor = options.ContextConstructor ?? (Context as unknown as ContextConstructor<C>);
  }

  /** Sets the one handler of errors thrown by middleware. */
  catch(handler: (error: BotError<C>) => unknown): this {
    this.#onError = handler;
    return this;
  }

  /**
   * Runs the middleware on one event. Resolves when it is handled, or after the error handler ran; rejects only
   * when the error handler itself throws.
   */
  async handleEvent(event: ZaloEvent): Promise<void> {
    const ctx = new this.#ContextConstructor(event, this.api, this.botInfo);
    try {
      await run(this.middleware(), ctx);
    } catch (error) {
      await this.#onError(new BotError(error, ctx));
    }
  }
}
