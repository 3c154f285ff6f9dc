/**
 * A log of content saved through the console (`content_changes` collection), so the yearly report can count what
 * was published or updated during the year.
 *
 * @example await recordContentChange(store, { at: Date.now(), by: "admin", packId: "vo-cuong", file: "festivals", itemId: "hoi-lim", action: "saved" });
 */
import { randomUUID } from "node:crypto";
import type { Store } from "../../store/store.js";

/** One save or removal made in the console. */
export interface ContentChange {
  id: string;
  at: number;
  by: string;
  packId: string;
  file: string;
  itemId: string;
  action: "created" | "saved" | "removed";
}

/** Appends one change to the log. */
export async function recordContentChange(store: Store, change: Omit<ContentChange, "id">): Promise<void> {
  const id = `${change.at}-${randomUUID()}`;
  await store.collection<ContentChange>("content_changes").set(id, { id, ...change });
}
