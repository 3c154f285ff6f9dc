/**
 * Where a heritage site or a festival takes place, for "what is near me" (a shared location). Only items with a
 * known place carry it; `source` says where the coordinates come from, `approximate` that they locate the site
 * to within about a kilometre (enough for "nearest", not for walking directions).
 *
 * @example
 * location: { lat: 21.0383, lng: 106.0797, source: "…", approximate: true }
 */
import { z } from "zod";
import { optional, sourceSchema } from "./common.js";

/** Vietnam's mainland and islands lie within these bounds: a point outside is a typo (lat and lng swapped). */
const VIETNAM = { lat: [8, 24], lng: [102, 118] } as const;

export const geoPointSchema = z.strictObject({
  lat: z.number({ error: "Expected a number" }).min(VIETNAM.lat[0], "Latitude outside Vietnam").max(VIETNAM.lat[1], "Latitude outside Vietnam"),
  lng: z.number({ error: "Expected a number" }).min(VIETNAM.lng[0], "Longitude outside Vietnam").max(VIETNAM.lng[1], "Longitude outside Vietnam"),
  source: sourceSchema,
  approximate: optional(z.boolean()),
});

/** A validated point. */
export type GeoPoint = z.infer<typeof geoPointSchema>;
