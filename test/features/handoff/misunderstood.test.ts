import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MessageEvent } from "../../../src/analytics/message-event.js";
import type { Handoff } from "../../../src/domain/handoff.js";
import { fixture, startTestServer, type TestServer } from "../../helpers/test-server.js";
import { ZaloPerson } from "../../helpers/chat.js";

/**
 * The misunderstood-twice rule and the analytics read what the feature that handled a message said of it
 * (`ctx.outcome`): a welcome, a greeting or a dialog step is never a misunderstanding.
 */

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
  server.services.notifier = { notify: async () => undefined };
});
afterEach(async () => {
  await server.stop();
  nock.cleanAll();
});

const handoffs = () => server.store.collection<Handoff>("handoffs").find();
const events = async () => (await server.store.collection<MessageEvent>("events").find()).sort((a, b) => a.at - b.at);

describe("outcome", () => {
  it("a welcome and a greeting between two misunderstood messages reset the count: no handoff", async () => {
    const person = new ZaloPerson(server, "outcome-greeting");
    await person.say("asdf qwer zxcv");
    const follow = { ...fixture<Record<string, unknown>>("zalo/follow.json"), follower: { id: person.userId }, timestamp: String(Date.now()) };
    expect((await server.postZalo(follow)).status).toBe(200);
    await server.settle();
    expect(await person.say("xin chào")).not.toContain("cán bộ sẽ trả lời");
    expect(await person.say("blorp flarg wibble")).not.toContain("Có vẻ mình chưa giúp được bạn");
    expect(await handoffs()).toEqual([]);
    expect((await events()).map((event) => event.answered)).toEqual([false, true, false]);
  });

  it("two misunderstood messages in a row hand the person to staff; the second apology comes first", async () => {
    const person = new ZaloPerson(server, "outcome-twice");
    await person.say("asdf qwer zxcv");
    const second = await person.say("blorp flarg wibble");
    expect(second.indexOf("Có vẻ mình chưa giúp được bạn")).toBeGreaterThan(0);
    expect(await handoffs()).toEqual([expect.objectContaining({ reason: "misunderstood", status: "open" })]);
  });

  it("a dialog step's answer is neither misunderstood nor a content gap", async () => {
    const person = new ZaloPerson(server, "outcome-dialog");
    await person.say("tôi muốn phản ánh");
    await person.say("qwerty asdf"); // not a category: the step asks again
    await person.say("zxcv uiop"); // again
    expect(await handoffs()).toEqual([]);
    expect((await events()).every((event) => event.answered)).toBe(true);
  });
});
