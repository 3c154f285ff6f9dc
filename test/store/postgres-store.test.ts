import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { createStore } from "../../src/store/create-store.js";
import { longTextWrite } from "../../src/store/long-texts.js";
import { loadMigrations, migrate } from "../../src/store/postgres/migrate.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { PostgresSeenIds } from "../../src/store/postgres/seen-ids.js";
import { storeContract } from "./store-contract.js";
import { dropSchema, requirePostgres, TEST_DATABASE_URL, uniqueName } from "./services.js";

let admin: pg.Pool;
const schemas: string[] = [];
const newSchema = () => {
  const schema = uniqueName("test_pg");
  schemas.push(schema);
  return schema;
};
const open = (schema: string) => PostgresStore.open({ connectionString: TEST_DATABASE_URL, schema });

beforeAll(async () => {
  admin = await requirePostgres();
});
afterAll(async () => {
  for (const schema of schemas) await dropSchema(admin, schema);
  await admin?.end();
});

storeContract(
  "PostgresStore",
  async () => {
    const schema = newSchema();
    return { store: await open(schema), reopen: () => open(schema) };
  },
  { persistent: true },
);

describe("PostgresStore", () => {
  it("shares documents, sequences and seen ids between two live instances at once", async () => {
    const schema = newSchema();
    const [a, b] = await Promise.all([open(schema), open(schema)]);
    try {
      await a.collection("reports").set("PA-1", { status: "open" });
      expect(await b.collection("reports").get("PA-1")).toEqual({ status: "open" });
      expect(await a.markSeen("zalo:e1")).toBe(true);
      expect(await b.markSeen("zalo:e1")).toBe(false);
      const values = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).nextSequence("report")));
      expect([...values].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("migrates once when several instances start together, and records each migration", async () => {
    const schema = newSchema();
    const results = await Promise.all(Array.from({ length: 4 }, () => migrate(admin, schema)));
    const files = (await loadMigrations()).map((migration) => migration.name);
    expect(results.flat()).toEqual(files);
    expect(results.filter((applied) => applied.length > 0)).toHaveLength(1);
    const { rows } = await admin.query(`SELECT version, name FROM "${schema}".schema_migrations ORDER BY version`);
    expect(rows.map((row) => row.name)).toEqual(files);
    expect(await migrate(admin, schema)).toEqual([]);
  });

  it("rolls a failing migration back entirely, leaving it to be applied next time", async () => {
    const schema = newSchema();
    const good = await loadMigrations();
    const broken = { version: 999, name: "999_broken", sql: "CREATE TABLE half_done (id int); SELECT no_such_function();" };
    await expect(migrate(admin, schema, [...good, broken])).rejects.toThrow(/no_such_function/);
    const { rows } = await admin.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1", [schema]);
    expect(rows[0].n).toBe(0);
    expect(await migrate(admin, schema, good)).toEqual(good.map((migration) => migration.name));
  });

  it("keeps long texts as bytes in a table of their own, and moves there the ones earlier versions kept as documents", async () => {
    const schema = newSchema();
    const migrations = await loadMigrations();
    await migrate(admin, schema, migrations.filter((migration) => migration.name < "003"));
    const earlier = "Tiếng ồn karaoke 🙏🏽 sau 22 giờ. ".repeat(3_000);
    await admin.query(`INSERT INTO "${schema}".documents (collection, id, doc) VALUES ('long_texts', 'zalo:oa:1:m0', $1::jsonb)`, [JSON.stringify({ id: "zalo:oa:1:m0", key: "zalo:oa:1", at: 1_764_000_000_000, text: earlier })]);
    const store = await open(schema); // migrates the rest
    try {
      expect(await store.longTexts.get("zalo:oa:1", "zalo:oa:1:m0")).toBe(earlier);
      const later = "Đèn đường hỏng ở ngõ 5. ".repeat(5_000);
      expect(await store.commit([longTextWrite("zalo:oa:1", "zalo:oa:1:m1", new Uint8Array(Buffer.from(later)), 1_764_000_100_000), { collection: "conversations", id: "zalo:oa:1", value: { revision: 1 } }])).toBe(true);
      expect(await store.longTexts.list("zalo:oa:1")).toEqual([{ id: "zalo:oa:1:m0", text: earlier }, { id: "zalo:oa:1:m1", text: later }]);
      const { rows } = await admin.query(`SELECT id, key, at, bytes FROM "${schema}".long_texts ORDER BY id`);
      expect(rows.map((row) => [row.id, row.key, Number(row.at), Buffer.from(row.bytes).equals(Buffer.from(row.id.endsWith("m0") ? earlier : later))])).toEqual([
        ["zalo:oa:1:m0", "zalo:oa:1", 1_764_000_000_000, true],
        ["zalo:oa:1:m1", "zalo:oa:1", 1_764_000_100_000, true],
      ]);
      expect((await admin.query(`SELECT count(*)::int AS n FROM "${schema}".documents WHERE collection = 'long_texts'`)).rows[0].n).toBe(0);
      expect(await store.longTexts.prune(1_764_000_050_000)).toBe(1);
      expect(await store.longTexts.get("zalo:oa:1", "zalo:oa:1:m0")).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it("finds by a selective field through the GIN index on doc", async () => {
    const schema = newSchema();
    const store = await open(schema);
    try {
      await admin.query(
        `INSERT INTO "${schema}".documents (collection, id, doc)
         SELECT 'conversations', 'c' || n, jsonb_build_object('userKey', 'zalo:' || n, 'status', 'open') FROM generate_series(1, 5000) AS n`,
      );
      await admin.query(`ANALYZE "${schema}".documents`);
      const { rows } = await admin.query(
        `EXPLAIN SELECT doc FROM "${schema}".documents WHERE collection = 'conversations' AND doc @> '{"userKey":"zalo:42"}'::jsonb`,
      );
      expect(rows.map((row) => row["QUERY PLAN"]).join("\n")).toContain("documents_doc_gin");
      expect(await store.collection("conversations").find({ userKey: "zalo:42" })).toEqual([{ userKey: "zalo:42", status: "open" }]);
    } finally {
      await store.close();
    }
  });

  it("prunes seen ids older than the retention, so the table stays bounded", async () => {
    const schema = newSchema();
    const store = await open(schema);
    try {
      const seen = new PostgresSeenIds(admin, { schema, retentionMs: 3600_000, pruneEvery: 1_000_000 });
      expect(await seen.markSeen("old")).toBe(true);
      expect(await seen.markSeen("recent")).toBe(true);
      await admin.query(`UPDATE "${schema}".seen_ids SET seen_at = now() - interval '2 hours' WHERE event_id = 'old'`);
      expect(await seen.prune()).toBe(1);
      expect(await seen.markSeen("recent")).toBe(false);
      expect(await seen.markSeen("old")).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("rejects schema and collection names that are not plain identifiers", async () => {
    await expect(PostgresStore.open({ connectionString: TEST_DATABASE_URL, schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(/Invalid PostgreSQL schema name/);
    const store = await open(newSchema());
    try {
      expect(() => store.collection("reports; drop")).toThrow(/Invalid collection name/);
    } finally {
      await store.close();
    }
  });

  it("is what createStore returns for STORE=postgres, in the schema PG_SCHEMA names", async () => {
    const schema = newSchema();
    const previous = process.env.PG_SCHEMA;
    process.env.PG_SCHEMA = schema;
    try {
      const config = loadConfig({ STORE: "postgres", DATABASE_URL: TEST_DATABASE_URL, PG_SCHEMA: schema });
      const store = await createStore(config, createLogger("silent"));
      try {
        expect(store).toBeInstanceOf(PostgresStore);
        await store.collection("reports").set("PA-1", { ok: true });
        const { rows } = await admin.query(`SELECT doc FROM "${schema}".documents WHERE id = 'PA-1'`);
        expect(rows[0].doc).toEqual({ ok: true });
      } finally {
        await store.close();
      }
    } finally {
      if (previous === undefined) delete process.env.PG_SCHEMA;
      else process.env.PG_SCHEMA = previous;
    }
  });

  it("fails start-up with a message naming the database when PostgreSQL is unreachable", async () => {
    await expect(PostgresStore.open({ connectionString: "postgres://postgres@127.0.0.1:1/test" })).rejects.toThrow(/PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/test/);
  });
});
