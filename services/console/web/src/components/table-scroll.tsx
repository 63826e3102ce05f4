import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * A wide table's own horizontal scroll on a narrow screen: a named region that takes keyboard
 * focus, so it can be scrolled without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export const TableScroll = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="table-scroll scroll-region" role="region" aria-label={label} tabIndex={0}>
    {children}
  </div>
);

/**
 * Whether a scrolling box is narrower than what it holds (its table scrolls sideways): measured
 * again whenever the box or its first child (the table) changes size.
 */
export const useScrolls = () => {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return { box, scrolls };
};
