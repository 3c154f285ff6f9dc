import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

/**
 * axios settings for the platform APIs, found with a CPU profile of the send path: the APIs never
 * redirect (so no follow-redirects wrapper) and we never go through an environment proxy (so no
 * proxy lookup per request); connections are kept alive and reused.
 */
export const LEAN_AXIOS = {
  maxRedirects: 0,
  proxy: false as const,
  httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};
