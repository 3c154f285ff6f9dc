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

it("gives the menu, greeting and ice breakers zh_CN and ko_KR locales whose payloads carry the language", async () => {
  const { messengerProfile } = await import("../../scripts/messenger-setup.js");
  const profile = messengerProfile();
  for (const field of ["greeting", "persistent_menu", "ice_breakers"] as const) {
    expect(profile[field].map((entry) => entry.locale)).toEqual(["default", "en_US", "zh_CN", "ko_KR"]);
  }
  const zh = profile.persistent_menu.find((m) => m.locale === "zh_CN")!;
  expect(zh.call_to_actions[0]).toEqual({ type: "postback", title: "节日庙会", payload: "lang:zh:menu:festivals" });
  const ko = profile.ice_breakers.find((m) => m.locale === "ko_KR")!;
  expect(ko.call_to_actions.length).toBeLessThanOrEqual(4); // Meta's limit
  expect(ko.call_to_actions[0]).toEqual({ question: "곧 열리는 축제가 있나요?", payload: "lang:ko:menu:festivals" });
  expect(profile.greeting.find((g) => g.locale === "ko_KR")!.text).toContain("{{user_first_name}}");
});
