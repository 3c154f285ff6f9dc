import type { Context } from "./context.js";
import { matchFilter, type Filter, type FilterQuery } from "./filter.js";

/**
 * Middleware trees, after grammY's src/composer.ts: a handler is `(ctx, next)`; one that does not want an event
 * calls `next()`. `use`, `on`, `filter` and `branch` are all built from `flatten` and `concat`, and `filter`
 * returns a child composer, so handlers nest.
 */

// ===  Types  ===

export type NextFunction = () => Promise<void>;
export type MiddlewareFn<C> = (ctx: C, next: NextFunction) => unknown;
export interface MiddlewareObj<C> {
  middleware(): MiddlewareFn<C>;
}
export type Middleware<C> = MiddlewareFn<C> | MiddlewareObj<C>;

// ===  Building blocks  ===

/** A middleware object or function as a function. */
function flatten<C>(middleware: Middleware<C>): MiddlewareFn<C> {
  return typeof middleware === "function" ? middleware : (ctx, next) => middleware.middleware()(ctx, next);
}

/** `first`, then `andThen` when `first` calls next; a second call of the same `next` is a bug and throws. */
function concat<C>(first: MiddlewareFn<C>, andThen: MiddlewareFn<C>): MiddlewareFn<C> {
  return async (ctx, next) => {
    let called = false;
    await first(ctx, async () => {
      if (called) throw new Error("`next` already called before!");
      called = true;
      await andThen(ctx, next);
    });
  };
}

function pass<C>(_ctx: C, next: NextFunction): Promise<void> {
  return next();
}

const leaf: NextFunction = () => Promise.resolve();

/**
 * Runs a middleware on a context with a final `next` that does nothing.
 *
 * @example await run(bot.middleware(), ctx);
 */
export async function run<C>(middleware: MiddlewareFn<C>, ctx: C): Promise<void> {
  await middleware(ctx, leaf);
}

// ===  Composer  ===

/**
 * @example
 * const composer = new Composer();
 * composer.on("user_send_text", (ctx) => ctx.reply(`Bạn viết: ${ctx.event.message.text}`));
 * composer.on(["follow", "user_click_chatnow"], (ctx) => ctx.reply("Chào bạn!"));
 * bot.use(composer);
 */
export class Composer<C extends Context = Context> implements MiddlewareObj<C> {
  #handler: MiddlewareFn<C>;

  constructor(...middleware: Middleware<C>[]) {
    this.#handler = middleware.length === 0 ? pass : middleware.map(flatten).reduce(concat);
  }

  middleware(): MiddlewareFn<C> {
    return this.#handler;
  }

  /** Adds middleware for every event; returns a child composer to chain more under it. */
  use(...middleware: Middleware<C>[]): Composer<C> {
    const child = new Composer(...middleware);
    this.#handler = concat(this.#handler, flatten(child));
    return child;
  }

  /**
   * Handlers for the events a filter query lets through (one query, or a list: any of them). The handler's
   * `ctx.event` has the narrowed type; a query that does not exist does not compile.
   *
   * @example bot.on("user_send_image", (ctx) => ctx.event.message.attachments[0].payload.url);
   */
  on<Q extends FilterQuery>(query: Q | Q[], ...middleware: Middleware<Filter<C, Q>>[]): Composer<Filter<C, Q>> {
    const matches = matchFilter(query);
    return this.filter((ctx): ctx is Filter<C, Q> => matches(ctx.event), ...middleware);
  }

  /** Runs `middleware` only when `predicate` holds; a type-guard predicate narrows the context. */
  filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Middleware<D>[]): Composer<D>;
  filter(predicate: (ctx: C) => boolean | Promise<boolean>, ...middleware: Middleware<C>[]): Composer<C>;
  filter(predicate: (ctx: C) => boolean | Promise<boolean>, ...middleware: Middleware<C>[]): Composer<C> {
    const child = new Composer(...middleware);
    this.branch(predicate, child, pass);
    return child;
  }

  /** Runs `onTrue` or `onFalse`, depending on `predicate`. */
  branch(predicate: (ctx: C) => boolean | Promise<boolean>, onTrue: Middleware<C>, onFalse: Middleware<C>): Composer<C> {
    const yes = flatten(onTrue);
    const no = flatten(onFalse);
    return this.use(async (ctx, next) => ((await predicate(ctx)) ? yes(ctx, next) : no(ctx, next)));
  }

  /** Stops the events a predicate matches here: later handlers never see them (e.g. the OA's own echoes). */
  drop(predicate: (ctx: C) => boolean | Promise<boolean>): Composer<C> {
    return this.branch(predicate, () => undefined, pass);
  }
}

