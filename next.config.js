/** Headers on every answer, static files included; the Content-Security-Policy with its per-request nonce is set in proxy.ts. */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // URLs carry the view (filters): other sites are not told them.
  { key: 'Referrer-Policy', value: 'same-origin' },
  // frame-ancestors 'none' in the CSP; this for browsers that predate it.
  { key: 'X-Frame-Options', value: 'DENY' },
];

/**
 * Crawlers that read metadata only from <head>, so Next renders them the page with its metadata
 * in place instead of streamed in later: other HTML than a browser gets. This is Next 16's default
 * list (next/src/shared/lib/router/utils/html-bots.ts), written out because the production server
 * (server/serve.mjs) keys the renders it shares by the same pattern, and the config is where it
 * can read the pattern Next renders by without a private import. Next reads it case-insensitively.
 */
const HTML_LIMITED_BOTS =
  /[\w-]+-Google|Google-[\w-]+|Chrome-Lighthouse|Slurp|DuckDuckBot|baiduspider|yandex|sogou|bitlybot|tumblr|vkShare|quora link preview|redditbot|ia_archiver|Bingbot|BingPreview|applebot|facebookexternalhit|facebookcatalog|Twitterbot|LinkedInBot|Slackbot|Discordbot|WhatsApp|SkypeUriPreview|Yeti|googleweblight/i;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  htmlLimitedBots: HTML_LIMITED_BOTS,
  // A second build folder lets two builds (say, a test run and a preview) live side by side.
  distDir: process.env.SURVEY_LENS_DIST_DIR || '.next',
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
