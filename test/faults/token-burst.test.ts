import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TokenState as ZaloTokenState } from "../../src/channels/zalo/sdk/index.js";
import { LowdbStore } from "../../src/store/lowdb/lowdb-store.js";
import { startTestServer, zaloText } from "../helpers/test-server.js";
import { startPlatformStub } from "./kit/platform-stub.js";

/**
 * Issue 7, "token expiry during a burst": the OA access token expires while a few hundred replies are going out.
 * Zalo answers -216 to every call still carrying it; the sends that hit it must share one refresh (the refresh
 * token is single-use: a second refresh would spend a token that is already gone), then all go through with the
 * new token, and the rotated pair is on disk before it is used.
 */
describe("Zalo token expiry in the middle of a burst", () => {
  it("one refresh, every reply delivered with the new token, the rotated pair saved and used after a restart", { timeout: 60_000 }, async () => {
    const PEOPLE = 300;
    const EXPIRES_AFTER = 60; // deliveries before the token dies
    let expired = false;
    const stub = await startPlatformStub({
      fault: ({ token }) => (token === "access-2" || (token === "access-1" && !expired) ? "ok" : "token-expired"),
      // A slow refresh, so that many sends pile up behind it.
      refresh: async (refreshToken) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return refreshToken === "refresh-1" ? { access_token: "access-2", refresh_token: "refresh-2", expires_in: "90000" } : Promise.reject(new Error(`spent refresh token ${refreshToken}`));
      },
    });
    stub.events.on("delivered", () => {
      if (stub.delivered.length >= EXPIRES_AFTER) expired = true;
    });
    const dir = mkdtempSync(join(tmpdir(), "fault-token-"));
    const env = { ZALO_API_BASE: stub.url, ZALO_OAUTH_BASE: stub.url, ZALO_OA_ACCESS_TOKEN: "access-1", ZALO_OA_REFRESH_TOKEN: "refresh-1" };
    const server = await startTestServer(env, { store: new LowdbStore({ dir }) });
    try {
      const people = Array.from({ length: PEOPLE }, (_, i) => `t${1000 + i}`);
      const responses = await Promise.all(people.map((userId) => server.postZalo(zaloText("xin chào", userId, `${userId}-1`))));
      expect(responses.every((response) => response.status === 200)).toBe(true);
      await server.settle();

      // One refresh, with the original refresh token.
      expect(stub.refreshes).toEqual(["refresh-1"]);
      // The expiry really hit the burst: many calls were refused for the token, not just one.
      expect(stub.faults["token-expired"]).toBeGreaterThan(10);
      // Every person got their reply, once; after the expiry only the new token was accepted.
      const byPerson = new Map<string, number>();
      for (const entry of stub.delivered) byPerson.set(entry.userId, (byPerson.get(entry.userId) ?? 0) + 1);
      expect(people.filter((userId) => byPerson.get(userId) !== 1)).toEqual([]);
      expect(stub.delivered.filter((entry) => entry.token === "access-2").length).toBeGreaterThanOrEqual(PEOPLE - EXPIRES_AFTER);
      expect(await server.store.collection("dead_letters").find()).toEqual([]);

      // The rotated pair is on disk now (a durable write), as another reader of the folder sees it.
      const onDisk = await new LowdbStore({ dir }).collection<ZaloTokenState>("tokens").get("zalo");
      expect(onDisk).toMatchObject({ accessToken: "access-2", refreshToken: "refresh-2" });
    } finally {
      await server.stop();
    }

    // Restarted with the same environment (the spent refresh-1 still in it): the saved pair wins, no refresh.
    const again = await startTestServer(env, { store: new LowdbStore({ dir }) });
    try {
      await again.postZalo(zaloText("xin chào", "t-after", "t-after-1"));
      await again.settle();
      expect(stub.refreshes).toEqual(["refresh-1"]);
      expect(stub.delivered.filter((entry) => entry.userId === "t-after").map((entry) => entry.token)).toEqual(["access-2"]);
    } finally {
      await again.stop();
      await stub.close();
    }
  });
});
