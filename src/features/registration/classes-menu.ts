import { BotComposer } from "../../core/bot-composer.js";
import type { AppContext } from "../../shared/app-context.js";
import { REGISTER_CHOICE } from "../../shared/menu.js";
import { startRegistration } from "./registration-dialog.js";

/**
 * Class registration starts here, from the "Đăng ký" choice of the class list (src/features/answers/class-info.ts):
 * "class:register:<id>" for one class, "class:register" to pick one. The list itself (MENU.classes, join_class) is an
 * answer.
 */
export const classesMenu = new BotComposer<AppContext>();

classesMenu.on("choice", async (ctx, next) => {
  if (ctx.choice === REGISTER_CHOICE.prefix) return startRegistration(ctx);
  const classId = REGISTER_CHOICE.read(ctx.choice);
  if (classId === undefined) return next();
  await startRegistration(ctx, classId);
});
