import type { ChannelLabel } from "../../core/channel.js";

/** How the consoles show the Messenger channel (registered by the composition root, whether the channel is on or off). */
export const MESSENGER_LABEL: ChannelLabel = { name: "messenger", label: "Messenger", color: "#a033ff" };
