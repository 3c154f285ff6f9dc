import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { leanHttpAdapter } from "./lean-http-adapter.js";

/**
 * axios settings for the platform APIs, found with a CPU profile of the send path: the APIs never
 * redirect (so no follow-redirects wrapper) and we never go through an environment proxy (so no
 * proxy lookup per request); connections are kept alive and reused; the transport is a lean adapter
 * (lean-http-adapter.ts) instead of axios's own http adapter.
 */
export const LEAN_AXIOS = {
  adapter: leanHttpAdapter,
  maxRedirects: 0,
  proxy: false as const,
  httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};
