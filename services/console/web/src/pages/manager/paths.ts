/** The manager pages' paths. */
export const managerPaths = {
  inbox: '/manager/inbox',
  request: '/manager/requests/:requestId',
  team: '/manager/team',
} as const;

export const requestHref = (requestId: string): string =>
  `/manager/requests/${encodeURIComponent(requestId)}`;
