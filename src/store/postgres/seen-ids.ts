import type { Pool } from "pg";
import type { SeenIds } from "../seen-ids.js";
import { quoteSchema } from "./schema-name.js";

export type { SeenIds };


/** Options for {@link PostgresSeenIds}. */
export interface PostgresSeenIdsOptions {
  schema?: string;
  /** How long an id is remembered; the channels retry for minutes, a week is ample. */
  retentionMs?: number;
  /** Old rows are pruned once every this many new ids (and at the first). */
  pruneEvery?: number;
}

/**
 * Seen ids in the `seen_ids` table: one insert that says whether the row was new, so two instances
 * racing on one event id get exactly one `true`. Bounded by age: rows older than the retention are
 * deleted now and then, in the background.
 *
 * @example const seen = new PostgresSeenIds(pool, { schema: "public" }); await seen.markSeen("zalo:123");
 */
export class PostgresSeenIds implements SeenIds {
  #table: string;
  #retentionMs: number;
  #pruneEvery: number;
  #inserted = 0;
  #pruning?: Promise<number>;

  constructor(
    private readonly pool: Pool,
    options: PostgresSeenIdsOptions = {},
  ) {
    this.#table = `${quoteSchema(options.schema ?? "public")}.seen_ids`;
    this.#retentionMs = options.retentionMs ?? 7 * 24 * 3600_000;
    this.#pruneEvery = options.pruneEvery ?? 1000;
  }

  async markSeen(eventId: string): Promise<boolean> {
    const result = await this.pool.query(`INSERT INTO ${this.#table} (event_id) VALUES ($1) ON CONFLICT (event_id) DO NOTHING`, [eventId]);
    const fresh = result.rowCount === 1;
    if (fresh && this.#inserted++ % this.#pruneEvery === 0) void this.prune().catch(() => undefined);
    return fresh;
  }

  /** Deletes ids older than the retention; resolves with how many went. */
  async prune(): Promise<number> {
    this.#pruning ??= this.pool
      .query(`DELETE FROM ${this.#table} WHERE seen_at < now() - make_interval(secs => $1)`, [this.#retentionMs / 1000])
      .then((result) => result.rowCount ?? 0)
      .finally(() => (this.#pruning = undefined));
    return this.#pruning;
  }

  /** Waits for a background prune, so the pool can be ended cleanly. */
  async close(): Promise<void> {
    await this.#pruning?.catch(() => undefined);
  }
}
