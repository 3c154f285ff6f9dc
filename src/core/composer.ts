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

const pass = <C>(_ctx: C, next: NextFunction) => next();

/**
 * Runs `list[i]` with a `next` that runs `list[i + 1]` (the last one's `next` is `done`). What grammY's nested
 * `concat` does, without an async function and a closure per composer level: every message goes through some sixty
 * of them before its feature answers, so each level's promises were a good part of a message's garbage.
 */
function step<C>(list: readonly MiddlewareFn<C>[], i: number, ctx: C, done: NextFunction): Promise<unknown> {
  if (i === list.length) return done();
  let nextCalled = false;
  try {
    const result = list[i](ctx, () => {
      if (nextCalled) return Promise.reject(new Error("`next` already called before!"));
      nextCalled = true;
      return step(list, i + 1, ctx, done) as Promise<void>;
    });
    return result instanceof Promise ? result : Promise.resolve(result);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** One handler running `list` in order (a copy: what is added later is not seen, as with nested `concat`). */
function sequence<C>(list: readonly MiddlewareFn<C>[]): MiddlewareFn<C> {
  if (list.length === 0) return pass;
  if (list.length === 1) return list[0];
  const fixed = [...list];
  return (ctx, next) => step(fixed, 0, ctx, next);
}

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
  /** The middleware in order; the handler running them is made when first asked for after a change. */
  readonly #list: MiddlewareFn<C>[];
  #handler?: MiddlewareFn<C>;

  constructor(...middleware: Middleware<C>[]) {
    this.#list = middleware.map(flatten);
  }

  middleware(): MiddlewareFn<C> {
    return (this.#handler ??= sequence(this.#list));
  }

  /** Adds middleware; returns a child composer so more can be chained under it. */
  use(...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer(...middleware);
    this.#list.push(flatten(composer));
    this.#handler = undefined;
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
    // Straight into the list, not through `use` (whose child composer nobody could reach here): one call less per
    // message and branch, and every `on()` is a branch.
    this.#list.push((ctx, next) => {
      const holds = predicate(ctx);
      if (holds instanceof Promise) return holds.then((yes) => (yes ? onTrue(ctx, next) : onFalse(ctx, next)));
      return holds ? onTrue(ctx, next) : onFalse(ctx, next);
    });
    this.#handler = undefined;
    return this;
  }
}
