import { type ReactNode } from 'react';
import { type Loaded } from '../api';
import { useT } from '../i18n';
import { ApiError } from '../lib/problem';

/** What went wrong, as the service said it: title, detail and each bad field. */
export const Problem = ({ error, onRetry }: { error: Error; onRetry?: () => void }) => {
  const t = useT();
  const api = error instanceof ApiError ? error : undefined;
  return (
    <div role="alert" className="problem">
      <p className="problem-title">
        {t('state.error')}: {api ? api.title : error.message}
      </p>
      {api?.detail && <p>{api.detail}</p>}
      {api && api.fields.length > 0 && (
        <ul>
          {api.fields.map(({ field, message }) => (
            <li key={`${field}:${message}`}>{field ? `${field}: ${message}` : message}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
};

/** The line a page shows while it loads (the browser suites wait until none is left). */
export const Loading = () => {
  const t = useT();
  return (
    <p role="status" className="loading">
      {t('state.loading')}
    </p>
  );
};

/** The loaded data's view, or a loading line, or the problem with a retry. */
export const Loadable = <Result,>({
  loaded,
  children,
}: {
  loaded: Loaded<Result> & { reload?: () => void };
  children: (data: Result) => ReactNode;
}) => {
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <Problem error={loaded.error} onRetry={loaded.reload} />;
  return <>{children(loaded.data)}</>;
};

/**
 * The last answer's view, kept on screen while it is asked again (a failure then shown below
 * it); before the first answer, a loading line or the problem with a retry.
 */
export const Latest = <Result,>({
  loaded,
  children,
}: {
  loaded: Loaded<Result> & { latest: Result | undefined; reload: () => void };
  children: (data: Result) => ReactNode;
}) => {
  if (loaded.latest === undefined) return <Loadable loaded={loaded}>{() => null}</Loadable>;
  return (
    <>
      {children(loaded.latest)}
      {loaded.state === 'failed' && <Problem error={loaded.error} onRetry={loaded.reload} />}
    </>
  );
};

/** A figure the service withheld (too few people), shown as withheld with its reason. */
export const Withheld = ({ reason }: { reason: string }) => {
  const t = useT();
  return (
    <span className="withheld">
      <span className="withheld-label">{t('withheld.label')}</span>
      <span className="withheld-reason"> ({reason})</span>
    </span>
  );
};
