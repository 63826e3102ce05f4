import { type ComponentType } from 'react';
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
