import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { Api, HttpError, ZaloApiError, autoToken, logging, retry, TokenManager } from "../../../../src/channels/zalo/sdk/index.js";
import { SENT, stubApi, stubFetch } from "./helpers.js";

const USER = "2512523625412515000";

describe("Api: one line per method over call()", () => {
  it("sends consultation messages to /v3.0/oa/message/cs with the token header and Zalo's payloads", async () => {
    const { api, calls } = stubApi();
    api.config.use((prev, method, payload, options) => prev(method, payload, { ...options, accessToken: "tok" }));
    await api.sendText(USER, "Xin chào");
    await api.sendImage(USER, { attachmentId: "att-1" }, "Đình làng");
    await api.sendImage(USER, { url: "https://example.org/a.jpg" });
    await api.sendList(USER, [{ title: "Hội Lim", subtitle: "13 tháng Giêng", image_url: "https://example.org/lim.jpg" }]);
    await api.sendButtons(USER, "Chọn:", [{ title: "Lễ hội", type: "oa.query.show", payload: "#menu" }]);
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual(Array(5).fill("POST /v3.0/oa/message/cs"));
    expect(calls[0].headers.access_token).toBe("tok");
    expect(calls[0].body).toEqual({ recipient: { user_id: USER }, message: { text: "Xin chào" } });
    expect(calls[1].body).toEqual({
      recipient: { user_id: USER },
      message: { text: "Đình làng", attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: "att-1" }] } } },
    });
    expect((calls[2].body as any).message.attachment.payload.elements[0]).toEqual({ media_type: "image", url: "https://example.org/a.jpg" });
    expect((calls[3].body as any).message.attachment.payload).toEqual({
      template_type: "list",
      elements: [{ title: "Hội Lim", subtitle: "13 tháng Giêng", image_url: "https://example.org/lim.jpg" }],
    });
    expect((calls[4].body as any).message).toEqual({ text: "Chọn:", attachment: { type: "template", payload: { buttons: [{ title: "Lễ hội", type: "oa.query.show", payload: "#menu" }] } } });
  });

  it("request_user_info is the template Zalo documents", async () => {
    const { api, calls } = stubApi();
    await api.requestUserInfo(USER, { title: "Thông tin liên hệ", subtitle: "Để cán bộ gọi lại về phản ánh của bạn", imageUrl: "https://example.org/logo.png" });
    expect(calls[0].body).toEqual({
      recipient: { user_id: USER },
      message: {
        attachment: {
          type: "template",
          payload: { template_type: "request_user_info", elements: [{ title: "Thông tin liên hệ", subtitle: "Để cán bộ gọi lại về phản ánh của bạn", image_url: "https://example.org/logo.png" }] },
        },
      },
    });
  });

  it("sends a transaction message to /v3.0/oa/message/transaction", async () => {
    const { api, calls } = stubApi();
    await api.sendTransaction(USER, {
      template: "transaction_event",
      elements: [
        { type: "header", content: "Phản ánh PA-2026-0007" },
        { type: "table", content: [{ key: "Trạng thái", value: "Đã xử lý", style: "green" }] },
      ],
      buttons: [{ title: "Xem chi tiết", type: "oa.query.show", payload: "#status:PA-2026-0007" }],
    });
    expect(calls[0].url.pathname).toBe("/v3.0/oa/message/transaction");
    expect((calls[0].body as any).message.attachment.payload).toMatchObject({ template_type: "transaction_event", language: "VI", buttons: [{ title: "Xem chi tiết" }] });
  });

  it("sends a ZNS template to business.openapi.zalo.me/message/template by phone (84…), with its data and tracking id", async () => {
    const { api, calls } = stubApi(() => ({ error: 0, message: "Success", data: { msg_id: "zns-1", sent_time: "1764000000000", quota: { dailyQuota: "500", remainingQuota: "499" } } }));
    api.config.use((prev, method, payload, options) => prev(method, payload, { ...options, accessToken: "tok" }));
    const result = await api.sendZns("0912 345 678", "248079", { code: "LH-2026-0003", date: "26/11/2026" }, { trackingId: "LH-2026-0003" });
    expect(result).toMatchObject({ msg_id: "zns-1", quota: { remainingQuota: "499" } });
    expect(calls[0].url.origin + calls[0].url.pathname).toBe("https://business.openapi.zalo.me/message/template");
    expect(calls[0].headers.access_token).toBe("tok");
    expect(calls[0].body).toEqual({ phone: "84912345678", template_id: "248079", template_data: { code: "LH-2026-0003", date: "26/11/2026" }, tracking_id: "LH-2026-0003" });
    await api.sendZns("+84 912 345 678", "248079", {}, { development: true });
    expect(calls[1].body).toMatchObject({ phone: "84912345678", mode: "development" });
  });

  it("a ZNS refusal for the recipient (-118 no Zalo account) is told apart from a token problem (-124)", async () => {
    const { api } = stubApi((_call, index) => (index === 0 ? { error: -118, message: "Zalo account not existed" } : { error: -124, message: "Access token invalid" }));
    const noAccount = (await api.sendZns("0912345678", "1", {}).catch((e: unknown) => e)) as ZaloApiError;
    expect(noAccount).toMatchObject({ method: "sendZnsTemplate", errorCode: -118, isZnsRecipientProblem: true, isTokenProblem: false });
    expect(JSON.stringify(noAccount)).not.toContain("84912345678");
    const token = (await api.sendZns("0912345678", "1", {}).catch((e: unknown) => e)) as ZaloApiError;
    expect(token).toMatchObject({ isZnsRecipientProblem: false, isTokenProblem: true });
  });

  it("reads a profile with GET ?data=…, uploads files as multipart, returns Zalo's data", async () => {
    const { api, calls } = stubApi((call) => {
      if (call.url.pathname === "/v3.0/oa/user/detail") return { error: 0, data: { user_id: USER, display_name: "Lan" } };
      if (call.url.pathname === "/v2.0/oa/upload/image") return { error: 0, data: { attachment_id: "att-9" } };
      return { error: 0, data: { token: "file-token" } };
    });
    expect((await api.getUserProfile(USER)).display_name).toBe("Lan");
    expect(calls[0].method).toBe("GET");
    expect(JSON.parse(calls[0].url.searchParams.get("data")!)).toEqual({ user_id: USER });
    expect(await api.uploadImage(new Uint8Array([0xff, 0xd8, 0xff]), "a.jpg")).toBe("att-9");
    const form = calls[1].body as FormData;
    expect(form.get("file")).toBeInstanceOf(Blob);
    expect((form.get("file") as File).name).toBe("a.jpg");
    expect(await api.uploadFile(new Blob(["%PDF"]), "ke-hoach.pdf")).toBe("file-token");
    expect(calls[2].url.pathname).toBe("/v2.0/oa/upload/file");
  });

  it("refreshes the token at the OAuth host, the app secret in a header and never in the body", async () => {
    const { api, calls } = stubApi(() => ({ access_token: "a2", refresh_token: "r2", expires_in: "90000" }));
    const pair = await api.refreshAccessToken({ appId: "app", appSecret: "shh" }, "r1");
    expect(pair).toMatchObject({ accessToken: "a2", refreshToken: "r2" });
    expect(calls[0].url.origin + calls[0].url.pathname).toBe("https://oauth.zaloapp.com/v4/oa/access_token");
    expect(calls[0].headers.secret_key).toBe("shh");
    expect(calls[0].body).toEqual({ app_id: "app", grant_type: "refresh_token", refresh_token: "r1" });
  });
});

