import { useEffect } from 'react';
import { navigate } from '../router';
import { type Area, type Route } from '../routes';

/** A page that only sends the reader on to another (the address a mail or an older link used). */
const redirect =
  (to: (params: Readonly<Record<string, string>>) => string): Route['page'] =>
  ({ params }) => {
    useEffect(() => navigate(to(params), true), [params]);
    return null;
  };

/**
 * The addresses the notifications service's mails link to (`<app>/goals/<id>` for the
 * employee, `<app>/approvals/<id>` for the manager), sent on to the console's pages for them.
 */
export const mailLinksArea: Area = {
  routes: [
    {
      path: '/goals/:goalId',
      roles: ['employee'],
      page: redirect(({ goalId }) => `/employee/goals/${encodeURIComponent(goalId ?? '')}`),
    },
    {
      path: '/approvals/:requestId',
      roles: ['manager'],
      page: redirect(({ requestId }) => `/manager/requests/${encodeURIComponent(requestId ?? '')}`),
    },
  ],
  nav: [],
};
