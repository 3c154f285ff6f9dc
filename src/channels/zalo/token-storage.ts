import type { Store } from "../../store/store.js";
import type { TokenState, TokenStorage } from "./sdk/index.js";

/** Keeps the OA's token pair in the store (`tokens` collection, durable writes). */
export function storeTokenStorage(store: Store, key = "zalo"): TokenStorage {
  const tokens = store.collection<TokenState>("tokens");
  return {
    load: () => tokens.get(key),
    save: (state) => tokens.set(key, state, { durable: true }),
  };
}
