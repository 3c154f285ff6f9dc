import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

const shas = new Map<string, string>();

/**
 * Runs a Lua script by its SHA1 (EVALSHA), sending the script text only the first time a Redis server
 * lacks it (NOSCRIPT). The per-person line runs three scripts per message: sending their text each time
 * was avoidable work on the hot path.
 *
 * @example await evalScript(redis, FINISH, 1, queueKey, ticket);
 */
export async function evalScript(redis: Redis, script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown> {
  let sha = shas.get(script);
  if (!sha) shas.set(script, (sha = createHash("sha1").update(script).digest("hex")));
  try {
    return await redis.evalsha(sha, numKeys, ...args);
  } catch (error) {
    if (!String((error as Error)?.message).includes("NOSCRIPT")) throw error;
    return redis.eval(script, numKeys, ...args);
  }
}
