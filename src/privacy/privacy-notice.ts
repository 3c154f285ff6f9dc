import type { ContentPack } from "../content/index.js";
import { fillPrivacyText, loadPrivacyTexts, type PrivacyTexts } from "./privacy-content.js";

declare module "../core/conversation.js" {
  interface ConversationState {
    /** When the person was shown the privacy notice (src/privacy): it is shown once. */
    privacyNoticeAt?: number;
  }
}

/**
 * The notice people get before the bot first asks for their name or phone (Nghị định 13/2023/NĐ-CP: the person is
 * told the purpose and the keeping time before their data is collected), and the privacy page's address. Shown once
 * per person: the conversation's `privacyNoticeAt` state remembers it.
 */

/** What to write for the policy's text in the chat: the notice says it where the page's link would be. */
export const POLICY_COMMAND = {
  vi: "nhắn “chính sách dữ liệu” để mình gửi toàn văn",
  en: "write “privacy policy” and I will send it in full",
} as const;

/** The pack facts a notice needs (kept narrow: no content pack type here). */
export interface PrivacyPack {
  id: string;
  /** The pack, then what it extends. */
  lineage: readonly string[];
  /** The office that controls the data, in the person's language. */
  office: { vi: string; en: string };
}

/** The narrow view of a content pack the privacy texts need. */
export function privacyPack(pack: ContentPack): PrivacyPack {
  const names = pack.office.names;
  return { id: pack.id, lineage: pack.lineage, office: { vi: names.vi, en: names.en ?? names.vi } };
}

/** Loads and caches each pack's privacy texts; builds the notice and the page link. */
export class PrivacyNotices {
  readonly #texts = new Map<string, PrivacyTexts>();

  constructor(
    private readonly options: {
      contentDir: string;
      /**
       * PUBLIC_URL: a link sent on Zalo or Messenger must be absolute. Without it the notice sends no link and tells
       * the person to write "chính sách dữ liệu" instead: the bot then sends the policy's text in the chat.
       */
      publicUrl?: string;
      /** TRANSCRIPT_RETENTION_DAYS. */
      retentionDays: number;
    },
  ) {}

  /** The pack's texts (validated; a broken file throws a ContentError). */
  texts(pack: Pick<PrivacyPack, "id" | "lineage">): PrivacyTexts {
    let texts = this.#texts.get(pack.id);
    if (!texts) this.#texts.set(pack.id, (texts = loadPrivacyTexts(this.options.contentDir, pack.lineage)));
    return texts;
  }

  /** The path of the pack's privacy page on this server. */
  pagePath(packId: string): string {
    return `/privacy/${encodeURIComponent(packId)}`;
  }

  /** The page's absolute address, for a chat; undefined without PUBLIC_URL (a relative link means nothing on Zalo). */
  pageUrl(packId: string): string | undefined {
    return this.options.publicUrl ? `${this.options.publicUrl.replace(/\/+$/, "")}${this.pagePath(packId)}` : undefined;
  }

  /**
   * Fills a text of the pack's file. `{link}` in a chat is the page's absolute address, or without PUBLIC_URL the words
   * to write for the policy's text; on the page itself, its path.
   */
  fill(pack: PrivacyPack, text: string, language: "vi" | "en", where: "chat" | "page" = "chat"): string {
    const link = where === "page" ? this.pagePath(pack.id) : (this.pageUrl(pack.id) ?? POLICY_COMMAND[language]);
    return fillPrivacyText(text, { office: pack.office[language], days: this.options.retentionDays, link });
  }

  /** The short notice, in the person's language. */
  notice(pack: PrivacyPack, language: "vi" | "en"): string {
    return this.fill(pack, this.texts(pack).notice[language], language);
  }

  /**
   * The whole policy as chat text (what the page says, for a person who writes "chính sách dữ liệu"), with the page's
   * address when there is one.
   *
   * @example await ctx.reply(ctx.services.privacy.policyText(privacyPack(ctx.pack), "vi"));
   */
  policyText(pack: PrivacyPack, language: "vi" | "en"): string {
    const { page } = this.texts(pack);
    const url = this.pageUrl(pack.id);
    return [
      `${page.title[language]} – ${pack.office[language]}`,
      ...page.sections.map((section) => `${section.heading[language]}\n${this.fill(pack, section.body[language], language)}`),
      url ? `${language === "en" ? "Web page" : "Trang web"}: ${url}` : "",
    ]
      .filter(Boolean)
      .join("\n\n");
  }

  /**
   * The notice the first time a person is about to be asked for personal data, undefined after (the conversation's
   * state remembers it).
   *
   * @example const notice = notices.once(ctx.conversation.state, pack, ctx.language); if (notice) text = `${notice}\n\n${text}`;
   */
  once(state: { privacyNoticeAt?: number }, pack: PrivacyPack, language: "vi" | "en", now = Date.now()): string | undefined {
    if (state.privacyNoticeAt) return undefined;
    state.privacyNoticeAt = now;
    return this.notice(pack, language);
  }

  /**
   * A dialog's question for a name or phone, with the notice before it the first time.
   *
   * @example text: ctx.services.privacy.beforeAsking(ctx.conversation.state, ctx.pack, ctx.language, question)
   */
  beforeAsking(state: { privacyNoticeAt?: number }, pack: ContentPack, language: "vi" | "en", question: string): string {
    const notice = this.once(state, privacyPack(pack), language);
    return notice ? `${notice}\n\n${question}` : question;
  }
}
