/** The manager pages' paths. */
export const managerPaths = {
  inbox: '/manager/inbox',
  request: '/manager/requests/:requestId',
  team: '/manager/team',
} as const;

export const requestHref = (requestId: string): string =>
  `/manager/requests/${encodeURIComponent(requestId)}`;

export const teamHref = (employeeIds: readonly string[] = []): string => {
  if (employeeIds.length === 0) return managerPaths.team;
  const query = new URLSearchParams();
  for (const id of employeeIds) query.append('employee', id);
  return `${managerPaths.team}?${query.toString()}`;
};
