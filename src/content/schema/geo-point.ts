/**
 * Where a heritage site or a festival takes place, for "what is near me" (a shared location). Only items with a
 * known place carry it, and only with a `source` a person can check: where the coordinates were read (an official
 * map, the relic's record, a survey by staff on site). Coordinates are never estimated: a guessed point is refused
 * (its source says "ước tính", "estimated", "cần đối chiếu"…). `approximate: true` when the source itself places the
 * site to within about a kilometre (enough for "nearest", not for walking directions); the bot then says so.
 *
 * @example
 * location: { lat: 21.0383, lng: 106.0797, source: "<where the point was read: map sheet, relic record, survey>" }
 */
import { z } from "zod";
import { optional, sourceSchema } from "./common.js";

/** Vietnam's mainland and islands lie within these bounds: a point outside is a typo (lat and lng swapped). */
const VIETNAM = { lat: [8, 24], lng: [102, 118] } as const;

/** Words that say a point was guessed, not read from a source. */
const ESTIMATED = /ước (tính|lượng|đoán)|phỏng đoán|tự (ước|đoán)|cần (đối chiếu|kiểm tra|xác minh)|chưa (đối chiếu|kiểm tra|xác minh)|\bestimat|\bguess|to be (checked|verified)|\bunverified\b/i;

/** Where coordinates come from: a readable source (as every fact) that does not describe a guess. */
const locationSourceSchema = sourceSchema.refine((value) => !ESTIMATED.test(value), {
  message: "Coordinates must come from a source a person can check (a map, the relic's record, a survey on site), not an estimate: leave `location` out until they do",
});

export const geoPointSchema = z.strictObject({
  lat: z.number({ error: "Expected a number" }).min(VIETNAM.lat[0], "Latitude outside Vietnam").max(VIETNAM.lat[1], "Latitude outside Vietnam"),
  lng: z.number({ error: "Expected a number" }).min(VIETNAM.lng[0], "Longitude outside Vietnam").max(VIETNAM.lng[1], "Longitude outside Vietnam"),
  source: locationSourceSchema,
  approximate: optional(z.boolean()),
});

/** A validated point. */
export type GeoPoint = z.infer<typeof geoPointSchema>;
