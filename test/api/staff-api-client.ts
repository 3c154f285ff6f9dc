import type { TestServer } from "../helpers/test-server.js";

/** The token the API tests configure (STAFF_API_TOKEN). */
export const STAFF_TOKEN = "staff-token-0123456789";

/**
 * Calls the staff API of a test server; JSON in and out.
 *
 * @example const { status, body } = await callApi(server, "POST", "/api/handoffs/…/reply", { body: { text: "Chào bạn" } });
 */
export async function callApi(
  server: TestServer,
  method: "GET" | "POST",
  path: string,
  options: { token?: string | null; body?: unknown; raw?: string; contentType?: string } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? STAFF_TOKEN : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const raw = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (raw !== undefined) headers["content-type"] = options.contentType ?? "application/json";
  const response = await fetch(server.url + path, { method, headers, body: raw });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the assertion message
  }
  return { status: response.status, body, headers: response.headers };
}

/** The API path of a conversation key. */
export const handoffPath = (key: string) => `/api/handoffs/${encodeURIComponent(key)}`;

/**
 * Makes an API key through the console's page, as an admin does (`unit`: "pack|unit", or "" for every unit), and
 * reads it from the page that shows it once.
 */
export async function createApiKey(admin: { post(path: string, form: Record<string, string>): Promise<Response> }, name: string, unit = ""): Promise<{ id: string; secret: string; page: string }> {
  const response = await admin.post("/admin/api-keys", { name, unit });
  const page = await response.text();
  if (response.status !== 201) throw new Error(`creating a key answered ${response.status}: ${page.slice(0, 200)}`);
  const secret = /id="api-key-secret" value="(tlvh_[^"]+)"/.exec(page)![1];
  return { id: /^tlvh_([0-9a-f]{16})_/.exec(secret)![1], secret, page };
}
