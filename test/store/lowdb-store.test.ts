import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { LowdbStore } from "../../src/store/lowdb/lowdb-store.js";
import { storeContract } from "./store-contract.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

storeContract(
  "LowdbStore",
  async () => {
    const dir = await mkdtemp(join(tmpdir(), "lowdb-store-"));
    dirs.push(dir);
    return { store: new LowdbStore({ dir, flushMs: 20 }), reopen: async () => new LowdbStore({ dir, flushMs: 20 }) };
  },
  { persistent: true },
);
