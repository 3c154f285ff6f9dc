/**
 * Drives whole conversations through signed webhooks and reads back what the (nock'ed) platform APIs received:
 * a person on Zalo or Messenger says things, taps choices, shares a location or a photo.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { Knowledge } from "../../src/shared/knowledge.js";
import { loadContent } from "../../src/content/index.js";
import { fixture, recordGraphSends, recordZaloSends, type TestServer } from "./test-server.js";

export const ZALO_USER = "2512523625412515000";
export const MESSENGER_USER = "7012345678901234";
const PAGE_ID = "108512345678901";

/** Everything one person was sent, as plain text with the choices' titles and payloads. */
export interface Sent {
  text: string;
  choices: { title: string; payload: string }[];
}

// One recorder per server: nock hands each request to the first matching interceptor, so people share it.
const zaloRecorders = new WeakMap<TestServer, ReturnType<typeof recordZaloSends>>();
const graphRecorders = new WeakMap<TestServer, ReturnType<typeof recordGraphSends>>();

function zaloRecorder(server: TestServer): ReturnType<typeof recordZaloSends> {
  let sent = zaloRecorders.get(server);
  if (!sent) zaloRecorders.set(server, (sent = recordZaloSends(5000)));
  return sent;
}

function graphRecorder(server: TestServer): ReturnType<typeof recordGraphSends> {
  let sent = graphRecorders.get(server);
  if (!sent) graphRecorders.set(server, (sent = recordGraphSends(5000)));
  return sent;
}

/** A person on Zalo: each call posts one signed event and waits until it is handled. */
export class ZaloPerson {
  #raw: ReturnType<typeof recordZaloSends>;

  constructor(
    private readonly server: TestServer,
    readonly userId = ZALO_USER,
  ) {
    this.#raw = zaloRecorder(server);
  }

  /** Everything sent to this person since the start (or since `mark`). */
  get received(): Sent[] {
    return this.#raw
      .filter((s) => s.body.recipient?.user_id === this.userId && s.body.message)
      .map((s) => ({
        text: String(s.body.message?.text ?? ""),
        choices: (s.body.message?.attachment?.payload?.buttons ?? []).map((b: { title: string; payload: string }) => ({ title: b.title, payload: String(b.payload).replace(/^#/, "") })),
      }));
  }

  /** The raw Zalo send bodies to this person (templates such as request_user_info). */
  get bodies(): any[] {
    return this.#raw.filter((s) => s.body.recipient?.user_id === this.userId && s.body.message).map((s) => s.body);
  }

  /** All text sent after message number `from` (see `count`), joined. */
  textSince(from: number): string {
    return this.received
      .slice(from)
      .map((s) => s.text)
      .join("\n");
  }

  get count(): number {
    return this.received.length;
  }

  async say(text: string): Promise<string> {
    return this.#post({ event_name: "user_send_text", message: { msg_id: randomUUID(), text } });
  }

  /** Taps a button: Zalo sends its payload back as the text "#payload". */
  async tap(payload: string): Promise<string> {
    return this.say(`#${payload}`);
  }

  async location(latitude: number, longitude: number): Promise<string> {
    return this.#post({
      event_name: "user_send_location",
      message: { msg_id: randomUUID(), text: "", attachments: [{ type: "location", payload: { coordinates: { latitude: String(latitude), longitude: String(longitude) } } }] },
    });
  }

  async image(url: string, text = ""): Promise<string> {
    return this.#post({ event_name: "user_send_image", message: { msg_id: randomUUID(), text, attachments: [{ type: "image", payload: { thumbnail: url, url } }] } });
  }

  async #post(event: Record<string, unknown>): Promise<string> {
    const before = this.count;
    const base = fixture<any>("zalo/user_send_text.json");
    // The server's clock (tests pin or move it): the webhook refuses events outside its replay window.
    const body = { ...base, ...event, timestamp: String(this.server.services.now()), sender: { id: this.userId } };
    const response = await this.server.postZalo(body);
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    await this.server.settle();
    return this.textSince(before);
  }
}

/** A person on Messenger. */
export class MessengerPerson {
  #raw: ReturnType<typeof recordGraphSends>;

  constructor(
    private readonly server: TestServer,
    readonly psid = MESSENGER_USER,
  ) {
    this.#raw = graphRecorder(server);
  }

