import axios, { type AxiosInstance } from "axios";
import { LEAN_AXIOS } from "../lean-axios.js";
import { ZaloError, ZaloHttpError } from "./errors.js";
import type { ZaloApiResponse } from "./types.js";

/**
 * The one raw call to the Zalo Open API, after grammY's src/core/client.ts: every request goes through
 * `call`, and retry / token handling are transformers wrapped around it from outside (`client.use(...)`).
 */

// ===  Types  ===

export interface ZaloRequest {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  query?: Record<string, string>;
  /** Filled in by the token transformer. */
  accessToken?: string;
}

export type ZaloCall = (request: ZaloRequest) => Promise<ZaloApiResponse>;

/** Wraps the call: gets the request and the next call in the chain. */
export type ZaloTransformer = (next: ZaloCall, request: ZaloRequest) => Promise<ZaloApiResponse>;

export interface ZaloClientOptions {
  /** Default https://openapi.zalo.me (ZALO_API_BASE). */
  baseUrl: string;
  timeoutMs?: number;
  http?: AxiosInstance;
}

// ===  Client  ===

/**
 * @example
 * const client = new ZaloClient({ baseUrl: "https://openapi.zalo.me" });
 * client.use(retryTransformer(...), tokenTransformer(tokens));
 * await client.call({ method: "POST", path: "/v3.0/oa/message/cs", body });
 */
export class ZaloClient {
  #http: AxiosInstance;
  #transformers: ZaloTransformer[] = [];

  constructor(options: ZaloClientOptions) {
    this.#http = options.http ?? axios.create({ baseURL: options.baseUrl, timeout: options.timeoutMs ?? 10_000, ...LEAN_AXIOS });
  }

  /** Installs transformers; the first installed is the outermost. */
  use(...transformers: ZaloTransformer[]): this {
    this.#transformers.push(...transformers);
    return this;
  }

  call(request: ZaloRequest): Promise<ZaloApiResponse> {
    const chain = this.#transformers.reduceRight<ZaloCall>((next, transformer) => (req) => transformer(next, req), (req) => this.#raw(req));
    return chain(request);
  }

  async #raw(request: ZaloRequest): Promise<ZaloApiResponse> {
    let status: number | undefined;
    let data: ZaloApiResponse;
    try {
      const response = await this.#http.request<ZaloApiResponse>({
        method: request.method,
        url: request.path,
        params: request.query,
        data: request.body,
        headers: request.accessToken ? { access_token: request.accessToken } : undefined,
        validateStatus: () => true,
      });
      status = response.status;
      data = response.data;
    } catch (error) {
      throw new ZaloHttpError(request.path, undefined, error);
    }
    if (status >= 500 || status === 429) throw new ZaloHttpError(request.path, status, new Error(`HTTP ${status}`));
    if (!data || typeof data !== "object" || typeof data.error !== "number") {
      throw new ZaloHttpError(request.path, status, new Error("answer is not a Zalo JSON object"));
    }
    if (data.error !== 0) throw new ZaloError(data.error, data.message ?? "", request.path);
    return data;
  }
}
