import { SetMetadata } from '@nestjs/common';
import helmet from 'helmet';
import type { Request, RequestHandler } from 'express';

/**
 * The answers are JSON for programs, never a page: nothing in one may load, run, frame or
 * submit anything. HSTS stays on (helmet's default, a year, subdomains): browsers ignore it
 * over plain http (RFC 6797 §8.1), so development on http://127.0.0.1 is unaffected, and
 * behind TLS it is what we want.
 */
const apiHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
});

/**
 * Swagger UI at /docs is a page: its scripts, styles and the document come from this service
 * (`'self'`); its stylesheet sets inline styles and its icons are data: URLs. Still no framing,
 * no plugins, no form posts anywhere else.
 */
const docsHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
    },
  },
  frameguard: { action: 'deny' },
});

/**
 * A page a route serves (`@HtmlPage()`), like the unsubscribe page an e-mail's link opens: at
 * most a form that posts to this service. Nothing else may load or run.
 */
const pageHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
    },
  },
  frameguard: { action: 'deny' },
});

export const HTML_PAGE = 'talentloop:html-page';

/**
 * The route answers an HTML page a browser shows, not JSON: its answers get the page policy
 * (a form may post to this service) instead of the API's.
 */
export const HtmlPage = () => SetMetadata(HTML_PAGE, true);

/** Swagger UI, which Express serves outside Nest's routes. */
const DOCS = /^\/docs(?:[/-]|$)/;

/**
 * Security headers on every answer (helmet): the API's strict policy, or a page's own; `isPage`
 * tells the routes marked @HtmlPage(), from the app's routes.
 */
export const securityHeaders =
  (isPage: (request: Request) => boolean): RequestHandler =>
  (request, response, next) =>
    (DOCS.test(request.path) ? docsHeaders : isPage(request) ? pageHeaders : apiHeaders)(
      request,
      response,
      next,
    );
