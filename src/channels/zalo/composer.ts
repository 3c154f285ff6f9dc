import { Composer, type Middleware } from "../../core/composer.js";
import type { ZaloContext } from "./context.js";
import { matchFilter, type ZaloFilterMap, type ZaloFilterQuery } from "./filter.js";

/** The context after `on(query)`: `ctx.event` has the narrowed type. */
export type ZaloFilter<C extends ZaloContext, Q extends ZaloFilterQuery> = C & { event: ZaloFilterMap[Q] };

/**
 * The core composer plus Zalo filter queries.
 *
 * @example
 * const bot = new ZaloComposer();
 * bot.on(":location", (ctx) => ctx.event.message.attachments); // typed as a location message
 */
export class ZaloComposer<C extends ZaloContext = ZaloContext> extends Composer<C> {
  /** Handlers for the events a query lets through (one query or a list: any of them). */
  on<Q extends ZaloFilterQuery>(query: Q | Q[], ...middleware: Middleware<ZaloFilter<C, Q>>[]): Composer<ZaloFilter<C, Q>> {
    const predicate = matchFilter(query);
    return this.filter((ctx): ctx is ZaloFilter<C, Q> => predicate(ctx.event), ...middleware);
  }
}
