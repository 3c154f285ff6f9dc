import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Store } from "../store/store.js";
import { EvidenceKeeper } from "./evidence-keeper.js";
import { FileMediaStore } from "./file-media-store.js";
import type { MediaStore } from "./media-store.js";
import { MemoryMediaStore } from "./memory-media-store.js";

/** The backend MEDIA_STORE names; `auto` follows STORE (files beside lowdb, PostgreSQL beside PostgreSQL). */
export function mediaBackend(config: Config): "files" | "postgres" | "s3" | "memory" {
  if (config.MEDIA_STORE !== "auto") return config.MEDIA_STORE;
  if (config.STORE === "postgres") return "postgres";
  return config.STORE === "memory" ? "memory" : "files";
}

/** Picks the evidence store from MEDIA_STORE (the only place that does); pg and the S3 SDK load only when used. */
export async function createMediaStore(config: Config, logger: Logger): Promise<MediaStore> {
  const backend = mediaBackend(config);
  switch (backend) {
    case "memory":
      return new MemoryMediaStore();
    case "postgres": {
      const [{ default: pg }, { migrate }, { PostgresMediaStore }] = await Promise.all([
        import("pg"),
        import("../store/postgres/migrate.js"),
        import("./postgres-media-store.js"),
      ]);
      const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 4 });
      pool.on("error", (error) => logger.error({ err: error }, "PostgreSQL (evidence) idle connection failed"));
      // The document store migrates the same schema; both take the same advisory lock, so this finds nothing to do.
      await migrate(pool, config.PG_SCHEMA ?? "public");
      return new PostgresMediaStore(pool, { schema: config.PG_SCHEMA, onClose: () => pool.end() });
    }
    case "s3": {
      const { S3MediaStore } = await import("./s3-media-store.js");
      return new S3MediaStore({
        bucket: config.S3_BUCKET!,
        endpoint: config.S3_ENDPOINT,
        region: config.S3_REGION,
        accessKeyId: config.S3_ACCESS_KEY_ID,
        secretAccessKey: config.S3_SECRET_ACCESS_KEY,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
      });
    }
    default:
      return new FileMediaStore(config.DATA_DIR);
  }
}

/**
 * The evidence keeper of a deployment: its media store (MEDIA_STORE) and the download limits and retries from the
 * configuration. Records live in `store`'s `media` collection.
 */
export async function createEvidenceKeeper(config: Config, store: Store, logger: Logger, now: () => number): Promise<EvidenceKeeper> {
  const media = await createMediaStore(config, logger);
  return new EvidenceKeeper({
    store,
    media,
    limits: { maxBytes: config.MEDIA_MAX_BYTES, timeoutMs: config.MEDIA_TIMEOUT_MS },
    attempts: config.MEDIA_RETRY_ATTEMPTS,
    baseDelayMs: config.MEDIA_RETRY_BASE_MS,
    now,
    logger,
  });
}
