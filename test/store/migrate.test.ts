import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatReport, migrateLowdbToPostgres } from "../../scripts/migrate-lowdb-to-postgres.js";
import { LowdbStore } from "../../src/store/lowdb/lowdb-store.js";
import { longTextsOf } from "../../src/store/long-texts.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { RedisSeenIds } from "../../src/store/redis/redis-seen-ids.js";
import { deleteKeys, dropSchema, requirePostgres, requireRedis, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from "./services.js";

interface Report {
  code: string;
  userKey: string;
  status: string;
  text: string;
}

let admin: pg.Pool;
let redis: Redis;
const schemas: string[] = [];
const dirs: string[] = [];
const prefix = `${uniqueName("test_migrate")}:`;

beforeAll(async () => {
  [admin, redis] = await Promise.all([requirePostgres(), requireRedis()]);
});
afterAll(async () => {
  for (const schema of schemas) await dropSchema(admin, schema);
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  if (redis) await deleteKeys(redis, prefix);
  await admin?.end();
  await redis?.quit();
});

/** A lowdb DATA_DIR written through LowdbStore itself, as the bot would have left it. */
async function lowdbDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "migrate-lowdb-"));
  dirs.push(dir);
  const store = new LowdbStore({ dir });
  const reports = store.collection<Report>("reports");
  for (let i = 1; i <= 1200; i++) {
    await reports.set(`PA-${i}`, { code: `PA-${i}`, userKey: `zalo:${i % 7}`, status: i % 3 ? "open" : "closed", text: `Đèn đường hỏng số ${i} — "ngõ 5"` });
    await store.nextSequence("report");
  }
  await store.collection("conversations").set("zalo:oa:1", { transcript: [{ from: "person", text: "Xin chào" }], lastInboundAt: 1_720_000_000_000 });
  await store.collection("zalo-tokens").set("oa", { accessToken: "a", refreshToken: "r", expiresAt: null });
  // A long message kept whole, as a file beside the data files.
  await store.longTexts.put("zalo:oa:1", "zalo:oa:1:m1", "Đèn đường ".repeat(500));
  await store.nextSequence("class-signup");
  for (const id of ["zalo:e1", "zalo:e2", "messenger:m1"]) await store.markSeen(id);
  await store.close();
  return dir;
}

const newSchema = () => {
  const schema = uniqueName("test_mig");
  schemas.push(schema);
  return schema;
};

describe("npm run migrate:lowdb-to-postgres", () => {
  it("copies every collection, sequence and seen id, and PostgresStore reads them back", async () => {
    const dataDir = await lowdbDataDir();
    const schema = newSchema();
    const report = await migrateLowdbToPostgres({ dataDir, databaseUrl: TEST_DATABASE_URL, schema });

    expect(report.ok).toBe(true);
    expect(report.collections.map((c) => [c.name, c.inLowdb, c.matching, c.inPostgres])).toEqual([
      ["conversations", 1, 1, 1],
      ["reports", 1200, 1200, 1200],
      ["zalo-tokens", 1, 1, 1],
      ["long_texts", 1, 1, 1],
    ]);
    expect(report.seen).toEqual({ inLowdb: 3, present: 3 });
    expect(formatReport(report).at(-1)).toMatch(/số liệu khớp/);

    const store = await PostgresStore.open({ connectionString: TEST_DATABASE_URL, schema });
    try {
      expect(await store.collection<Report>("reports").get("PA-42")).toEqual({ code: "PA-42", userKey: "zalo:0", status: "closed", text: 'Đèn đường hỏng số 42 — "ngõ 5"' });
      expect(await store.collection<Report>("reports").find({ userKey: "zalo:3", status: "closed" })).toHaveLength(
        Array.from({ length: 1200 }, (_, i) => i + 1).filter((i) => i % 7 === 3 && i % 3 === 0).length,
      );
      expect(await store.collection("conversations").get("zalo:oa:1")).toEqual({ transcript: [{ from: "person", text: "Xin chào" }], lastInboundAt: 1_720_000_000_000 });
      expect(await longTextsOf(store).get("zalo:oa:1", "zalo:oa:1:m1")).toBe("Đèn đường ".repeat(500));
      expect(await store.nextSequence("report")).toBe(1201);
      expect(await store.nextSequence("class-signup")).toBe(2);
      expect(await store.markSeen("zalo:e1")).toBe(false);
      expect(await store.markSeen("zalo:e3")).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("is idempotent, never moves a sequence back, and puts a changed document back to the lowdb copy", async () => {
    const dataDir = await lowdbDataDir();
    const schema = newSchema();
    expect((await migrateLowdbToPostgres({ dataDir, databaseUrl: TEST_DATABASE_URL, schema })).ok).toBe(true);

    const store = await PostgresStore.open({ connectionString: TEST_DATABASE_URL, schema });
    try {
      for (let i = 0; i < 5; i++) await store.nextSequence("report"); // codes handed out after the first run
      await store.collection("reports").set("PA-1", { code: "PA-1", changed: true });
    } finally {
      await store.close();
    }

    const again = await migrateLowdbToPostgres({ dataDir, databaseUrl: TEST_DATABASE_URL, schema });
    expect(again.ok).toBe(true);
    expect(again.collections.find((c) => c.name === "reports")).toEqual({ name: "reports", inLowdb: 1200, matching: 1200, inPostgres: 1200 });
    expect(again.sequences.find((q) => q.name === "report")).toEqual({ name: "report", inLowdb: 1200, inPostgres: 1205 });
  });

  it("reports a mismatch when PostgreSQL does not hold what lowdb has", async () => {
    const dataDir = await lowdbDataDir();
    const schema = newSchema();
    // A trigger that silently drops one document stands in for any write that does not arrive.
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await migrateLowdbToPostgres({ dataDir: await mkdtemp(join(tmpdir(), "migrate-empty-")), databaseUrl: TEST_DATABASE_URL, schema });
    await admin.query(`CREATE FUNCTION "${schema}".drop_one() RETURNS trigger AS $$ BEGIN IF NEW.id = 'PA-7' THEN RETURN NULL; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await admin.query(`CREATE TRIGGER drop_one BEFORE INSERT ON "${schema}".documents FOR EACH ROW EXECUTE FUNCTION "${schema}".drop_one()`);

    const report = await migrateLowdbToPostgres({ dataDir, databaseUrl: TEST_DATABASE_URL, schema });
    expect(report.ok).toBe(false);
    expect(report.collections.find((c) => c.name === "reports")).toMatchObject({ inLowdb: 1200, matching: 1199 });
    expect(formatReport(report).join("\n")).toMatch(/reports .*✗ SAI LỆCH/);
  });

  it("copies the seen ids to Redis too when REDIS_URL is set", async () => {
    const dataDir = await lowdbDataDir();
    const report = await migrateLowdbToPostgres({ dataDir, databaseUrl: TEST_DATABASE_URL, schema: newSchema(), redisUrl: TEST_REDIS_URL, redisPrefix: prefix });
    expect(report.seen).toEqual({ inLowdb: 3, present: 3, inRedis: 3 });
    expect(await new RedisSeenIds(redis, { prefix }).markSeen("messenger:m1")).toBe(false);
  });

  it("refuses a broken collection file instead of leaving it behind", async () => {
    const dataDir = await lowdbDataDir();
    await writeFile(join(dataDir, "broken.jsonl"), '"a"\t{ not json\n');
    await expect(migrateLowdbToPostgres({ dataDir, databaseUrl: TEST_DATABASE_URL, schema: newSchema() })).rejects.toThrow(/broken\.jsonl: broken data file/);
  });
});
