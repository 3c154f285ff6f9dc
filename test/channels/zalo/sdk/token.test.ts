import { describe, expect, it } from "vitest";
import { memoryTokenStorage, TokenManager, ZaloApiError } from "../../../../src/channels/zalo/sdk/index.js";

describe("TokenManager", () => {
  it("rotates the single-use refresh token: each refresh spends the latest one, saved before use", async () => {
    const storage = memoryTokenStorage();
    const spent: string[] = [];
    let n = 1;
    const tokens = new TokenManager({
      initial: { accessToken: "a1", refreshToken: "r1" },
      storage,
      exchange: async (refreshToken) => {
        spent.push(refreshToken);
        n++;
        return { accessToken: `a${n}`, refreshToken: `r${n}`, expiresAt: Date.now() + 1000 };
      },
    });
    expect(await tokens.accessToken()).toBe("a1");
    expect(await tokens.refresh("a1")).toBe("a2");
    expect(await storage.load()).toMatchObject({ accessToken: "a2", refreshToken: "r2" });
    expect(await tokens.refresh("a1")).toBe("a2"); // a stale caller gets the new token, no second refresh
    expect(await tokens.refresh("a2")).toBe("a3");
    expect(spent).toEqual(["r1", "r2"]);
  });

  it("a saved pair from other configured tokens is ignored: newly pasted tokens win", async () => {
    const storage = memoryTokenStorage();
    await new TokenManager({ initial: { accessToken: "old", refreshToken: "r-old" }, storage }).currentState().then((state) => storage.save(state));
    const fresh = new TokenManager({ initial: { accessToken: "new", refreshToken: "r-new" }, storage });
    expect(await fresh.accessToken()).toBe("new");
  });

  it("without app credentials an expired token is a -216 refusal, not a hang", async () => {
    const tokens = new TokenManager({ initial: { accessToken: "a1", refreshToken: "r1" } });
    await expect(tokens.refresh("a1")).rejects.toBeInstanceOf(ZaloApiError);
  });
});
