import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useLanguage } from './i18n';
import { AnswerOrder } from './lib/answer-order';
import { pollUntil } from './lib/poll';
import { type ApiError, apiErrorOf } from './lib/problem';
import { type Session } from './lib/session';

/** The services the console calls, each through the console's own origin at /api/<service>. */
export type Service = 'assessment' | 'planning' | 'approval' | 'analytics' | 'notifications';

export interface CallOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

/** `path?query` with undefined and empty values left out. */
export const withQuery = (path: string, query: CallOptions['query'] = {}): string => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
};

export type Call = <Result = unknown>(
  service: Service,
  path: string,
  options?: CallOptions,
) => Promise<Result>;

interface ApiState {
  readonly call: Call;
  readonly session: Session;
}

const ApiContext = createContext<ApiState | undefined>(undefined);

/**
 * Calls through the console's origin with the caller's own token and language. Every write
 * carries an Idempotency-Key, so a retried click is the same command, never a second one.
 * A 401 ends the session (the token expired or was refused): `onUnauthorized`.
 */
export const ApiProvider = ({
  session,
  onUnauthorized,
  children,
}: {
  session: Session;
  onUnauthorized: () => void;
  children: ReactNode;
}) => {
  const { language } = useLanguage();
  const call = useCallback<Call>(
    async <Result,>(service: Service, path: string, options: CallOptions = {}) => {
      const method = options.method ?? 'GET';
      const headers: Record<string, string> = {
        accept: 'application/json, application/problem+json',
        'accept-language': language,
        authorization: `Bearer ${session.token}`,
        ...(method === 'GET' ? {} : { 'idempotency-key': crypto.randomUUID() }),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      };
      const response = await fetch(`/api/${service}${withQuery(path, options.query)}`, {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      });
      const type = response.headers.get('content-type') ?? '';
      const body: unknown =
        response.status === 204
          ? undefined
          : /^application\/([\w.-]+\+)?json\b/i.test(type)
            ? await response.json()
            : await response.text();
      if (response.status === 401) onUnauthorized();
      if (!response.ok) throw apiErrorOf(response.status, response.statusText, body);
      return body as Result;
    },
    [language, session.token, onUnauthorized],
  );
  return <ApiContext.Provider value={{ call, session }}>{children}</ApiContext.Provider>;
};

export const useApi = (): ApiState => {
  const state = useContext(ApiContext);
  if (!state) throw new Error('useApi outside ApiProvider');
  return state;
};

/**
 * A command a form or button runs: `busy` while it runs, `error` what it failed with (cleared
 * when it runs again, seen first by `onError`). `run` answers whether the command went through.
 */
export const useCommand = () => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const run = useCallback(
    async (command: () => Promise<unknown>, onError?: (error: Error) => void) => {
      setError(undefined);
      setBusy(true);
      try {
        await command();
        return true;
      } catch (caught) {
        const failure = caught instanceof Error ? caught : new Error(String(caught));
        onError?.(failure);
        setError(failure);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  return { busy, error, run };
};

export type Loaded<Result> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: ApiError | Error }
  | { readonly state: 'done'; readonly data: Result };

export interface GetOptions {
  /**
   * Looks again this often while the page is in view, and when it comes back into view, without
   * showing it loading: for a page that others change while it is open (a manager's inbox).
   * A look that fails keeps what is shown.
   */
  readonly refreshEveryMs?: number;
}

/**
 * A GET that loads when the page shows and again when its path, query or the language change
 * (texts in the answers follow the reader's language); `reload` asks again. `latest` is the
 * last answer had, kept while it is asked again; `refreshUntil` looks again, without showing
 * it loading, until the answer settles it (a read side a moment behind a command just made).
 * Answers that arrive out of order never replace a newer one, and answers to a question that
 * has since changed (another path, query or language) are dropped (AnswerOrder).
 */
export const useGet = <Result,>(
  service: Service,
  path: string | undefined,
  query?: CallOptions['query'],
  { refreshEveryMs }: GetOptions = {},
): Loaded<Result> & {
  readonly latest: Result | undefined;
  readonly reload: () => void;
  readonly refreshUntil: (settled: (data: Result) => boolean) => Promise<void>;
} => {
  const { call } = useApi();
  const [loaded, setLoaded] = useState<Loaded<Result>>({ state: 'loading' });
  const [latest, setLatest] = useState<Result>();
  const [round, setRound] = useState(0);
  const key = path === undefined ? undefined : withQuery(path, query);
  // Loads, reloads and looks may answer out of order: only the newest answer is shown.
  const [order] = useState(() => new AnswerOrder());
  const show = useCallback(
    (question: number, data: Result) => {
      if (!order.show(question)) return;
      setLoaded({ state: 'done', data });
      setLatest(data);
    },
    [order],
  );
  /** Asks once; the answer is shown unless a later question was answered first. */
  const ask = useCallback(
    (signal?: AbortSignal) => {
      const question = order.ask();
      return {
        question,
        answer: call<Result>(service, key!, signal ? { signal } : {}).then((data) => {
          show(question, data);
          return data;
        }),
      };
    },
    [call, service, key, order, show],
  );
  useEffect(() => {
    if (key === undefined) return;
    const abort = new AbortController();
    // Asked anew (another path, query or language, or a reload): earlier answers are moot.
    order.forget();
    setLoaded({ state: 'loading' });
    const { question, answer } = ask(abort.signal);
    answer.catch((error: unknown) => {
      if (abort.signal.aborted || order.overtaken(question)) return;
      setLoaded({
        state: 'failed',
        error: error instanceof Error ? error : new Error(String(error)),
      });
    });
    return () => abort.abort();
  }, [key, round, ask, order]);
  useEffect(() => {
    if (key === undefined || refreshEveryMs === undefined) return;
    const abort = new AbortController();
    const look = () => {
      if (document.visibilityState !== 'visible') return;
      ask(abort.signal).answer.catch(() => undefined);
    };
    const timer = setInterval(look, refreshEveryMs);
    document.addEventListener('visibilitychange', look);
    return () => {
      abort.abort();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', look);
    };
  }, [key, ask, refreshEveryMs]);
  // refreshUntil's polls stop when the page goes away or asks another question.
  const polls = useRef<AbortController>(undefined);
  useEffect(() => {
    const abort = new AbortController();
    polls.current = abort;
    return () => abort.abort();
  }, [ask]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  const refreshUntil = useCallback(
    async (settled: (data: Result) => boolean) => {
      const signal = polls.current?.signal;
      if (key === undefined || signal === undefined) return;
      await pollUntil(() => ask(signal).answer, settled, { signal });
    },
    [key, ask],
  );
  return { ...loaded, latest, reload, refreshUntil };
};
