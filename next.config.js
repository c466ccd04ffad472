/** Headers on every answer, static files included; the Content-Security-Policy with its per-request nonce is set in proxy.ts. */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // URLs carry the view (filters): other sites are not told them.
  { key: 'Referrer-Policy', value: 'same-origin' },
  // frame-ancestors 'none' in the CSP; this for browsers that predate it.
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A second build folder lets two builds (say, a test run and a preview) live side by side.
  distDir: process.env.SURVEY_LENS_DIST_DIR || '.next',
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
