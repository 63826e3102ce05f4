import { type ReactNode } from 'react';

/**
 * A wide table's own horizontal scroll on a narrow screen: a named region that takes keyboard
 * focus, so it can be scrolled without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export const TableScroll = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="table-scroll scroll-region" role="region" aria-label={label} tabIndex={0}>
    {children}
  </div>
);
