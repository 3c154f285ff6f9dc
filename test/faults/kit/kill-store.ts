import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { loadConfig } from "../../../src/config.js";
import { LowdbStore } from "../../../src/store/lowdb/lowdb-store.js";
import { createPostgresStore } from "../../../src/store/postgres/postgres-store.js";
import type { Store } from "../../../src/store/store.js";
import { deleteKeys, dropSchema, requirePostgres, requireRedis, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from "../../store/services.js";

/** The deployments the kill run can kill: the embedded store, or PostgreSQL + Redis (runner, outbound queue). */
export type KillStore = "lowdb" | "postgres+redis";

/** Where one kill run keeps its data, how the bot is told, and how the checks read it back afterwards. */
export interface KillRunStore {
  /** A folder for the bot's log (and, on lowdb, its data). */
  dataDir: string;
  /** The bot's environment for this store. */
  env: Record<string, string>;
  /** Opens the data as the bot left it, for the checks (`botEnv`: the bot's whole environment). */
  open(onCorruptFile: (file: string) => void, botEnv: Record<string, string>): Promise<Store>;
  /** The stored value of a sequence (the next code is after it). */
  sequence(store: Store, name: string): Promise<number>;
  /** Removes what the run made (PostgreSQL schema, Redis keys); the lowdb folder is kept for reading. */
  cleanup(): Promise<void>;
}

/**
 * The data of one kill run on `kind`: a temp DATA_DIR for lowdb; a throwaway schema and Redis key prefix on the test
 * PostgreSQL and Redis (test/store/services.ts) for the scale-out deployment.
 *
 * @example const data = await killRunStore("postgres+redis"); startBot({ ...env, ...data.env }, …); … await data.cleanup();
 */
export async function killRunStore(kind: KillStore): Promise<KillRunStore> {
  const dataDir = mkdtempSync(join(tmpdir(), "fault-kill-"));
  if (kind === "lowdb") {
    return {
      dataDir,
      env: { STORE: "lowdb", DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "" },
      open: async (onCorruptFile) => new LowdbStore({ dir: dataDir, onCorruptFile }),
      sequence: async (store, name) => Number((await (store as LowdbStore).rawEntries("_sequences")).find(([key]) => key === name)?.[1] ?? 0),
      cleanup: async () => undefined,
    };
  }
  const admin = await requirePostgres();
  const redis = await requireRedis();
  const schema = uniqueName("test_kill");
  const prefix = `${uniqueName("test-kill")}:`;
  const env = { STORE: "postgres", DATA_DIR: dataDir, DATABASE_URL: TEST_DATABASE_URL, PG_SCHEMA: schema, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
  return {
    dataDir,
    env,
    open: async (_onCorruptFile, botEnv) => createPostgresStore(loadConfig(botEnv), pino({ level: "silent" })),
    sequence: async (_store, name) => Number((await admin.query<{ value: string }>(`SELECT value FROM "${schema}".sequences WHERE name = $1`, [name])).rows[0]?.value ?? 0),
    cleanup: async () => {
      await dropSchema(admin, schema).catch(() => undefined);
      await deleteKeys(redis, prefix).catch(() => undefined);
      await admin.end();
      redis.disconnect();
    },
  };
}
