import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { LowdbStore } from "./lowdb/lowdb-store.js";
import { MemoryStore } from "./memory-store.js";
import type { Store } from "./store.js";

/** Picks the store backend from STORE (the only place that does). */
export async function createStore(config: Config, logger: Logger): Promise<Store> {
  switch (config.STORE) {
    case "memory":
      return new MemoryStore();
    case "postgres": {
      // Loaded only here, so the default lowdb start never loads pg or ioredis.
      const { createPostgresStore } = await import("./postgres/postgres-store.js");
      return createPostgresStore(config, logger);
    }
    default:
      return new LowdbStore({
        dir: config.DATA_DIR,
        groupCommitMs: config.LOWDB_GROUP_COMMIT_MS,
        fsync: config.LOWDB_FSYNC === "true",
        onCorruptFile: (file, movedTo) => logger.error({ file, movedTo }, "broken data file moved aside; starting that collection empty"),
      });
  }
}
