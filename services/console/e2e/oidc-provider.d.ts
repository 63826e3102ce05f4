// The little of oidc-provider (which ships no types) the sign-in suite uses.
declare module 'oidc-provider' {
  import { type RequestListener } from 'node:http';

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): RequestListener;
  }
}