  get received(): Sent[] {
    return this.#raw
      .filter((s) => s.body.recipient?.id === this.psid && s.body.message)
      .map((s) => ({
        text: String(s.body.message?.text ?? ""),
        choices: (s.body.message?.quick_replies ?? []).map((q: { title: string; payload: string }) => ({ title: q.title, payload: q.payload })),
      }));
  }

  /** The raw Send API bodies to this person (tags, messaging_type). */
  get bodies(): any[] {
    return this.#raw.filter((s) => s.body.recipient?.id === this.psid && s.body.message).map((s) => s.body);
  }

  get count(): number {
    return this.received.length;
  }

  textSince(from: number): string {
    return this.received
      .slice(from)
      .map((s) => s.text)
      .join("\n");
  }

  async say(text: string): Promise<string> {
    return this.#post({ mid: `m_${randomUUID()}`, text });
  }

  /** Taps a quick reply. */
  async tap(payload: string, title = payload): Promise<string> {
    return this.#post({ mid: `m_${randomUUID()}`, text: title, quick_reply: { payload } });
  }

  async location(lat: number, long: number): Promise<string> {
    return this.#post({ mid: `m_${randomUUID()}`, attachments: [{ type: "location", title: "Vị trí", payload: { coordinates: { lat, long } } }] });
  }

  async image(url: string): Promise<string> {
    return this.#post({ mid: `m_${randomUUID()}`, attachments: [{ type: "image", payload: { url } }] });
  }

  async #post(message: Record<string, unknown>): Promise<string> {
    const before = this.count;
    const body = { object: "page", entry: [{ id: PAGE_ID, time: Date.now(), messaging: [{ sender: { id: this.psid }, recipient: { id: PAGE_ID }, timestamp: Date.now(), message }] }] };
    const response = await this.server.postMessenger(body);
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    await this.server.settle();
    return this.textSince(before);
  }
}

/** Every choice offered since message number `from` (Zalo sends more than 5 buttons in several messages). */
export function choicesSince(person: { received: Sent[] }, from: number): { title: string; payload: string }[] {
  return person.received.slice(from).flatMap((s) => s.choices);
}

/** The last choices offered to a person. */
export function lastChoices(person: { received: Sent[] }): { title: string; payload: string }[] {
  return [...person.received].reverse().find((s) => s.choices.length > 0)?.choices ?? [];
}

/** A fresh temp directory. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** An open Quan họ class of 30 seats whose first session is tomorrow (BOT_TODAY is 2026-11-25 in tests). */
export const QUAN_HO_CLASS = {
  id: "lop-quan-ho-vo-cuong",
  title: { vi: "Lớp truyền dạy dân ca Quan họ phường Võ Cường", en: "Quan ho folk song class, Vo Cuong Ward" },
  kind: "quan_ho",
  capacity: 30,
  firstSession: "2026-11-26",
  schedule: { vi: "Tối thứ Năm hằng tuần, 19:30" },
  place: { vi: "Nhà văn hóa khu Xuân Ổ" },
  status: "open",
  source: "Nguồn thử",
};

/**
 * The real content with vo-cuong's classes replaced (e.g. a first session tomorrow, a class of one seat),
 * loaded as a Knowledge for startTestServer.
 */
export function knowledgeWithClasses(classes: Record<string, unknown>[]): Knowledge {
  const dir = tempDir("content-classes-");
  fs.cpSync("content", dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "vo-cuong", "classes.yaml"), YAML.stringify(classes), "utf8");
  return new Knowledge(loadContent(dir), "vo-cuong");
}

/**
 * Files an anonymous report in one go (descriptive first message, place, nothing else) and returns the code
 * the person was told.
 */
export async function quickReport(person: ZaloPerson | MessengerPerson, description = "Có người vẽ bậy lên tường đình Đông Xá", place = "đình Đông Xá"): Promise<string> {
  await person.say(description);
  await person.say(place);
  await person.tap("dialog:skip");
  const asked = await person.tap("dialog:skip");
  // An open report of the same matter nearby is offered first ("Theo dõi phản ánh đó?"): this helper files anyway.
  if (/phản ánh tương tự|similar report/.test(asked)) await person.tap("report:similar:new");
  await person.tap("report:anonymous");
  const done = await person.tap("report:submit");
  const code = /PA-\d{4}-\d{4,}/.exec(done)?.[0];
  if (!code) throw new Error(`no code in: ${done}`);
  return code;
}
