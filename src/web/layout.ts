/**
 * The console's page frame: Vietnamese, mobile-first, no CDN (CSS and JS come from /admin/static). The navigation
 * shows only what the account's role may open.
 *
 * @example res.send(page({ title: "Phản ánh", user, csrf, active: "reports", body: html`<h1>…</h1>` }).value);
 */
import { html, type Html, type HtmlValue } from "./views/html.js";
import type { StaffUserView } from "./auth/staff-users.js";

/** The console's sections, in menu order. */
export const SECTIONS = [
  { id: "inbox", href: "/admin/inbox", label: "Hộp thư", admin: false },
  { id: "reports", href: "/admin/reports", label: "Phản ánh", admin: false },
  { id: "classes", href: "/admin/classes", label: "Lớp học", admin: false },
  { id: "announcements", href: "/admin/announcements", label: "Thông báo", admin: false },
  { id: "kept", href: "/admin/kept", label: "Chưa gửi được", admin: false },
  { id: "content", href: "/admin/content", label: "Nội dung", admin: true },
  { id: "analytics", href: "/admin/analytics", label: "Thống kê", admin: true },
  { id: "yearly", href: "/admin/yearly", label: "Báo cáo năm", admin: true },
  { id: "accounts", href: "/admin/accounts", label: "Tài khoản", admin: true },
  { id: "privacy", href: "/admin/privacy", label: "Dữ liệu cá nhân", admin: true },
] as const;

/** A section id. */
export type SectionId = (typeof SECTIONS)[number]["id"];

export interface PageOptions {
  title: string;
  body: HtmlValue;
  user?: StaffUserView;
  csrf?: string;
  active?: SectionId;
  /** Extra scripts from /admin/static (the console script is always loaded for signed-in pages). */
  scripts?: string[];
  /** A message shown at the top (after a save). */
  flash?: { kind: "ok" | "error"; text: string };
  /** Printable pages hide the navigation when printed. */
  bodyClass?: string;
}

/** A whole console page. */
export function page(options: PageOptions): Html {
  const { user } = options;
  const nav = user
    ? html`<header class="top">
        <a class="brand" href="/admin">Trợ lý văn hóa</a>
        <nav aria-label="Chức năng">
          ${SECTIONS.filter((s) => !s.admin || user.role === "admin").map(
            (s) => html`<a href="${s.href}"${options.active === s.id ? html` aria-current="page"` : ""}>${s.label}</a>`,
          )}
        </nav>
        <form method="post" action="/admin/logout" class="logout">
          <input type="hidden" name="_csrf" value="${options.csrf}">
          <a class="who" href="/admin/password" title="Đổi mật khẩu">${user.displayName}</a>
          <button type="submit" class="link">Đăng xuất</button>
        </form>
      </header>`
    : "";
  const flash = options.flash ? html`<p class="flash ${options.flash.kind}" role="status">${options.flash.text}</p>` : "";
  const scripts = user ? ["console.js", ...(options.scripts ?? [])] : (options.scripts ?? []);
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${options.csrf ?? ""}">
<title>${options.title} · Trợ lý văn hóa</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/admin/static/console.css">
${scripts.map((name) => html`<script src="/admin/static/${name}" defer></script>`)}
</head>
<body class="${options.bodyClass ?? ""}">
${nav}
<main>
${flash}
${options.body}
</main>
</body>
</html>`;
}

/** The hidden CSRF field every console form carries. */
export function csrfField(csrf: string): Html {
  return html`<input type="hidden" name="_csrf" value="${csrf}">`;
}
