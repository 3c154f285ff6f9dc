import type { Store } from "../../store/store.js";
import type { ZaloTokenState, ZaloTokenStorage } from "./token-manager.js";

/** Keeps the OA's token pair in the store (`tokens` collection, durable writes). */
export function storeTokenStorage(store: Store, key = "zalo"): ZaloTokenStorage {
  const tokens = store.collection<ZaloTokenState>("tokens");
  return {
    load: () => tokens.get(key),
    save: (state) => tokens.set(key, state, { durable: true }),
  };
}
