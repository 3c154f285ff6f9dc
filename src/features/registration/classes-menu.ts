import type { NextFunction } from "../../core/composer.js";
import { startRegistration } from "./registration-dialog.js";
import type { AppContext } from "../../shared/app-context.js";

/** The payload prefix of the "Đăng ký" choice under a class ("class:register:<id>"; without an id: pick a class). */
export const REGISTER_PAYLOAD = "class:register";

/**
 * Class registration starts here, from the "Đăng ký" choice of the class list (src/features/answers/class-info.ts).
 * The list itself (MENU.classes, join_class) is an answer.
 */
export async function classesMenu(ctx: AppContext, next: NextFunction): Promise<void> {
  const choice = ctx.choice;
  if (choice === REGISTER_PAYLOAD) return startRegistration(ctx);
  if (choice?.startsWith(`${REGISTER_PAYLOAD}:`)) return startRegistration(ctx, choice.slice(REGISTER_PAYLOAD.length + 1));
  await next();
}
