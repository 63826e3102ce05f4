/** A status message carried to the next page (after a navigation), shown there once. */
const KEY = 'talentloop.employee.flash';

export const flash = (message: string): void => sessionStorage.setItem(KEY, message);

export const takeFlash = (): string | undefined => {
  const message = sessionStorage.getItem(KEY) ?? undefined;
  sessionStorage.removeItem(KEY);
  return message;
};

/** The plan the employee last opened, per tenant and user. */
export const planKey = (tenantId: string, userId: string) =>
  `talentloop.employee.plan.${tenantId}.${userId}`;
