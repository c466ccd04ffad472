import { NextResponse, type NextRequest } from 'next/server';

/**
 * Every page and route answers with a Content-Security-Policy whose scripts are allowed by a
 * fresh nonce (Next puts it on its own scripts; app/layout.tsx on the theme script) and never by
 * `unsafe-eval` outside `next dev`; styles may be inline (recharts and React write style
 * attributes, which a nonce cannot cover), scripts may not. The page cannot be framed
 * (frame-ancestors 'none'). A path whose percent escapes do not decode answers 400 here, before
 * any route tries to read it.
 */
export function proxy(request: NextRequest): NextResponse {
  if (!decodes(request.nextUrl.pathname)) {
    return new NextResponse('Bad request: the address has a malformed percent escape.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
    });
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  return response;
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The review of /add reads files in a Web Worker served from this site.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)',
      // Next's own router prefetches (flight data, never a document) need no nonce; a browser's
      // prefetch of a page (`Purpose: prefetch`) may be shown as the page, so it gets one.
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
