/**
 * A grammY-like SDK for the Zalo Official Account API: Bot, Composer, Context, filter queries that narrow types,
 * the typed Api with transformers, token refresh, and the signed webhook. It imports nothing of the app around
 * it. See README.md.
 */
export * from "./api.js";
export * from "./bot.js";
export * from "./client.js";
export * from "./composer.js";
export * from "./context.js";
export * from "./errors.js";
export * from "./events.js";
export * from "./filter.js";
export * from "./messages.js";
export * from "./signature.js";
export * from "./token.js";
export * from "./transformers.js";
export * from "./webhook.js";
