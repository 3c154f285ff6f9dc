/**
 * Sends a signed-in console page: the layout with the account, its CSRF token and the flash of the last redirect.
 *
 * @example sendPage(req, res, { title: "Phản ánh", active: "reports", body });
 */
import type { Request, Response } from "express";
import { sessionOf, staffOf } from "./auth/console-auth.js";
import { flashFrom } from "./flash.js";
import { page, type PageOptions } from "./layout.js";

/** Renders `options` in the console layout for the signed-in account. */
export function sendPage(req: Request, res: Response, options: Omit<PageOptions, "user" | "csrf" | "flash"> & { status?: number }): void {
  const { status = 200, ...rest } = options;
  res.status(status).type("html").send(page({ ...rest, user: staffOf(res), csrf: sessionOf(res).csrf, flash: flashFrom(req, res) }).value);
}
