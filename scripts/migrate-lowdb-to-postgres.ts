/**
 * Copies a lowdb DATA_DIR (JSON-lines files per collection, `_sequences`, `_seen`) into PostgreSQL,
 * then checks it: every document present with the same content, every sequence at least as far on, every
 * seen id present. Prints the counts per collection; exits 1 on any mismatch.
 *
 * Idempotent: documents are upserted (the lowdb file wins), sequences only move forward (a ticket code is
 * never handed out twice), seen ids are inserted when missing. Run it with the bot stopped, then start
 * with STORE=postgres. When REDIS_URL is set the seen ids are copied to Redis too (where the store reads them).
 *
 * @example
 *   DATA_DIR=./data DATABASE_URL=postgres://postgres@127.0.0.1/vanhoa npm run migrate:lowdb-to-postgres
 *   npm run migrate:lowdb-to-postgres -- /srv/bot/data      # another data folder
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { LONG_TEXTS, type LongTextDoc } from "../src/store/long-texts.js";
import { readLowdbDir } from "../src/store/lowdb/read-lowdb-dir.js";
import { migrate } from "../src/store/postgres/migrate.js";
import { quoteSchema } from "../src/store/postgres/schema-name.js";
import { connectRedis } from "../src/store/redis/connect-redis.js";
import { RedisSeenIds } from "../src/store/redis/redis-seen-ids.js";

// ===  Report  ===

/** What was found in lowdb and what PostgreSQL holds afterwards. */
export interface MigrationReport {
  collections: { name: string; inLowdb: number; matching: number; inPostgres: number }[];
  sequences: { name: string; inLowdb: number; inPostgres: number }[];
  seen: { inLowdb: number; present: number; inRedis?: number };
  /** JSON files that are not store files (no `docs` object), left alone. */
  skipped: string[];
  /** True when every document, sequence and seen id arrived. */
  ok: boolean;
}

/** Where to read and write. */
export interface MigrateOptions {
  dataDir: string;
  databaseUrl: string;
  schema?: string;
  redisUrl?: string;
  redisPrefix?: string;
}

const BATCH = 500;

// ===  Reading lowdb  ===

interface LowdbData {
  collections: Map<string, Record<string, unknown>>;
  sequences: Record<string, number>;
  seen: string[];
  skipped: string[];
}

