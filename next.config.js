/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A second build folder lets two builds (say, a test run and a preview) live side by side.
  distDir: process.env.SURVEY_LENS_DIST_DIR || '.next',
};

export default nextConfig;
