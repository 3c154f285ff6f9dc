import nock from "nock";
import { beforeEach, describe, expect, it } from "vitest";
import { fixture, sendEndpoint, serverPerTest, ZALO_API, zaloText, type TestServer } from "../../helpers/test-server.js";

const OAUTH = "https://oauth.zaloapp.com";

/** A cs endpoint that accepts only `validToken`; records every call. */
function csEndpoint(validToken: () => string) {
  const calls: { token: string; body: any }[] = [];
  nock(ZALO_API)
    .post("/v3.0/oa/message/cs")
    .times(100)
    .reply(function (_uri, body) {
      const token = this.req.headers["access_token"] as string;
      calls.push({ token, body });
      return token === validToken() ? [200, fixture("zalo/api-send-success.json")] : [200, fixture("zalo/api-send-error-invalid-token.json")];
    });
  return calls;
}

/** The OAuth endpoint: rotates the pair on each valid refresh; records the forms it got. */
function oauthEndpoint() {
  const forms: Record<string, string>[] = [];
  const headers: string[] = [];
  let generation = 1;
  nock(OAUTH)
    .post("/v4/oa/access_token")
    .times(20)
    .reply(function (_uri, body) {
      const form = Object.fromEntries(new URLSearchParams(body as string));
      forms.push(form);
      headers.push(this.req.headers["secret_key"] as string);
      if (form.refresh_token !== `refresh-${generation}`) return [200, { error: -14014, error_name: "Invalid refresh token" }];
      generation++;
      return [200, { access_token: `access-${generation}`, refresh_token: `refresh-${generation}`, expires_in: "90000" }];
    });
  return { forms, headers, current: () => `access-${generation}` };
}

describe("Zalo API client", () => {
  const each = serverPerTest();
  let server: TestServer;
  beforeEach(() => void (server = each.server));

  it("on -216 refreshes the token, saves the rotated pair and resends; the next refresh uses the rotated refresh token", async () => {
    const oauth = oauthEndpoint();
    let valid = "access-2";
    const calls = csEndpoint(() => valid);
    await server.postZalo(zaloText("xin chào", "501"));
    await server.settle();
    expect(oauth.forms).toHaveLength(1);
    expect(oauth.forms[0]).toMatchObject({ app_id: "3605738391474520000", grant_type: "refresh_token", refresh_token: "refresh-1" });
    expect(oauth.headers[0]).toBe("zalo-app-secret");
    expect(calls[0].token).toBe("access-1");
    expect(calls.at(-1)!.token).toBe("access-2");
    const saved = await server.store.collection<{ accessToken: string; refreshToken: string }>("tokens").get("zalo");
    expect(saved).toMatchObject({ accessToken: "access-2", refreshToken: "refresh-2" });

    valid = "access-3"; // the token expires again
    await server.postZalo(zaloText("xin chào", "502"));
    await server.settle();
    expect(oauth.forms).toHaveLength(2);
    expect(oauth.forms[1].refresh_token).toBe("refresh-2");
    expect(calls.at(-1)!.token).toBe("access-3");
  });

  it("concurrent sends that hit an expired token share one refresh", async () => {
    const oauth = oauthEndpoint();
    const calls = csEndpoint(() => "access-2");
    await Promise.all(Array.from({ length: 8 }, (_, i) => server.postZalo(zaloText("xin chào", `60${i}`))));
    await server.settle();
    expect(oauth.forms).toHaveLength(1);
    const recipients = new Set(calls.filter((c) => c.token === "access-2").map((c) => c.body.recipient.user_id));
    expect(recipients.size).toBe(8);
  });

  it("retries -32 (rate limit) and HTTP 5xx with backoff, then succeeds", async () => {
    const sends = sendEndpoint("zalo", [200, { error: -32, message: "rate limit" }], [503, "unavailable"], [200, fixture("zalo/api-send-success.json")]);
    await server.postZalo(zaloText("xin chào", "701"));
    await server.settle();
    expect(sends.calls).toBeGreaterThanOrEqual(3);
  });

  it("gives up after the bounded number of attempts on a persistent 5xx", async () => {
    const sends = sendEndpoint("zalo", [500, "boom"]);
    await server.postZalo(zaloText("xin chào", "702"));
    await server.settle();
    // One reply message, RETRY_ATTEMPTS=4 attempts; the server is still up.
    expect(sends.calls).toBe(4);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("does not retry -230 (no interaction for 7 days)", async () => {
    const sends = sendEndpoint("zalo", [200, fixture("zalo/api-send-error-not-interacted.json")]);
    await server.postZalo(zaloText("xin chào", "703"));
    await server.settle();
    expect(sends.calls).toBe(1);
  });
});
