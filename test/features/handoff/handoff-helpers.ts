import { messengerText, zaloText } from "../../helpers/test-server.js";

/** The person and account ids of the fixtures. */
export const ZALO_OA = "579745863508352884";
export const ZALO_USER = "2512523625412515000";
export const ZALO_KEY = `zalo:${ZALO_OA}:${ZALO_USER}`;
export const PAGE = "108512345678901";
export const PSID = "7012345678901234";
export const MESSENGER_KEY = `messenger:${PAGE}:${PSID}`;

/** Wednesday 25/11/2026 10:00 in Hà Nội: the office is open. */
export const OPEN_TIME = Date.parse("2026-11-25T03:00:00Z");
export const HOUR = 3_600_000;

/** A Zalo text event written at `at` (epoch ms): the person's messaging window counts from it. */
export function zaloAt(text: string, at: number, userId = ZALO_USER) {
  return { ...zaloText(text, userId), timestamp: String(at) };
}

/** A Zalo button press (the OA's query buttons send "#payload"). */
export function zaloChoice(payload: string, at: number, userId = ZALO_USER) {
  return zaloAt(`#${payload}`, at, userId);
}

/** A Messenger text written at `at`. */
export function messengerAt(text: string, at: number, psid = PSID) {
  const body = messengerText(text, psid);
  body.entry[0].messaging[0].timestamp = at;
  return body;
}

/** A Messenger quick reply with `payload`. */
export function messengerChoice(payload: string, title: string, at: number, psid = PSID) {
  const body = messengerAt(title, at, psid) as any;
  body.entry[0].messaging[0].message.quick_reply = { payload };
  return body;
}

/** Texts the Zalo API was asked to send to one user. */
export const zaloTextsTo = (sent: { body: any }[], userId = ZALO_USER): string[] =>
  sent.filter((s) => s.body.recipient?.user_id === userId).map((s) => String(s.body.message?.text ?? ""));

/** Texts the Send API was asked to send to one PSID. */
export const graphTextsTo = (sent: { body: any }[], psid = PSID): string[] =>
  sent.filter((s) => s.body.recipient?.id === psid && s.body.message).map((s) => String(s.body.message.text ?? ""));
