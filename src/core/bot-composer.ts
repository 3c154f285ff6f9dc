import { Composer, type Middleware } from "./composer.js";
import { matchBotFilter, type BotContext, type BotFilterMap, type BotFilterQuery } from "./context.js";

/**
 * The channel-neutral composer: `on("text")`, `on("choice")`, `on("location")`… narrow the context.
 *
 * @example
 * const bot = new BotComposer<AppContext>();
 * bot.on("text", (ctx) => ctx.reply(ctx.text.toUpperCase()));
 */
export class BotComposer<C extends BotContext> extends Composer<C> {
  on<Q extends BotFilterQuery>(query: Q, ...middleware: Middleware<BotFilterMap<C>[Q]>[]): Composer<BotFilterMap<C>[Q]> {
    const predicate = matchBotFilter(query);
    return this.filter((ctx): ctx is BotFilterMap<C>[Q] => predicate(ctx), ...middleware);
  }
}
