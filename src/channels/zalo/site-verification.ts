import { Router } from "express";

/**
 * The domain-verification page Zalo asks for: GET /zalo_verifier<code>.html.
 * The code is ZALO_SITE_VERIFICATION (the part between "zalo_verifier" and ".html" of the file Zalo gives).
 */
export function zaloSiteVerificationRouter(code: string): Router {
  const router = Router();
  router.get(`/zalo_verifier${code}.html`, (_req, res) => {
    res
      .type("html")
      .send(
        `<!DOCTYPE html><html lang="en"><head><meta property="zalo-platform-site-verification" content="${code}" /></head><body>There Is No Limit To What You Can Accomplish Using Zalo!</body></html>`,
      );
  });
  return router;
}
