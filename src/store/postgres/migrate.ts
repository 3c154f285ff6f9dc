import { readdir, readFile } from "node:fs/promises";
import type { Pool } from "pg";
import { pathToFileURL } from "node:url";
import { fromPackageRoot } from "../../package-root.js";
import { quoteSchema } from "./schema-name.js";

/** One numbered SQL file from migrations/ (`001_init.sql` → version 1, name "001_init"). */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = pathToFileURL(fromPackageRoot("src", "store", "postgres", "migrations") + "/");

/**
 * Reads the numbered migration files in order. A file not named `NNN_words.sql` is an error,
 * so a typo cannot silently skip a migration.
 */
export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".sql")).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const found = /^(\d+)_[a-z0-9_-]+\.sql$/i.exec(file);
    if (!found) throw new Error(`Migration file name must look like 001_name.sql: ${file}`);
    migrations.push({ version: Number(found[1]), name: file.slice(0, -4), sql: await readFile(new URL(file, dir), "utf8") });
  }
  const versions = migrations.map((migration) => migration.version);
  if (new Set(versions).size !== versions.length) throw new Error(`Two migration files share a number: ${files.join(", ")}`);
  return migrations;
}

/**
 * Brings `schema` up to date: creates it if needed and applies every migration not yet recorded in
 * its `schema_migrations` table, all in one transaction. A transaction-scoped advisory lock keyed on the
 * schema makes instances that start together take turns: the second one waits, then finds nothing to do.
 * A failing migration rolls back entirely (PostgreSQL DDL is transactional), so start-up can simply be retried.
 *
 * @example const applied = await migrate(pool, "public"); // ["001_init"] the first time, [] after
 */
export async function migrate(pool: Pool, schema: string, migrations?: Migration[]): Promise<string[]> {
  const quoted = quoteSchema(schema);
  const pending = migrations ?? (await loadMigrations());
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('tro-ly-van-hoa:migrate'), hashtext($1))", [schema]);
    // Created under the lock: two concurrent CREATE SCHEMA IF NOT EXISTS can still collide.
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await client.query(`SET LOCAL search_path TO ${quoted}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
    const done = new Set(rows.map((row) => row.version));
    const applied: string[] = [];
    for (const migration of pending) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
      applied.push(migration.name);
    }
    await client.query("COMMIT");
    return applied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
