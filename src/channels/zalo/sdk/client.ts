import { HttpError, ZaloApiError } from "./errors.js";
import type { ZaloCsMessage } from "./messages.js";

/**
 * The one raw call to Zalo, after grammY's src/core/client.ts: every method of `Api` goes through the private
 * `call(method, payload)`, and transformers installed with `api.config.use(...)` wrap it from outside — retry,
 * token refresh, logging. A method is a row of `METHODS`: its HTTP verb, host, path and how the payload travels.
 */

// ===  Methods  ===

type Encoding = "json" | "query" | "multipart" | "form";
interface MethodSpec {
  http: "GET" | "POST";
  host: "openapi" | "oauth" | "business";
  path: string;
  encoding: Encoding;
}

/** Every endpoint the SDK calls (Open API v2/v3, OAuth v4, ZNS on business.openapi.zalo.me). */
export const METHODS = {
  sendConsultation: { http: "POST", host: "openapi", path: "/v3.0/oa/message/cs", encoding: "json" },
  sendTransaction: { http: "POST", host: "openapi", path: "/v3.0/oa/message/transaction", encoding: "json" },
  sendBroadcast: { http: "POST", host: "openapi", path: "/v2.0/oa/message", encoding: "json" },
  sendZnsTemplate: { http: "POST", host: "business", path: "/message/template", encoding: "json" },
  getUserDetail: { http: "GET", host: "openapi", path: "/v3.0/oa/user/detail", encoding: "query" },
  getConversation: { http: "GET", host: "openapi", path: "/v2.0/oa/conversation", encoding: "query" },
  uploadImage: { http: "POST", host: "openapi", path: "/v2.0/oa/upload/image", encoding: "multipart" },
  uploadFile: { http: "POST", host: "openapi", path: "/v2.0/oa/upload/file", encoding: "multipart" },
  getAccessToken: { http: "POST", host: "oauth", path: "/v4/oa/access_token", encoding: "form" },
} as const satisfies Record<string, MethodSpec>;

export type ZaloMethod = keyof typeof METHODS;

/** A file to upload: the bytes and a name (Zalo reads the type from the name's extension). */
export interface UploadPayload {
  file: Blob | Uint8Array;
  filename: string;
  contentType?: string;
}

/** The payload and the `data` of the answer, per method. */
export interface MethodTypes {
  sendConsultation: { payload: { recipient: { user_id: string }; message: ZaloCsMessage }; result: SendResult };
  sendTransaction: { payload: { recipient: { user_id: string }; message: object }; result: SendResult };
  sendBroadcast: { payload: { recipient: { target: Record<string, string> }; message: object }; result: { message_id: string } };
  sendZnsTemplate: { payload: ZnsPayload; result: ZnsResult };
  getUserDetail: { payload: { user_id: string }; result: UserDetail };
  getConversation: { payload: { user_id: string; offset: number; count: number }; result: ConversationMessage[] };
  uploadImage: { payload: UploadPayload; result: { attachment_id: string } };
  uploadFile: { payload: UploadPayload; result: { token: string } };
  getAccessToken: {
    payload: { app_id: string; secret_key: string; grant_type: "refresh_token"; refresh_token: string };
    result: { access_token: string; refresh_token?: string; expires_in?: string | number };
  };
}
export type Payload<M extends ZaloMethod> = MethodTypes[M]["payload"];
export type Result<M extends ZaloMethod> = MethodTypes[M]["result"];

export interface SendResult {
  message_id: string;
  user_id?: string;
  quota?: { quota_type?: string; remain?: string; total?: string };
}

/** A ZNS send: an approved template by id, filled with `template_data`, to a phone number (84xxxxxxxxx). */
export interface ZnsPayload {
  phone: string;
  template_id: string;
  template_data: Record<string, string>;
  /** Your id for the message, returned in ZNS delivery events (at most 48 characters). */
  tracking_id?: string;
  /** "development": sent only to the OA's admins and not charged. */
  mode?: "development";
}

