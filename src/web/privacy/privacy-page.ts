/**
 * The public privacy page the notice links to: /privacy/<pack> (and /privacy for the default pack), Vietnamese
 * first, English below, built from content/<pack>/privacy.yaml. No sign-in, no cookies, no scripts.
 */
import { Router } from "express";
import type { Services } from "../../shared/services.js";
import { HttpError } from "../../http/http-error.js";
import { privacyPack } from "../../privacy/privacy-notice.js";
import { html } from "../views/html.js";

/** GET /privacy and /privacy/:pack. */
export function privacyPageRoutes(services: Services): Router {
  const router = Router();
  router.get("/privacy", (_req, res) => res.redirect(302, `/privacy/${encodeURIComponent(services.config.CONTENT_PACK)}`));
  router.get("/privacy/:pack", (req, res) => {
    const content = services.knowledge.content.packs.get(String(req.params.pack));
    if (!content) throw new HttpError(404, "Không có trang này / Not found");
    const pack = privacyPack(content);
    const texts = services.privacy.texts(pack);
    const section = (language: "vi" | "en") => html`<section lang="${language}">
        <h1>${texts.page.title[language]}</h1>
        <p class="muted">${pack.office[language]}</p>
        ${texts.page.sections.map((s) => html`<h2>${s.heading[language]}</h2><p>${services.privacy.fill(pack, s.body[language], language, "page")}</p>`)}
      </section>`;
    res.type("html").send(
      html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${texts.page.title.vi} · ${pack.office.vi}</title>
<link rel="icon" href="data:,">
<style>body{font:16px/1.55 system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem;color:#1b1f24}h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.5rem}.muted{color:#5b6470}hr{margin:2rem 0}</style>
</head>
<body>
${section("vi")}
<hr>
${section("en")}
<p class="muted"><small>${texts.source}</small></p>
</body>
</html>`.value,
    );
  });
  return router;
}
