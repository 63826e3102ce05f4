import {
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Language } from '@talentloop/i18n';
import type { Request } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import { authenticatedActor, type Actor } from '../actor';
import { languageOfAcceptLanguage, resolveLanguage } from './accept-language';

/**
 * A service that knows people's own language provides this token (planning reads it from its
 * people read model); without it the fallback after `Accept-Language` is English.
 */
export const PREFERRED_LANGUAGE = Symbol('PREFERRED_LANGUAGE');
export interface PreferredLanguages {
  of(actor: Actor): Promise<Language | undefined>;
}

/** The language resolved for each request, once. */
const resolved = new WeakMap<Request, Language>();

/**
 * The language to answer the request in. Before the interceptor ran (a 401 or 403 of a guard)
 * only `Accept-Language` counts; after it, the person's own language too.
 */
export const languageOf = (request: Request): Language =>
  resolved.get(request) ?? resolveLanguage(request.headers['accept-language'], undefined);

/** Resolves each authenticated request's language once, before its handler runs. */
@Injectable()
export class RequestLanguageInterceptor implements NestInterceptor {
  constructor(private readonly modules: ModuleRef) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return from(this.resolve(request)).pipe(mergeMap(() => next.handle()));
  }

  private async resolve(request: Request): Promise<void> {
    const header = request.headers['accept-language'];
    const actor = authenticatedActor(request);
    // A language is a courtesy: a read model that cannot say it never fails the request.
    const preferred =
      languageOfAcceptLanguage(header) === undefined && actor !== undefined
        ? await this.preferredLanguages()
            ?.of(actor)
            .catch(() => undefined)
        : undefined;
    resolved.set(request, resolveLanguage(header, preferred));
  }

  private preferredLanguages(): PreferredLanguages | undefined {
    try {
      return this.modules.get<PreferredLanguages>(PREFERRED_LANGUAGE, { strict: false });
    } catch {
      return undefined;
    }
  }
}

/** Controller parameter: `@RequestLanguage() language: Language`. */
export const RequestLanguage = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  languageOf(context.switchToHttp().getRequest<Request>()),
);