describe("errors", () => {
  it("a refusal is a ZaloApiError with method, code and payload (the payload hidden from loggers)", async () => {
    const { api } = stubApi(() => ({ error: -230, message: "User has not interacted with the OA in the last 7 days" }));
    const error = (await api.sendText(USER, "0912345678").catch((e: unknown) => e)) as ZaloApiError;
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error).toMatchObject({ method: "sendConsultation", errorCode: -230, isUndeliverable: true });
    expect(error.payload).toEqual({ recipient: { user_id: USER }, message: { text: "0912345678" } });
    expect(JSON.stringify(error)).not.toContain("0912345678");
  });

  it("no answer, HTTP 5xx and a body that is not Zalo's JSON are HttpErrors", async () => {
    for (const reply of [new TypeError("fetch failed"), { status: 502, body: "bad gateway" }, { status: 200, body: "<html>" }, { status: 200, body: '{"ok":1}' }]) {
      const { api } = stubApi(() => reply);
      const error = await api.sendText(USER, "hi").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpError);
    }
  });

  it("a slow answer times out as an HttpError (the default transport aborts after timeoutMs)", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const api = new Api({ apiRoot: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, timeoutMs: 50 });
      expect(await api.sendText(USER, "hi").catch((e: unknown) => e)).toBeInstanceOf(HttpError);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe("transformers", () => {
  it("retry: -32 and 5xx are retried with backoff, -230 is not", async () => {
    const answers = [{ error: -32, message: "rate" }, { status: 503, body: "" }, SENT];
    const { api, calls } = stubApi((_c, i) => answers[i]);
    const retried: number[] = [];
    api.config.use(retry({ attempts: 4, baseMs: 1, onRetry: (_e, attempt) => void retried.push(attempt) }));
    await api.sendText(USER, "hi");
    expect(calls).toHaveLength(3);
    expect(retried).toEqual([1, 2]);

    const refused = stubApi(() => ({ error: -230, message: "no interaction" }));
    refused.api.config.use(retry({ attempts: 4, baseMs: 1 }));
    await expect(refused.api.sendText(USER, "hi")).rejects.toBeInstanceOf(ZaloApiError);
    expect(refused.calls).toHaveLength(1);
  });

  it("retry gives up after the bounded number of attempts", async () => {
    const { api, calls } = stubApi(() => ({ status: 500, body: "boom" }));
    api.config.use(retry({ attempts: 3, baseMs: 1 }));
    await expect(api.sendText(USER, "hi")).rejects.toBeInstanceOf(HttpError);
    expect(calls).toHaveLength(3);
  });

  it("autoToken: on -216, concurrent calls share one refresh, the rotated pair is saved, and each call is sent again", async () => {
    let valid = "a2";
    const saved: unknown[] = [];
    const stub = stubFetch((call) => {
      if (call.url.pathname === "/v4/oa/access_token") return { access_token: "a2", refresh_token: "r2", expires_in: 90000 };
      return call.headers.access_token === valid ? SENT : { error: -216, message: "Access token is invalid" };
    });
    const api = new Api({ fetch: stub.fetch });
    const tokens = new TokenManager({
      initial: { accessToken: "a1", refreshToken: "r1" },
      exchange: (refreshToken) => api.refreshAccessToken({ appId: "app", appSecret: "shh" }, refreshToken),
      storage: { load: async () => undefined, save: async (state) => void saved.push(state) },
    });
    api.config.use(autoToken(tokens));
    await Promise.all(Array.from({ length: 5 }, (_, i) => api.sendText(`u${i}`, "hi")));
    const refreshes = stub.calls.filter((c) => c.url.pathname === "/v4/oa/access_token");
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].headers.access_token).toBeUndefined();
    expect(saved).toMatchObject([{ accessToken: "a2", refreshToken: "r2" }]);
    const resent = stub.calls.filter((c) => c.headers.access_token === "a2").map((c) => (c.body as any).recipient.user_id);
    expect(new Set(resent).size).toBe(5);
    valid = "a3";
    await expect(api.sendText("u", "hi")).rejects.toMatchObject({ errorCode: -216 }); // r2 → a2 again: still refused, not looped
  });

  it("logging sees failures with method and code, never the payload", async () => {
    const { api } = stubApi(() => ({ error: -213, message: "not a follower" }));
    const entries: object[] = [];
    api.config.use(logging((entry) => void entries.push(entry)));
    await api.sendText(USER, "0912345678").catch(() => undefined);
    expect(entries).toMatchObject([{ method: "sendConsultation", errorCode: -213 }]);
    expect(JSON.stringify(entries)).not.toContain("0912345678");
  });
});
