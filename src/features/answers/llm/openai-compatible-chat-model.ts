import { SimpleChatModel, type BaseChatModelParams } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import axios, { type AxiosInstance } from "axios";

/** Settings of a chat model served over the OpenAI chat-completions protocol (a local server or a provider). */
export interface OpenAICompatibleOptions extends BaseChatModelParams {
  /** e.g. http://127.0.0.1:8080/v1 — requests go to `${baseUrl}/chat/completions`. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
}

const ROLES: Record<string, string> = { system: "system", human: "user", ai: "assistant" };

/**
 * A LangChain chat model over any OpenAI-compatible endpoint, written on @langchain/core alone so the bot
 * needs no provider SDK. Used only to word plan answers from retrieved passages (src/features/answers/plans/plan-wording.ts).
 *
 * @example const model = new OpenAICompatibleChatModel({ baseUrl: "http://127.0.0.1:8080/v1", model: "qwen2.5-7b" });
 */
export class OpenAICompatibleChatModel extends SimpleChatModel {
  #http: AxiosInstance;

  constructor(private readonly options: OpenAICompatibleOptions) {
    super(options);
    this.#http = axios.create({
      baseURL: options.baseUrl.replace(/\/$/, ""),
      timeout: options.timeoutMs ?? 20_000,
      headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
    });
  }

  _llmType(): string {
    return "openai-compatible";
  }

  async _call(messages: BaseMessage[]): Promise<string> {
    const response = await this.#http.post("/chat/completions", {
      model: this.options.model,
      temperature: 0,
      messages: messages.map((message) => ({ role: ROLES[message._getType()] ?? "user", content: String(message.content) })),
    });
    const text = response.data?.choices?.[0]?.message?.content;
    if (typeof text !== "string") throw new Error("chat model answered without text");
    return text;
  }
}
