import { BotComposer } from "../core/bot-composer.js";
import type { Middleware } from "../core/composer.js";
import type { AppContext } from "../shared/app-context.js";
import { defaultFeatures } from "./features.js";

/**
 * The bot's middleware tree: the features of src/features, tried in order.
 *
 * @example const bot = createBot(); pipeline = new Pipeline({ middleware: bot.middleware(), … });
 */
export function createBot(features: Middleware<AppContext>[] = defaultFeatures()): BotComposer<AppContext> {
  return new BotComposer<AppContext>(...features);
}
