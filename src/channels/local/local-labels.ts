import type { ChannelLabel } from "../../core/channel.js";

/** How the consoles show the local channels: the web chat and the terminal chat. */
export const LOCAL_LABELS: readonly ChannelLabel[] = [
  { name: "web", label: "Web", color: "#1d8a4f" },
  { name: "cli", label: "Dòng lệnh", color: "#8a8f98" },
];
