import axios, { type AxiosInstance } from "axios";
import { LEAN_AXIOS } from "../lean-axios.js";
import { withRetry } from "../../core/retry.js";
import { GraphError, GraphHttpError, isTransientGraphError } from "./errors.js";

export interface GraphClientOptions {
  /** FB_GRAPH_BASE, default https://graph.facebook.com. */
  baseUrl: string;
  /** FB_GRAPH_VERSION, default v21.0. */
  version: string;
  pageAccessToken: string;
  retry: { attempts: number; baseMs: number };
  timeoutMs?: number;
  onRetry?: (error: unknown, attempt: number) => void;
  http?: AxiosInstance;
}

/**
 * The Graph API client: one `call(path, body)` with bounded backoff for rate limits and 5xx.
 *
 * @example await graph.call("/me/messages", { recipient: { id }, message: { text: "Xin chào" } });
 */
export class GraphClient {
  #http: AxiosInstance;

  constructor(private readonly options: GraphClientOptions) {
    this.#http = options.http ?? axios.create({ baseURL: `${options.baseUrl.replace(/\/$/, "")}/${options.version}`, timeout: options.timeoutMs ?? 10_000, ...LEAN_AXIOS });
  }

  call<T = unknown>(path: string, body: unknown, method: "POST" | "DELETE" = "POST"): Promise<T> {
    return withRetry(() => this.#raw<T>(path, body, method), {
      attempts: this.options.retry.attempts,
      baseMs: this.options.retry.baseMs,
      retryable: isTransientGraphError,
      onRetry: this.options.onRetry,
    });
  }

  async #raw<T>(path: string, body: unknown, method: "POST" | "DELETE"): Promise<T> {
    let response;
    try {
      response = await this.#http.request({
        method,
        url: path,
        params: { access_token: this.options.pageAccessToken },
        data: body,
        validateStatus: () => true,
      });
    } catch (error) {
      throw new GraphHttpError(undefined, error);
    }
    const data = response.data as { error?: { code?: number; error_subcode?: number; message?: string } };
    if (response.status >= 400 || data?.error) {
      const error = data?.error;
      if (!error && response.status >= 500) throw new GraphHttpError(response.status, new Error(`HTTP ${response.status}`));
      throw new GraphError(response.status, error?.code ?? 0, error?.error_subcode, error?.message ?? `HTTP ${response.status}`);
    }
    return response.data as T;
  }
}
