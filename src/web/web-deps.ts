/**
 * What the console and the web chat are built from: the app's pipeline and services, the web chat's stored
 * channel, and the console's own account and session stores.
 */
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
  /** Announcements from the console (src/features/announcements). */
  announcements?: import("../features/announcements/announcement-service.js").AnnouncementService;
}

/** Shared by every route module of src/web. */
export interface WebDeps extends WebOptions {
  users: StaffUsers;
  sessions: Sessions;
  auth: ConsoleAuth;
}
