import { withRetry } from "../../../core/retry.js";
import { leanFetch, type FetchLike } from "../../lean-fetch.js";
import { GraphApiError, GraphHttpError, isTransientGraphError } from "./errors.js";
import type { MessengerOutboundMessage, MessengerSendBody, SendKind, UtilityTemplate } from "./send-types.js";

/**
 * A small Graph API client for the Messenger Platform, the shape of the Zalo SDK's: every method is a line over the
 * private `call(path, payload)`, and transformers installed with `use(...)` wrap the call (retry, logging).
 */

/** One message of a conversation as the Conversations API lists it (`created_time` like "2026-11-25T03:00:00+0000"). */
export interface ConversationMessage {
  id?: string;
  message?: string;
  from?: { id?: string };
  created_time?: string;
}

export type GraphCall = (path: string, payload: unknown, http: "GET" | "POST" | "DELETE") => Promise<unknown>;
/** Wraps the call: gets the next call in the chain and this call's path, payload and verb. */
export type GraphTransformer = (prev: GraphCall, path: string, payload: unknown, http: "GET" | "POST" | "DELETE") => Promise<unknown>;

export interface GraphClientOptions {
  /** FB_GRAPH_BASE, default https://graph.facebook.com. */
  baseUrl: string;
  /** FB_GRAPH_VERSION, e.g. v21.0. */
  version: string;
  pageAccessToken: string;
  timeoutMs?: number;
  /** Default leanFetch (tests pass a stub). */
  fetch?: FetchLike;
}

/**
 * @example
 * const graph = new GraphClient({ baseUrl, version: "v21.0", pageAccessToken }).use(graphRetry({ attempts: 4, baseMs: 300 }));
 * await graph.sendMessage(psid, { text: "Xin chào" });
 */
export class GraphClient {
  #transformers: GraphTransformer[] = [];
  /** The transformers around `call`, made once per change of the list (not per call). */
  #chained?: GraphCall;

  constructor(private readonly options: GraphClientOptions) {}

  /** Installs transformers; the first installed is the outermost. */
  use(...transformers: GraphTransformer[]): this {
    this.#transformers.push(...transformers);
    this.#chained = undefined;
    return this;
  }

  // ===  Send API  ===

  /** A message to a person: a RESPONSE by default, an UPDATE, or tagged (outside the 24-hour window). */
  sendMessage(psid: string, message: MessengerOutboundMessage, kind: SendKind = { type: "RESPONSE" }): Promise<{ message_id?: string }> {
    const envelope = kind.type === "MESSAGE_TAG" ? { messaging_type: kind.type, tag: kind.tag } : { messaging_type: kind.type };
    return this.send({ recipient: { id: psid }, ...envelope, message });
  }

  /** A utility message from an approved template: allowed outside the 24-hour window. */
  sendUtilityMessage(psid: string, template: UtilityTemplate): Promise<{ message_id?: string }> {
    const body = (template.body ?? []).map((value) => (typeof value === "string" ? { type: "text", text: value } : { type: "text", text: value.text, parameter_name: value.name }));
    const buttons = (template.postbacks ?? []).map((payload) => ({ type: "POSTBACK", payload }));
    const components = [...(body.length ? [{ type: "body", parameters: body }] : []), ...(buttons.length ? [{ type: "buttons", parameters: buttons }] : [])];
    return this.send({ recipient: { id: psid }, messaging_type: "UTILITY", message: { template: { name: template.name, language: { code: template.language }, components } } });
  }

  /** "typing…", or marking the person's message seen. */
  async sendAction(psid: string, action: "typing_on" | "typing_off" | "mark_seen"): Promise<void> {
    await this.send({ recipient: { id: psid }, sender_action: action });
  }

  /** Any Send API body. */
  send(body: MessengerSendBody): Promise<{ message_id?: string }> {
    return this.#chain()("/me/messages", body, "POST") as Promise<{ message_id?: string }>;
  }

