import type { Context } from "./context.js";
import { matchFilter, type Filter, type FilterQuery } from "./filter.js";

/**
 * Middleware trees, after grammY's src/composer.ts: a handler is `(ctx, next)`; one that does not want an event
 * calls `next()`. `on`, `filter`, `branch` and `drop` are built on `use`, and each returns a child composer, so
 * handlers nest. A composer runs its stack in order (Hono's src/compose.ts); calling `next` twice throws.
 */

// ===  Types  ===

export type NextFunction = () => Promise<void>;
export type MiddlewareFn<C> = (ctx: C, next: NextFunction) => unknown;
export interface MiddlewareObj<C> {
  middleware(): MiddlewareFn<C>;
}
export type Middleware<C> = MiddlewareFn<C> | MiddlewareObj<C>;

// ===  Running a stack  ===

const asFunction = <C>(middleware: Middleware<C>): MiddlewareFn<C> =>
  typeof middleware === "function" ? middleware : (ctx, next) => middleware.middleware()(ctx, next);

/** Runs `stack` on `ctx` in order; after its last entry, `done`. */
async function runStack<C>(stack: readonly MiddlewareFn<C>[], ctx: C, done: NextFunction): Promise<void> {
  let reached = -1;
  const step = async (index: number): Promise<void> => {
    if (index <= reached) throw new Error("`next` already called before!");
    reached = index;
    const handler = stack[index];
    if (handler) await handler(ctx, () => step(index + 1));
    else await done();
  };
  await step(0);
}

/**
 * Runs a middleware on a context with a final `next` that does nothing.
 *
 * @example await run(bot.middleware(), ctx);
 */
export async function run<C>(middleware: MiddlewareFn<C>, ctx: C): Promise<void> {
  await middleware(ctx, async () => {});
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
  /** Grows as handlers are added, also after this composer was itself added to a parent. */
  readonly #stack: MiddlewareFn<C>[];

  constructor(...middleware: Middleware<C>[]) {
    this.#stack = middleware.map(asFunction);
  }

  middleware(): MiddlewareFn<C> {
    return (ctx, next) => runStack(this.#stack, ctx, next);
  }

  /** Adds middleware for every event; returns a child composer to chain more under it. */
  use(...middleware: Middleware<C>[]): Composer<C> {
    const child = new Composer(...middleware);
    this.#stack.push(child.middleware());
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
    this.branch(predicate, child, (_ctx, next) => next());
    return child;
  }

  /** Runs `onTrue` or `onFalse`, depending on `predicate`. */
  branch(predicate: (ctx: C) => boolean | Promise<boolean>, onTrue: Middleware<C>, onFalse: Middleware<C>): Composer<C> {
    const yes = asFunction(onTrue);
    const no = asFunction(onFalse);
    return this.use(async (ctx, next) => ((await predicate(ctx)) ? yes(ctx, next) : no(ctx, next)));
  }

  /** Stops the events a predicate matches here: later handlers never see them (e.g. the OA's own echoes). */
  drop(predicate: (ctx: C) => boolean | Promise<boolean>): Composer<C> {
    return this.branch(predicate, () => undefined, (_ctx, next) => next());
  }
}

