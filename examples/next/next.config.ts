import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // As in Next 16's default template: the provider must render without clocks or storage for this to build.
  cacheComponents: true,
  partialPrefetching: true,
  // This folder has its own lockfile inside the library's repository: build from here, not from the repo root.
  turbopack: { root: __dirname },
}

export default nextConfig
