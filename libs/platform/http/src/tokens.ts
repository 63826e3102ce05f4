/** Injection tokens of the service's ports (never an adapter). */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
export const PERSONAL_DATA_CIPHER = Symbol('PERSONAL_DATA_CIPHER');
