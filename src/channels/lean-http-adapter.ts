import axios, { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from "axios";
import { request as httpRequest, type Agent as HttpAgent, type IncomingMessage } from "node:http";
import { request as httpsRequest, type Agent as HttpsAgent } from "node:https";

/**
 * An axios adapter (axios's documented extension point) for the calls the platform clients make on every
 * reply: a JSON body, simple string query parameters, a JSON answer. The clients keep axios's interface —
 * instances, defaults, request and response transforms, AxiosError — and only the transport is ours.
 *
 * Why: a CPU profile of the send path showed axios's own http adapter at ~8 % of the bot's time per reply, and
 * it sets TCP keep-alive on the socket at every request (four setsockopt calls, each a costly system call
 * here) although the agent's sockets already have it. This adapter does one `http.request` with the
 * configured agent. Anything else (streams, form data, cancellation, redirects, proxies, compression) goes to
 * axios's own http adapter, unchanged.
 */
export const leanHttpAdapter: AxiosAdapter = (config) => {
  if (!handles(config)) return defaultAdapter(config);
  return new Promise<AxiosResponse>((resolve, reject) => {
    const url = fullUrl(config);
    const https = url.startsWith("https:");
    const body = typeof config.data === "string" ? config.data : undefined;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(AxiosHeaders.from(config.headers).toJSON() as Record<string, unknown>)) {
      if (value !== undefined && value !== null && value !== false) headers[name] = String(value);
    }
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    const agent: HttpAgent | HttpsAgent | undefined = https ? config.httpsAgent : config.httpAgent;
    const send = https ? httpsRequest : httpRequest;
    const req = send(url, { method: (config.method ?? "get").toUpperCase(), headers, agent }, (res: IncomingMessage) => {
      res.setEncoding("utf8");
      let data = "";
      const limit = config.maxContentLength ?? -1;
      res.on("data", (chunk: string) => {
        data += chunk;
        if (limit > -1 && data.length > limit) {
          req.destroy();
          reject(new AxiosError(`maxContentLength size of ${limit} exceeded`, AxiosError.ERR_BAD_RESPONSE, config, req));
        }
      });
      res.on("error", (error) => reject(AxiosError.from(error, (error as NodeJS.ErrnoException).code, config, req)));
      res.on("end", () => {
        const response: AxiosResponse = {
          data,
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? "",
          headers: new AxiosHeaders(res.headers as Record<string, string>),
          config,
          request: req,
        };
        // As axios's settle(): a status the config does not accept rejects with the response attached.
        if (!config.validateStatus || config.validateStatus(response.status)) resolve(response);
        else {
          const code = response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
          reject(new AxiosError(`Request failed with status code ${response.status}`, code, config, req, response));
        }
      });
    });
    if (config.timeout) {
      req.setTimeout(config.timeout, () => {
        const code = config.transitional?.clarifyTimeoutError ? AxiosError.ETIMEDOUT : AxiosError.ECONNABORTED;
        req.destroy();
        reject(new AxiosError(config.timeoutErrorMessage ?? `timeout of ${config.timeout}ms exceeded`, code, config, req));
      });
    }
    req.on("error", (error: NodeJS.ErrnoException) => reject(AxiosError.from(error, error.code, config, req)));
    req.end(body);
  });
};

const defaultAdapter: AxiosAdapter = (config) => axios.getAdapter("http")(config);

/**
 * What this adapter does itself: a string or no body, string query values, no cancellation, no redirects, no
 * proxy, no basic auth, no progress callbacks, a JSON or text answer.
 */
function handles(config: InternalAxiosRequestConfig): boolean {
  if (config.data !== undefined && typeof config.data !== "string") return false;
  if (config.signal || config.cancelToken || config.paramsSerializer || config.auth || config.onUploadProgress || config.onDownloadProgress) return false;
  if (config.maxRedirects !== 0 || config.proxy !== false || config.decompress === false || config.socketPath) return false;
  if (config.responseType && config.responseType !== "json" && config.responseType !== "text") return false;
  const params = config.params as Record<string, unknown> | undefined;
  return !params || Object.values(params).every((v) => typeof v === "string" || typeof v === "number" || v === undefined);
}

/** baseURL + url + query, as axios builds it for simple parameters. */
function fullUrl(config: InternalAxiosRequestConfig): string {
  const path = config.url ?? "";
  const base = config.baseURL && !/^[a-z][a-z\d+\-.]*:\/\//i.test(path) ? `${config.baseURL.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}` : path;
  const params = config.params as Record<string, string | number | undefined> | undefined;
  if (!params) return base;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.append(name, String(value));
  const text = query.toString();
  return text ? `${base}${base.includes("?") ? "&" : "?"}${text}` : base;
}
