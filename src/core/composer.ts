/**
 * Middleware composition, after grammY's Composer: handlers are `(ctx, next)`, a handler that
 * does not want a message calls `next()`, and `filter` returns a child composer so handlers nest into a tree.
 */

// ===  Types  ===

export type NextFunction = () => Promise<void>;
export type MiddlewareFn<C> = (ctx: C, next: NextFunction) => unknown;
export interface MiddlewareObj<C> {
  middleware(): MiddlewareFn<C>;
}
export type Middleware<C> = MiddlewareFn<C> | MiddlewareObj<C>;

/** A handler failed; carries the context it failed on (grammY's BotError). */
export class BotError<C = unknown> extends Error {
  constructor(
    readonly error: unknown,
    readonly ctx: C,
  ) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
    this.name = "BotError";
  }
}

// ===  Helpers  ===

function flatten<C>(mw: Middleware<C>): MiddlewareFn<C> {
  return typeof mw === "function" ? mw : (ctx, next) => mw.middleware()(ctx, next);
}

function concat<C>(first: MiddlewareFn<C>, andThen: MiddlewareFn<C>): MiddlewareFn<C> {
  return async (ctx, next) => {
    let nextCalled = false;
    await first(ctx, async () => {
      if (nextCalled) throw new Error("`next` already called before!");
      nextCalled = true;
      await andThen(ctx, next);
    });
  };
}

const pass = <C>(_ctx: C, next: NextFunction) => next();

/** Runs `mw` on `ctx` with a final `next` that does nothing. */
export async function run<C>(mw: MiddlewareFn<C>, ctx: C): Promise<void> {
  await mw(ctx, async () => {});
}

// ===  Composer  ===

/**
 * A tree of middleware.
 *
 * @example
 * const bot = new Composer<MyContext>();
 * bot.use(logMessages);
 * bot.filter(isText, (ctx) => ctx.reply(ctx.text));
 */
export class Composer<C> implements MiddlewareObj<C> {
  #handler: MiddlewareFn<C>;

  constructor(...middleware: Middleware<C>[]) {
    this.#handler = middleware.length === 0 ? pass : middleware.map(flatten).reduce(concat);
  }

  middleware(): MiddlewareFn<C> {
    return this.#handler;
  }

  /** Adds middleware; returns a child composer so more can be chained under it. */
  use(...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer(...middleware);
    this.#handler = concat(this.#handler, flatten(composer));
    return composer;
  }

  /** Runs `middleware` only when `predicate` holds; a type-guard predicate narrows the context type. */
  filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Middleware<D>[]): Composer<D>;
  filter(predicate: (ctx: C) => boolean, ...middleware: Middleware<C>[]): Composer<C>;
  filter(predicate: (ctx: C) => boolean, ...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer(...middleware);
    this.branch(predicate, composer, pass);
    return composer;
  }

  /** Runs `trueMiddleware` or `falseMiddleware` depending on `predicate`. */
  branch(predicate: (ctx: C) => boolean | Promise<boolean>, trueMiddleware: Middleware<C>, falseMiddleware: Middleware<C>): this {
    const onTrue = flatten(trueMiddleware);
    const onFalse = flatten(falseMiddleware);
    this.use(async (ctx, next) => ((await predicate(ctx)) ? onTrue(ctx, next) : onFalse(ctx, next)));
    return this;
  }
}
