import type { Services } from "../bot/services.js";
import type { ClassEntry } from "../content/index.js";
import type { Registration } from "../domain/registration.js";
import { REGISTRATIONS } from "./registration-service.js";

/**
 * Seats of a class: how many are taken (registered, not waiting or cancelled) and whether it is full
 * (marked full in the content, or as many registrations as its capacity).
 *
 * @example (await seats(services, "vo-cuong", cls)).full
 */
export async function seats(services: Services, packId: string, cls: ClassEntry): Promise<{ taken: number; waiting: number; full: boolean }> {
  const all = await services.store.collection<Registration>(REGISTRATIONS).find({ packId, classId: cls.id });
  const taken = all.filter((registration) => registration.status === "registered").length;
  const waiting = all.filter((registration) => registration.status === "waiting").length;
  const full = cls.status === "full" || (cls.capacity !== undefined && taken >= cls.capacity);
  return { taken, waiting, full };
}