/** What ZNS answers: the message id, when it was sent, and the day's quota left. */
export interface ZnsResult {
  msg_id: string;
  sent_time?: string;
  quota?: { dailyQuota?: string | number; remainingQuota?: string | number };
}

/**
 * One message of the OA's conversation with a person, newest first (GET /v2.0/oa/conversation). `src` 0: the OA
 * sent it, 1: the person did; `time` is epoch ms; `message` is the text of a text message.
 */
export interface ConversationMessage {
  msg_id?: string;
  src?: number;
  time?: number;
  type?: string;
  message?: string;
  from_id?: string | number;
  to_id?: string | number;
  [field: string]: unknown;
}

/** A follower as the OA sees them (display name, avatar, shared info once they submitted it). */
export interface UserDetail {
  user_id: string;
  display_name?: string;
  avatar?: string;
  user_is_follower?: boolean;
  shared_info?: { name?: string; phone?: string | number; address?: string; city?: string; district?: string };
  [field: string]: unknown;
}

// ===  Transformers  ===

/** Per-call options a transformer may fill in: the access token, an abort signal. */
export interface CallOptions {
  accessToken?: string;
  signal?: AbortSignal;
}

export type ApiCallFn = <M extends ZaloMethod>(method: M, payload: Payload<M>, options: CallOptions) => Promise<Result<M>>;

/**
 * Wraps the call: gets the next call in the chain, and the method, payload and options of this one.
 *
 * @example api.config.use((prev, method, payload, options) => { log(method); return prev(method, payload, options); });
 */
export type Transformer = <M extends ZaloMethod>(prev: ApiCallFn, method: M, payload: Payload<M>, options: CallOptions) => Promise<Result<M>>;

// ===  Client  ===

/**
 * The transport: the part of `fetch` the client uses (a string URL, a plain-object init, status and text back),
 * plus `timeoutMs`, which the transport applies as it can (the default one: an abort after that long).
 */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | FormData; signal?: AbortSignal; timeoutMs: number },
) => Promise<{ status: number; text(): Promise<string> }>;

/** The global fetch, aborted after `timeoutMs`. */
const globalFetch: FetchLike = (url, { timeoutMs, signal, ...init }) =>
  fetch(url, { ...init, signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs) });

export interface ApiClientOptions {
  /** Default https://openapi.zalo.me. */
  apiRoot?: string;
  /** Default https://business.openapi.zalo.me (ZNS). */
  businessRoot?: string;
  /** Default https://oauth.zaloapp.com. */
  oauthRoot?: string;
  /** How long one HTTP request may take; default 10 s. */
  timeoutMs?: number;
  /** A fetch to use instead of the global one (a leaner transport, tests, proxies). */
  fetch?: FetchLike;
}

/**
 * @example
 * const client = new ApiClient({ apiRoot: "https://openapi.zalo.me" });
 * client.use(retry({ attempts: 4 }));
 * await client.raw.sendConsultation({ recipient: { user_id }, message: { text: "Xin chào" } });
 */
export class ApiClient {
  #transformers: Transformer[] = [];
  /** The transformers around `call`, made once per change of the list (not per call). */
  #chained?: ApiCallFn;
  readonly #options: Required<Omit<ApiClientOptions, "fetch">> & { fetch?: FetchLike };

