import nock from "nock";
import { afterEach, expect, it } from "vitest";
import { recordGraphSends, startTestServer, messengerText, type TestServer } from "../../helpers/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  nock.cleanAll();
});

it("a staff reply that waited for the person is delivered on their next message and stands once in the transcript", async () => {
  let now = Date.now();
  server = await startTestServer({}, { now: () => now });
  const sent = recordGraphSends();
  await server.postMessenger(messengerText("xin chào", "kept-1"));
  await server.settle();
  const key = "messenger:108512345678901:kept-1";
  const conversation = await server.services.conversations.get(key);
  // The person's last message is 8 days old: nothing may be sent, the reply is kept.
  conversation!.lastInboundAt = Date.now() - 8 * 86_400_000;
  await server.services.conversations.save(conversation!);
  const person = { key, channel: "messenger", accountId: "108512345678901", userId: "kept-1" };
  expect(await server.services.outbox.send(person, { text: "Cán bộ: lớp mở lại tháng sau." }, "staff")).toBe("kept");
  now += 1000;
  await server.postMessenger(messengerText("cho hỏi thêm", "kept-1"));
  await server.settle();
  expect(sent.some((s) => s.body.message?.text === "Cán bộ: lớp mở lại tháng sau.")).toBe(true);
  const lines = (await server.services.conversations.get(key))!.transcript.filter((line) => line.text === "Cán bộ: lớp mở lại tháng sau.");
  expect(lines).toHaveLength(1);
  expect(lines[0].from).toBe("staff");
});
