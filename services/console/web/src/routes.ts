import { lazy, type ComponentType } from 'react';
import { type TextKey } from './i18n';

/** A page of the console: its path pattern (`:name` segments become props) and who may open it. */
export interface Route {
  readonly path: string;
  readonly roles: readonly string[];
  readonly page: ComponentType<{ readonly params: Readonly<Record<string, string>> }>;
}

/** An entry of the main menu, shown to callers with one of its roles. */
export interface NavItem {
  readonly href: string;
  readonly label: TextKey;
  readonly roles: readonly string[];
}

/** One role's area of the console: its pages and its menu entries. */
export interface Area {
  readonly routes: readonly Route[];
  readonly nav: readonly NavItem[];
}

type PageProps = { readonly params: Readonly<Record<string, string>> };

/**
 * A page loaded when first opened: each area's pages are a chunk of their own, so the first
 * load carries the frame and the caller's first page, not every role's.
 */
export const lazyPage = <Module extends Record<string, unknown>>(
  load: () => Promise<Module>,
  name: Extract<keyof Module, string>,
): Route['page'] =>
  lazy(async () => ({ default: (await load())[name] as ComponentType<PageProps> }));
