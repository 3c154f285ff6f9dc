/**
 * What the console and the web chat are built from: the app's pipeline and services, the web chat's stored
 * channel, and the console's own account and session stores.
 */
import type { Router } from "express";
import type { AppContext } from "../shared/app-context.js";
import type { Services } from "../shared/services.js";
import type { StoredChannel } from "../channels/local/stored-channel.js";
import type { Pipeline } from "../core/pipeline.js";
import type { ConsoleAuth } from "./auth/console-auth.js";
import type { Sessions } from "./auth/sessions.js";
import type { StaffUsers } from "./auth/staff-users.js";

/** Given by src/server.ts. */
export interface WebOptions {
  pipeline: Pipeline<AppContext>;
  services: Services;
  /** The web chat's channel (`local.web` of createApp). */
  web: StoredChannel;
  /** The features' console pages (each feature's …-console.ts), mounted under /admin by the console shell. */
  pages: readonly ((deps: WebDeps) => Router)[];
}

/** Shared by every route module of src/web. */
export interface WebDeps extends WebOptions {
  users: StaffUsers;
  sessions: Sessions;
  auth: ConsoleAuth;
}
