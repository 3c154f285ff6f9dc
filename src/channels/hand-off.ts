/** How long a webhook waits for its events to be queued before it answers 200 anyway (Zalo wants < 2 s). */
export const HAND_OFF_MS = 1000;

/**
 * Waits until `handOff` (queueing the events: a dedupe check and a place in the person's line) is done, or
 * `ms` pass. Answering after the hand-off means a message whose 200 was sent is already in line — and two
 * deliveries of one person's messages to two instances keep the order the platform sent them in.
 */
export async function within(handOff: Promise<unknown>, ms = HAND_OFF_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([handOff, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
