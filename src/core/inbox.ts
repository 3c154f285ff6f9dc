import type { InboundMessage } from "./message.js";

/** Where channels hand their neutral messages: the pipeline (or, scaled out, a queue in front of it). */
export interface Inbox {
  receive(message: InboundMessage): Promise<"queued" | "duplicate">;
}
