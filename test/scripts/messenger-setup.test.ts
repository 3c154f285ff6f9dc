import nock from "nock";
import { afterEach, expect, it } from "vitest";
import { setupMessengerProfile } from "../../scripts/messenger-setup.js";
import { loadConfig } from "../../src/config.js";
import { TEST_ENV } from "../helpers/test-server.js";

afterEach(() => nock.cleanAll());

it("sets Get Started, greeting and persistent menu through the Messenger Profile API", async () => {
  nock.disableNetConnect();
  let body: any;
  let token: string | null = null;
  nock("https://graph.facebook.com")
    .post("/v21.0/me/messenger_profile")
    .query(true)
    .reply(200, (uri, sent) => {
      body = sent;
      token = new URL(uri, "https://graph.facebook.com").searchParams.get("access_token");
      return { result: "success" };
    });
  const result = await setupMessengerProfile(loadConfig(TEST_ENV));
  expect(result).toEqual({ result: "success" });
  expect(token).toBe("fb-page-token");
  expect(body.get_started).toEqual({ payload: "GET_STARTED" });
  expect(body.greeting[0].text).toContain("Trợ lý văn hóa");
  const vi = body.persistent_menu.find((m: any) => m.locale === "default");
  expect(vi.call_to_actions.map((a: any) => a.title)).toEqual(["Lễ hội", "Di sản", "Lớp Quan họ", "Phản ánh", "Gặp cán bộ"]);
});
