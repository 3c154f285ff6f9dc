/**
 * The staff console (/admin) and the public web chat (/chat), served by the same server as the webhooks.
 * src/server.ts mounts the router before its 404 handler:
 *
 * @example app.use(await createWeb({ pipeline, services, web: local.web, pages: consolePages }));
 */
import express, { Router } from "express";
import { consoleAuth } from "./auth/console-auth.js";
import { loginRoutes } from "./auth/login-routes.js";
import { passwordRoutes } from "./auth/password-routes.js";
import { Sessions } from "./auth/sessions.js";
import { StaffUsers } from "./auth/staff-users.js";
import { accountsRoutes } from "./admin/accounts-routes.js";
import { apiKeysRoutes } from "./admin/api-keys-routes.js";
import { chatRoutes } from "./chat/chat-routes.js";
import { privacyPageRoutes } from "./privacy/privacy-page.js";
import { contentRoutes } from "./admin/content/content-routes.js";
import { privacyRoutes } from "./admin/privacy-routes.js";
import { analyticsRoutes } from "./analytics/analytics-routes.js";
import { yearlyRoutes } from "./yearly/yearly-routes.js";
import { deadLettersRoutes } from "./admin/dead-letters-routes.js";
import { keptRoutes } from "./admin/kept-routes.js";
import { staffAlertsRoutes } from "./admin/staff-alerts-routes.js";
import { webErrors } from "./web-errors.js";
import { webHeaders } from "./web-security.js";
import type { WebDeps, WebOptions } from "./web-deps.js";
import { HttpError } from "../http/http-error.js";
import { fromPackageRoot } from "../package-root.js";

export type { WebOptions } from "./web-deps.js";

const STATIC_DIR = fromPackageRoot("src", "web", "static");

/**
 * Builds the console and chat routes; creates the first admin ("admin") from ADMIN_PASSWORD when it is missing.
 */
export async function createWeb(options: WebOptions): Promise<Router> {
  const { services } = options;
  const users = new StaffUsers(services.store);
  const sessions = new Sessions(services.store, services.now);
  if (await users.ensureFirstAdmin(services.config.ADMIN_PASSWORD)) services.logger.info("console: first admin account \"admin\" created from ADMIN_PASSWORD");
  const deps: WebDeps = { ...options, users, sessions, auth: consoleAuth(users, sessions) };

  const router = Router();
  router.use(["/admin", "/chat"], webHeaders);
  router.use(["/admin/static", "/chat/static"], express.static(STATIC_DIR, { maxAge: "1h", index: false }));
  router.use("/admin", express.urlencoded({ extended: false, limit: "200kb" }), express.json({ limit: "200kb" }), deps.auth.loadSession);
  router.use(loginRoutes(deps));
  router.use(passwordRoutes(deps));
  router.get("/admin", deps.auth.requireStaff, (_req, res) => res.redirect(303, "/admin/inbox"));
  router.use(accountsRoutes(deps));
  router.use(apiKeysRoutes(deps));
  // The features' own pages (the staff inbox, reports, classes), given by the composition root.
  for (const pages of options.pages) router.use(pages(deps));
  router.use(privacyRoutes(deps));
  router.use(analyticsRoutes(deps));
  router.use(yearlyRoutes(deps));
  router.use(deadLettersRoutes(deps));
  router.use(keptRoutes(deps));
  router.use(staffAlertsRoutes(deps));
  router.use(contentRoutes(deps));
  router.use(chatRoutes(deps));
  router.use(privacyPageRoutes(services));
  // Unknown console paths: sign-in first, so the 404 does not tell strangers which pages exist.
  router.use("/admin", deps.auth.requireStaff, (_req, _res, next) => next(new HttpError(404, "Không có trang này.")));
  router.use(webErrors(services.logger));
  return router;
}