  // ===  Messenger Profile API  ===

  /** Sets the Get Started button, greeting, persistent menu, ice breakers. */
  setMessengerProfile(profile: object): Promise<unknown> {
    return this.#chain()("/me/messenger_profile", profile, "POST");
  }

  // ===  User Profile API  ===

  /**
   * The person's locale ("vi_VN", "en_US"), or undefined when Graph does not give it (the `locale` field needs
   * the app's advanced access to the User Profile API).
   */
  async getLocale(psid: string): Promise<string | undefined> {
    const profile = (await this.#chain()(`/${encodeURIComponent(psid)}`, { fields: "locale" }, "GET")) as { locale?: unknown } | undefined;
    return typeof profile?.locale === "string" ? profile.locale : undefined;
  }

  // ===  Conversations API  ===

  /**
   * The last `limit` messages (newest first) of the page's conversation with a person: text, sender, time. Needs the
   * page token of someone with the MESSAGING task and the app's access to the Conversations API; Graph refuses
   * otherwise (GraphApiError).
   */
  async getConversationMessages(psid: string, limit = 25): Promise<ConversationMessage[]> {
    const answer = (await this.#chain()("/me/conversations", { platform: "messenger", user_id: psid, fields: `messages.limit(${limit}){message,from,created_time}` }, "GET")) as
      | { data?: { messages?: { data?: ConversationMessage[] } }[] }
      | undefined;
    const messages = answer?.data?.[0]?.messages?.data;
    return Array.isArray(messages) ? messages : [];
  }

  // ===  The call  ===

  #chain(): GraphCall {
    if (this.#chained) return this.#chained;
    const base: GraphCall = (path, payload, http) => this.#call(path, payload, http);
    this.#chained = this.#transformers.reduceRight<GraphCall>((prev, transformer) => (path, payload, http) => transformer(prev, path, payload, http), base);
    return this.#chained;
  }

  async #call(path: string, payload: unknown, http: "GET" | "POST" | "DELETE"): Promise<unknown> {
    // A GET carries its payload as query fields (User Profile API); the others as a JSON body.
    const query = new URLSearchParams({ ...(http === "GET" ? (payload as Record<string, string>) : {}), access_token: this.options.pageAccessToken });
    const url = `${this.options.baseUrl.replace(/\/+$/, "")}/${this.options.version}${path}?${query}`;
    let status: number;
    let data: { error?: { code?: number; error_subcode?: number; message?: string } } | undefined;
    try {
      const response = await (this.options.fetch ?? leanFetch)(url, {
        method: http,
        headers: http === "GET" ? {} : { "content-type": "application/json" },
        ...(http === "GET" ? {} : { body: JSON.stringify(payload) }),
        timeoutMs: this.options.timeoutMs ?? 10_000,
      });
      status = response.status;
      const text = await response.text();
      data = text ? JSON.parse(text) : undefined;
    } catch (error) {
      throw new GraphHttpError(path, undefined, error);
    }
    if (status < 400 && !data?.error) return data;
    const error = data?.error;
    if (!error && status >= 500) throw new GraphHttpError(path, status, new Error(`HTTP ${status}`));
    throw new GraphApiError(path, payload, status, error?.code ?? 0, error?.error_subcode, error?.message ?? `HTTP ${status}`);
  }
}

/**
 * Bounded retries with backoff for rate limits, 5xx and no answer; never for a refusal such as the closed window.
 *
 * @example graph.use(graphRetry({ attempts: 4, baseMs: 300 }));
 */
export function graphRetry(options: { attempts: number; baseMs: number; onRetry?: (error: unknown, attempt: number) => void }): GraphTransformer {
  return (prev, path, payload, http) =>
    withRetry(() => prev(path, payload, http), { attempts: options.attempts, baseMs: options.baseMs, retryable: isTransientGraphError, onRetry: options.onRetry });
}
