import { describe, expect, it } from "vitest";
import { GraphApiError, GraphClient, GraphHttpError, graphRetry } from "../../../src/channels/messenger/index.js";
import { stubFetch } from "../zalo/sdk/helpers.js";

const PSID = "7012345678901234";
const client = (reply: Parameters<typeof stubFetch>[0]) => {
  const stub = stubFetch(reply);
  return { graph: new GraphClient({ baseUrl: "https://graph.facebook.com", version: "v21.0", pageAccessToken: "page-token", fetch: stub.fetch }), calls: stub.calls };
};
const OK = { recipient_id: PSID, message_id: "m_1" };

describe("GraphClient", () => {
  it("sends a RESPONSE by default, an UPDATE or a tagged message, with the page token", async () => {
    const { graph, calls } = client(() => OK);
    await graph.sendMessage(PSID, { text: "Xin chào" });
    await graph.sendMessage(PSID, { text: "Cập nhật" }, { type: "UPDATE" });
    await graph.sendMessage(PSID, { text: "Cán bộ trả lời" }, { type: "MESSAGE_TAG", tag: "HUMAN_AGENT" });
    expect(calls[0].url.pathname).toBe("/v21.0/me/messages");
    expect(calls[0].url.searchParams.get("access_token")).toBe("page-token");
    expect(calls.map((c) => c.body)).toEqual([
      { recipient: { id: PSID }, messaging_type: "RESPONSE", message: { text: "Xin chào" } },
      { recipient: { id: PSID }, messaging_type: "UPDATE", message: { text: "Cập nhật" } },
      { recipient: { id: PSID }, messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT", message: { text: "Cán bộ trả lời" } },
    ]);
  });

  it("sends a utility message from an approved template as Meta documents it", async () => {
    const { graph, calls } = client(() => OK);
    await graph.sendUtilityMessage(PSID, { name: "report_status_vi", language: "vi", body: ["PA-2026-0007", { name: "status", text: "đã xử lý" }], postbacks: ["status:PA-2026-0007"] });
    expect(calls[0].body).toEqual({
      recipient: { id: PSID },
      messaging_type: "UTILITY",
      message: {
        template: {
          name: "report_status_vi",
          language: { code: "vi" },
          components: [
            { type: "body", parameters: [{ type: "text", text: "PA-2026-0007" }, { type: "text", text: "đã xử lý", parameter_name: "status" }] },
            { type: "buttons", parameters: [{ type: "POSTBACK", payload: "status:PA-2026-0007" }] },
          ],
        },
      },
    });
  });

  it("a refusal is a GraphApiError with code and subcode; no answer is a GraphHttpError", async () => {
    const refused = client(() => ({ status: 400, body: JSON.stringify({ error: { code: 10, error_subcode: 2018278, message: "outside of allowed window" } }) }));
    const error = (await refused.graph.sendMessage(PSID, { text: "hi" }).catch((e: unknown) => e)) as GraphApiError;
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ path: "/me/messages", code: 10, subcode: 2018278, isOutsideWindow: true });
    expect(JSON.stringify(error)).not.toContain("hi");
    const down = client(() => new TypeError("fetch failed"));
    expect(await down.graph.sendMessage(PSID, { text: "hi" }).catch((e: unknown) => e)).toBeInstanceOf(GraphHttpError);
  });

  it("the retry transformer retries rate limits and 5xx, not refusals", async () => {
    const answers = [{ status: 400, body: JSON.stringify({ error: { code: 613, message: "calls exceeded" } }) }, { status: 503, body: "" }, OK];
    const flaky = client((_c, i) => answers[i]);
    flaky.graph.use(graphRetry({ attempts: 4, baseMs: 1 }));
    await flaky.graph.sendMessage(PSID, { text: "hi" });
    expect(flaky.calls).toHaveLength(3);
    const closed = client(() => ({ status: 400, body: JSON.stringify({ error: { code: 551, message: "not available" } }) }));
    closed.graph.use(graphRetry({ attempts: 4, baseMs: 1 }));
    await expect(closed.graph.sendMessage(PSID, { text: "hi" })).rejects.toBeInstanceOf(GraphApiError);
    expect(closed.calls).toHaveLength(1);
  });
});
