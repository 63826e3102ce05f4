/** Injection tokens of the service's ports (never an adapter). */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
export const PERSONAL_DATA_CIPHER = Symbol('PERSONAL_DATA_CIPHER');
/** The read-model store (READ_MODELS): every service's read side lives in it. */
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
/** The HTTP edge's settings (HttpConfig: CORS origins, rate limit), read from the environment. */
export const HTTP_CONFIG = Symbol('HTTP_CONFIG');
