import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * Runs a Lua script through ioredis's `defineCommand`, which sends it by SHA1 (EVALSHA) and the text only when
 * the server lacks it (NOSCRIPT). The per-person line runs three scripts per message: sending their text each
 * time was avoidable work on the hot path. The command is defined once per connection, named by the script's hash.
 *
 * @example await evalScript(redis, FINISH, 1, queueKey, ticket);
 */
export async function evalScript(redis: Redis, script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown> {
  let name = names.get(script);
  if (!name) names.set(script, (name = `script_${createHash("sha1").update(script).digest("hex").slice(0, 16)}`));
  const commands = redis as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>;
  if (typeof commands[name] !== "function") redis.defineCommand(name, { numberOfKeys: numKeys, lua: script });
  return commands[name]!(...args);
}

const names = new Map<string, string>();
