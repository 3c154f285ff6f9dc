import { afterEach } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server.js";

/** Opens /chat as a browser would the first time: the session cookie and the chat id in it. */
export async function openChat(server: TestServer): Promise<{ cookie: string; userId: string }> {
  const cookie = (await fetch(`${server.url}/chat`)).headers.getSetCookie()[0]!.split(";")[0]!;
  return { cookie, userId: cookie.split("=")[1]! };
}

/** A `start(env, options)` for a test file: each server is stopped after its test. */
export function chatServers(): (env?: Record<string, string>, options?: Parameters<typeof startTestServer>[1]) => Promise<TestServer> {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
  });
  return async (env = {}, options = {}) => {
    const server = await startTestServer(env, options);
    servers.push(server);
    return server;
  };
}
