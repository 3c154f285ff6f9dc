import type { BaseChatModel } from "@langchain/core/language_models/chat_models";

/** The LLM settings of the environment (see .env.example). */
export interface ChatModelConfig {
  LLM_PROVIDER: string;
  LLM_BASE_URL?: string;
  LLM_API_KEY?: string;
  LLM_MODEL?: string;
}

/**
 * The chat model the environment configures (LLM_PROVIDER), or undefined: wording by a model is off by default.
 * The model's module (and with it LangChain) is loaded only when one is configured, so a default start-up
 * does not pay for it.
 */
export async function chatModelFromConfig(config: ChatModelConfig): Promise<BaseChatModel | undefined> {
  if (config.LLM_PROVIDER !== "openai-compatible") return undefined;
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) throw new Error("LLM_PROVIDER=openai-compatible needs LLM_BASE_URL and LLM_MODEL");
  const { OpenAICompatibleChatModel } = await import("./openai-compatible-chat-model.js");
  return new OpenAICompatibleChatModel({ baseUrl: config.LLM_BASE_URL, model: config.LLM_MODEL, apiKey: config.LLM_API_KEY });
}
