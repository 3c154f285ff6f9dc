/**
 * STAFF_ROUTES: which staff Zalo ids get notices for which unit.
 * Format: `unit-id=id1|id2;other-unit=id3` (unit ids are contact ids of the content pack).
 *
 * @example parseStaffRoutes("phong-van-hoa-xa-hoi=111|222;cong-an-phuong=333")
 */
export function parseStaffRoutes(value: string | undefined): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  for (const part of (value ?? "").split(";")) {
    const [unit, ids] = part.split("=");
    if (!unit?.trim() || !ids) continue;
    routes.set(unit.trim(), ids.split("|").map((id) => id.trim()).filter(Boolean));
  }
  return routes;
}

/** The staff ids for a unit: its route when there is one, else everyone in STAFF_ZALO_USER_IDS. */
export function staffFor(unitId: string | undefined, routes: Map<string, string[]>, everyone: string[]): string[] {
  const routed = unitId ? routes.get(unitId) : undefined;
  return routed && routed.length > 0 ? routed : everyone;
}
