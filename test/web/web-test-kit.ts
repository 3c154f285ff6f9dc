/**
 * Helpers for the console's tests over HTTP: sign in with a real form post, keep cookies, read the CSRF token.
 */
import type { Report } from "../../src/domain/report.js";
import type { TestServer } from "../helpers/test-server.js";

/** A browser-like client for one account: cookies kept, redirects not followed. */
export interface ConsoleClient {
  cookie: string;
  csrf: string;
  get(path: string, accept?: string): Promise<Response>;
  post(path: string, form: Record<string, string | string[]>, options?: { csrf?: string | null }): Promise<Response>;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Posts the sign-in form as a browser does (form page first, for its CSRF cookie and field); returns the answer. */
export async function postLogin(server: TestServer, username: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  const form = await fetch(`${server.url}/admin/login`);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
  return fetch(`${server.url}/admin/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: form.headers.getSetCookie()[0].split(";")[0], ...headers },
    body: new URLSearchParams({ _csrf: token, username, password }),
  });
}

/** Signs in through /admin/login and returns a client holding the session. */
export async function signIn(server: TestServer, username: string, password: string): Promise<ConsoleClient> {
  const form = await fetch(`${server.url}/admin/login`);
  const loginCookie = cookiesOf(form).join("; ");
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
  const response = await fetch(`${server.url}/admin/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: loginCookie },
    body: new URLSearchParams({ _csrf: token, username, password }),
  });
  if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
  const cookie = cookiesOf(response).find((c) => c.startsWith("tlvh_sid="))!;
  const page = await fetch(`${server.url}/admin/reports`, { headers: { cookie, accept: "text/html" } });
  const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(await page.text())![1];
  const client: ConsoleClient = {
    cookie,
    csrf,
    get: (path, accept = "text/html") => fetch(`${server.url}${path}`, { redirect: "manual", headers: { cookie, accept } }),
    post: (path, fields, options = {}) => {
      const body = new URLSearchParams();
      const csrfValue = options.csrf === undefined ? csrf : options.csrf;
      if (csrfValue !== null) body.append("_csrf", csrfValue);
      for (const [k, v] of Object.entries(fields)) for (const item of ([] as string[]).concat(v)) body.append(k, item);
      return fetch(`${server.url}${path}`, { method: "POST", redirect: "manual", headers: { cookie, accept: "text/html", "content-type": "application/x-www-form-urlencoded" }, body });
    },
  };
  return client;
}

/** A stored report, as the report dialog would save it. */
export function sampleReport(code: string, overrides: Partial<Report> = {}): Report {
  const at = Date.parse("2026-11-20T03:00:00Z");
  return {
    code,
    packId: "vo-cuong",
    categoryId: "relic-harm",
    unitId: "phong-van-hoa-xa-hoi",
    description: `Mô tả của ${code}`,
    place: { text: "đình Đông Xá" },
    evidence: [],
    contact: { anonymous: true },
    reporter: { key: "zalo:oa:u1", channel: "zalo", accountId: "oa", userId: "u1" },
    language: "vi",
    status: "received",
    history: [{ at, status: "received", by: "bot" }],
    possibleDuplicates: [],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