async function readLowdb(dir: string): Promise<LowdbData> {
  // The store reads its own files (JSON lines, sharded collections); a broken file stops the migration:
  // silently leaving a collection behind is worse.
  const { collections, sequences, seen } = await readLowdbDir(dir);
  return { collections, sequences, seen, skipped: [] };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ===  Migration  ===

/**
 * Copies and checks; never throws on a mismatch (the report says so), only on unreadable input or a database error.
 *
 * @example const report = await migrateLowdbToPostgres({ dataDir: "./data", databaseUrl }); if (!report.ok) process.exit(1);
 */
export async function migrateLowdbToPostgres(options: MigrateOptions): Promise<MigrationReport> {
  const schema = options.schema ?? "public";
  const s = quoteSchema(schema);
  const source = await readLowdb(options.dataDir);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  pool.on("error", () => undefined);
  try {
    await migrate(pool, schema);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      for (const [name, docs] of source.collections) {
        if (name === LONG_TEXTS) {
          // Long texts have a table of their own (migration 003): their bytes, one row each.
          for (const doc of Object.values(docs) as LongTextDoc[]) {
            await client.query(
              `INSERT INTO ${s}.long_texts (id, key, at, bytes) VALUES ($1, $2, $3, $4)
               ON CONFLICT (id) DO UPDATE SET key = EXCLUDED.key, at = EXCLUDED.at, bytes = EXCLUDED.bytes`,
              [doc.id, doc.key, doc.at, Buffer.from(doc.text)],
            );
          }
          continue;
        }
        for (const batch of chunks(Object.entries(docs), BATCH)) {
          await client.query(
            `INSERT INTO ${s}.documents (collection, id, doc)
             SELECT $1, key, value FROM jsonb_each($2::jsonb)
             ON CONFLICT (collection, id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now()
             WHERE documents.doc IS DISTINCT FROM EXCLUDED.doc`,
            [name, JSON.stringify(Object.fromEntries(batch))],
          );
        }
      }
      await client.query(
        `INSERT INTO ${s}.sequences AS q (name, value)
         SELECT key, value::bigint FROM jsonb_each_text($1::jsonb)
         ON CONFLICT (name) DO UPDATE SET value = GREATEST(q.value, EXCLUDED.value)`,
        [JSON.stringify(source.sequences)],
      );
      for (const batch of chunks(source.seen, BATCH * 10)) {
        await client.query(`INSERT INTO ${s}.seen_ids (event_id) SELECT unnest($1::text[]) ON CONFLICT (event_id) DO NOTHING`, [batch]);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }

    // Checked with fresh queries after the commit, against the lowdb data: not against what we think we wrote.
    const report: MigrationReport = { collections: [], sequences: [], seen: { inLowdb: source.seen.length, present: 0 }, skipped: source.skipped, ok: true };
    for (const [name, docs] of source.collections) {
      if (name === LONG_TEXTS) {
        report.collections.push(await checkLongTexts(pool, s, docs as Record<string, LongTextDoc>));
        continue;
      }
      let matching = 0;
      for (const batch of chunks(Object.entries(docs), BATCH)) {
        const { rows } = await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${s}.documents d JOIN jsonb_each($2::jsonb) src ON d.id = src.key AND d.doc = src.value WHERE d.collection = $1`,
          [name, JSON.stringify(Object.fromEntries(batch))],
        );
        matching += rows[0]!.n;
      }
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${s}.documents WHERE collection = $1`, [name]);
      report.collections.push({ name, inLowdb: Object.keys(docs).length, matching, inPostgres: rows[0]!.n });
    }
    const { rows: sequences } = await pool.query<{ name: string; value: string }>(`SELECT name, value FROM ${s}.sequences WHERE name = ANY($1::text[])`, [
      Object.keys(source.sequences),
    ]);
    const stored = new Map(sequences.map((row) => [row.name, Number(row.value)]));
    report.sequences = Object.entries(source.sequences).map(([name, value]) => ({ name, inLowdb: Number(value), inPostgres: stored.get(name) ?? 0 }));
    for (const batch of chunks(source.seen, BATCH * 10)) {
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${s}.seen_ids WHERE event_id = ANY($1::text[])`, [batch]);
      report.seen.present += rows[0]!.n;
    }
    if (options.redisUrl) report.seen.inRedis = await copySeenToRedis(options.redisUrl, source.seen, options.redisPrefix);

    report.ok =
      report.collections.every((c) => c.matching === c.inLowdb) &&
      report.sequences.every((q) => q.inPostgres >= q.inLowdb) &&
      report.seen.present === report.seen.inLowdb &&
      (report.seen.inRedis === undefined || report.seen.inRedis === report.seen.inLowdb);
    return report;
  } finally {
    await pool.end();
  }
}

/** How many long texts PostgreSQL holds with the same conversation and bytes as lowdb's, and how many it holds. */
async function checkLongTexts(pool: pg.Pool, s: string, docs: Record<string, LongTextDoc>): Promise<MigrationReport["collections"][number]> {
  let matching = 0;
  for (const doc of Object.values(docs)) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${s}.long_texts WHERE id = $1 AND key = $2 AND bytes = $3`, [doc.id, doc.key, Buffer.from(doc.text)]);
    matching += rows[0]!.n;
  }
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${s}.long_texts`);
  return { name: LONG_TEXTS, inLowdb: Object.keys(docs).length, matching, inPostgres: rows[0]!.n };
}

/** Marks the ids seen in Redis (keeping any already there) and returns how many are present afterwards. */
async function copySeenToRedis(url: string, ids: string[], prefix?: string): Promise<number> {
  const redis = await connectRedis(url);
  try {
    const seen = new RedisSeenIds(redis, { prefix });
    let present = 0;
    for (const batch of chunks(ids, BATCH)) {
      await Promise.all(batch.map((id) => seen.markSeen(id)));
      // markSeen answers false for an id already there, so presence is checked separately.
      const answers = await Promise.all(batch.map((id) => seen.has(id)));
      present += answers.filter(Boolean).length;
    }
    return present;
  } finally {
    await redis.quit();
  }
}

// ===  Command line  ===

/** The report as lines for the terminal, Vietnamese first. */
export function formatReport(report: MigrationReport): string[] {
  const mark = (ok: boolean) => (ok ? "✓" : "✗ SAI LỆCH / MISMATCH");
  const lines = ["Bộ sưu tập (collection)        lowdb   khớp/matching   PostgreSQL"];
  for (const c of report.collections) {
    lines.push(`${c.name.padEnd(30)} ${String(c.inLowdb).padStart(5)}   ${String(c.matching).padStart(13)}   ${String(c.inPostgres).padStart(10)}  ${mark(c.matching === c.inLowdb)}`);
  }
  for (const q of report.sequences) lines.push(`Số thứ tự (sequence) ${q.name}: lowdb ${q.inLowdb}, PostgreSQL ${q.inPostgres}  ${mark(q.inPostgres >= q.inLowdb)}`);
  lines.push(`Mã sự kiện đã nhận (seen ids): lowdb ${report.seen.inLowdb}, PostgreSQL ${report.seen.present}  ${mark(report.seen.present === report.seen.inLowdb)}`);
  if (report.seen.inRedis !== undefined) lines.push(`  … trong Redis: ${report.seen.inRedis}  ${mark(report.seen.inRedis === report.seen.inLowdb)}`);
  for (const file of report.skipped) lines.push(`Bỏ qua (skipped, not a store file): ${file}`);
  lines.push(report.ok ? "Chuyển dữ liệu xong, số liệu khớp. (Migration complete, counts match.)" : "Có sai lệch: xem các dòng ✗. (Mismatch: see the ✗ lines.)");
  return lines;
}

async function main(): Promise<void> {
  const dataDir = resolve(process.argv[2] ?? process.env.DATA_DIR ?? "./data");
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (!databaseUrl) {
    console.error("Thiếu DATABASE_URL (DATABASE_URL is required), ví dụ postgres://postgres@127.0.0.1:5432/vanhoa");
    process.exit(1);
  }
  console.log(`Đọc lowdb từ ${dataDir} → PostgreSQL (schema ${process.env.PG_SCHEMA?.trim() || "public"})`);
  const report = await migrateLowdbToPostgres({
    dataDir,
    databaseUrl,
    schema: process.env.PG_SCHEMA?.trim() || undefined,
    redisUrl: process.env.REDIS_URL?.trim() || undefined,
  });
  for (const line of formatReport(report)) console.log(line);
  process.exit(report.ok ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`Lỗi khi chuyển dữ liệu (migration failed): ${(error as Error).message}`);
    process.exit(1);
  });
}
