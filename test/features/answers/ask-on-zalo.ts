/**
 * A test server per content pack, asked on Zalo as a new person each time: shared by the plan-answer webhook tests.
 * The Zalo OA API is stubbed with nock and the reply is read from what was sent.
 */
import nock from "nock";
import { afterAll, afterEach, beforeAll } from "vitest";
import { loadContent } from "../../../src/content/index.js";
import { Knowledge } from "../../../src/shared/knowledge.js";
import { recordZaloSends, startTestServer, zaloText, type TestServer } from "../../helpers/test-server.js";

const library = loadContent("content");

/** Everything sent to one person, as text (buttons as [title]). */
export const zaloTextTo = (sent: { body: any }[], userId: string) =>
  sent
    .filter((s) => s.body.recipient.user_id === userId)
    .map((s) => [s.body.message.text ?? "", ...(s.body.message.attachment?.payload?.buttons ?? []).map((b: any) => `[${b.title}]`)].join(" "))
    .join("\n");

/**
 * Registers the server's hooks in the calling describe block and returns `ask`: the reply's text and buttons to one
 * question from a new person. The bot serves `pack` as its default (the messages come from an OA not in accounts.yaml).
 */
export function askOnZalo(pack: string, userPrefix = "u"): (question: string) => Promise<string> {
  let server: TestServer;
  let n = 0;
  beforeAll(async () => {
    server = await startTestServer({ BOT_TODAY: "2026-11-25", CONTENT_PACK: pack }, { knowledge: new Knowledge(library, pack) });
  });
  afterAll(async () => {
    await server.stop();
  });
  afterEach(() => nock.cleanAll());
  return async (question) => {
    nock.cleanAll(); // one recorder per question
    const sent = recordZaloSends();
    const user = `${userPrefix}-${pack}-${++n}`;
    await server.postZalo(zaloText(question, user));
    await server.settle();
    return zaloTextTo(sent, user);
  };
}
