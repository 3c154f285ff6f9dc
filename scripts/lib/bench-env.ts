/**
 * What the benchmark scripts share: the Zalo test identity the local stub answers for, the environment a benched
 * bot runs with, and the percentile they report.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The Zalo app id and OA secret the benches sign webhooks with. */
export const BENCH_ZALO_APP_ID = "3605738391474520000";
export const BENCH_ZALO_OA_SECRET = "bench-oa-secret";
/** The OA the benches' messages are sent to. */
export const BENCH_ZALO_OA_ID = "579745863508352884";

/** A Zalo text event from `userId` to the bench OA, as the platform posts it. */
export function benchZaloBody(userId: string, msgId: string, text: string): { raw: string; timestamp: string } {
  const timestamp = String(Date.now());
  const raw = JSON.stringify({
    app_id: BENCH_ZALO_APP_ID,
    user_id_by_app: userId,
    event_name: "user_send_text",
    timestamp,
    sender: { id: userId },
    recipient: { id: BENCH_ZALO_OA_ID },
    message: { msg_id: msgId, text },
  });
  return { raw, timestamp };
}

/** The X-ZEvent-Signature of a body (sha256 over app id, body, timestamp and OA secret). */
export const benchZaloSignature = (raw: string, timestamp: string) =>
  "mac=" + createHash("sha256").update(BENCH_ZALO_APP_ID + raw + timestamp + BENCH_ZALO_OA_SECRET).digest("hex");

/** A bot on 127.0.0.1 that talks Zalo to the stub on `stubPort`, with the store and data folder given. */
export function zaloBenchEnv(options: { port: number; stubPort: number; dataDir: string; store: string }): Record<string, string> {
  return {
    PORT: String(options.port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    STORE: options.store,
    DATA_DIR: options.dataDir,
    BOT_TODAY: "2026-11-25",
    ZALO_APP_ID: BENCH_ZALO_APP_ID,
    ZALO_APP_SECRET: "bench",
    ZALO_OA_SECRET_KEY: BENCH_ZALO_OA_SECRET,
    ZALO_OA_ACCESS_TOKEN: "bench-token",
    ZALO_API_BASE: `http://127.0.0.1:${options.stubPort}`,
  };
}

/** The p-th percentile of ascending `sorted` (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * The node flags of package.json's `start` script (`node <flags> dist/main.js`), this checkout's or the one at
 * `root`: a benchmark runs the bot as `npm start` runs it.
 */
export function startFlags(root?: string): string[] {
  const packageJson = root === undefined ? new URL("../../package.json", import.meta.url) : join(root, "package.json");
  const start: string = JSON.parse(readFileSync(packageJson, "utf8")).scripts.start;
  const words = start.split(/\s+/);
  return words.slice(words.indexOf("node") + 1, words.indexOf("dist/main.js"));
}

/** Drops a benchmark's throwaway PostgreSQL schema. */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}