  constructor(options: ApiClientOptions = {}) {
    this.#options = {
      apiRoot: (options.apiRoot ?? "https://openapi.zalo.me").replace(/\/+$/, ""),
      businessRoot: (options.businessRoot ?? "https://business.openapi.zalo.me").replace(/\/+$/, ""),
      oauthRoot: (options.oauthRoot ?? "https://oauth.zaloapp.com").replace(/\/+$/, ""),
      timeoutMs: options.timeoutMs ?? 10_000,
      fetch: options.fetch,
    };
  }

  /** Installs transformers; the first installed is the outermost. */
  use(...transformers: Transformer[]): this {
    this.#transformers.push(...transformers);
    this.#chained = undefined;
    return this;
  }

  installedTransformers(): Transformer[] {
    return [...this.#transformers];
  }

  /** One typed function per method, each going through the transformers and `call`. */
  readonly raw = Object.fromEntries(
    Object.keys(METHODS).map((method) => [method, (payload: unknown, options: CallOptions = {}) => this.#chain()(method as ZaloMethod, payload as never, options)]),
  ) as { [M in ZaloMethod]: (payload: Payload<M>, options?: CallOptions) => Promise<Result<M>> };

  #chain(): ApiCallFn {
    if (this.#chained) return this.#chained;
    const base: ApiCallFn = (method, payload, options) => this.#call(method, payload, options);
    this.#chained = this.#transformers.reduceRight<ApiCallFn>((prev, transformer) => (method, payload, options) => transformer(prev, method, payload, options), base);
    return this.#chained;
  }

  async #call<M extends ZaloMethod>(method: M, payload: Payload<M>, options: CallOptions): Promise<Result<M>> {
    const spec: MethodSpec = METHODS[method];
    const root = spec.host === "oauth" ? this.#options.oauthRoot : spec.host === "business" ? this.#options.businessRoot : this.#options.apiRoot;
    const { url, init } = encode(spec, `${root}${spec.path}`, payload as Record<string, unknown>, options);
    let status: number;
    let body: unknown;
    try {
      const response = await (this.#options.fetch ?? globalFetch)(url, { ...init, signal: options.signal, timeoutMs: this.#options.timeoutMs });
      status = response.status;
      const text = await response.text();
      body = text ? JSON.parse(text) : undefined;
    } catch (error) {
      throw new HttpError(method, undefined, error);
    }
    if (status >= 500 || status === 429) throw new HttpError(method, status, new Error(`HTTP ${status}`));
    const answer = body as Record<string, unknown> | undefined;
    if (typeof answer?.error === "number" && answer.error !== 0) {
      throw new ZaloApiError(method, payload, answer.error, String(answer.message ?? answer.error_description ?? answer.error_name ?? ""));
    }
    if (spec.host === "oauth") {
      if (typeof answer?.access_token !== "string") throw new ZaloApiError(method, payload, -1, "no access_token in the answer");
      return answer as Result<M>;
    }
    if (answer?.error !== 0) throw new HttpError(method, status, new Error("the answer is not a Zalo JSON object"));
    return (answer.data ?? {}) as Result<M>;
  }
}

/** The URL and request init for a payload, by the method's encoding. */
function encode(spec: MethodSpec, url: string, payload: Record<string, unknown>, options: CallOptions): { url: string; init: Omit<Parameters<FetchLike>[1], "timeoutMs"> } {
  const headers: Record<string, string> = options.accessToken ? { access_token: options.accessToken } : {};
  switch (spec.encoding) {
    case "json":
      return { url, init: { method: spec.http, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(payload) } };
    case "query":
      return { url: `${url}?${new URLSearchParams({ data: JSON.stringify(payload) })}`, init: { method: spec.http, headers } };
    case "multipart": {
      const { file, filename, contentType } = payload as unknown as UploadPayload;
      const form = new FormData();
      form.append("file", file instanceof Blob ? file : new Blob([file as Uint8Array<ArrayBuffer>], contentType ? { type: contentType } : {}), filename);
      return { url, init: { method: spec.http, headers, body: form } };
    }
    case "form": {
      // OAuth takes the app secret as a header, never in the body.
      const { secret_key, ...fields } = payload as Record<string, string>;
      return {
        url,
        init: { method: spec.http, headers: { "content-type": "application/x-www-form-urlencoded", secret_key }, body: new URLSearchParams(fields).toString() },
      };
    }
  }
}
