/**
 * pack.yaml: who the pack is for, which pack it extends, and which contact answers for the bot.
 *
 * @example
 * id: vo-cuong
 * extends: bac-ninh
 * names: { vi: "Phường Võ Cường", en: "Vo Cuong Ward" }
 * province: { vi: "Tỉnh Bắc Ninh", en: "Bac Ninh Province" }
 * office: phong-van-hoa-xa-hoi
 */
import { z } from "zod";
import { idSchema, optional, textSchema } from "./common.js";

/** The pack header. */
export const packMetaSchema = z.strictObject({
  id: idSchema,
  extends: optional(idSchema),
  names: textSchema,
  province: textSchema,
  office: idSchema,
  note: optional(textSchema),
});

/** A validated pack header. */
export type PackMeta = z.infer<typeof packMetaSchema>;
