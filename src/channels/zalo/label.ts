import type { ChannelLabel } from "../../core/channel.js";

/** How the consoles show the Zalo channel (registered by the composition root, whether the channel is on or off). */
export const ZALO_LABEL: ChannelLabel = { name: "zalo", label: "Zalo", color: "#0068ff" };
