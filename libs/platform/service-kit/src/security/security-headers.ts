import helmet from 'helmet';
import type { RequestHandler } from 'express';

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
 * The unsubscribe page an e-mail's link opens (notifications): one form that posts to the same
 * address. Nothing else may load or run; the form may post to this service only.
 */
const unsubscribeHeaders = helmet({
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

const DOCS = /^\/docs(?:[/-]|$)/;
const UNSUBSCRIBE = /^\/unsubscribe$/;

/** Security headers on every answer (helmet): the API's strict policy, or a page's own. */
export const securityHeaders = (): RequestHandler => (request, response, next) =>
  (DOCS.test(request.path)
    ? docsHeaders
    : UNSUBSCRIBE.test(request.path)
      ? unsubscribeHeaders
      : apiHeaders)(request, response, next);
