import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useApi, useCommand } from '../../api';
import { Loadable, Problem } from '../../components/states';
import { useLanguage, useT } from '../../i18n';
import { instant } from '../../lib/format';
import { TableScroll } from '../../components/table-scroll';
import { Link, navigate, useLocation } from '../../router';
import { useEventTypes } from './event-types';
import { eventNameOf, isLastPage, matches, parseNdjson, type ReplayedEvent } from './events';

/** Events asked for per request, and shown per click at most. */
const PAGE = 200;
const WANTED = 50;
/** Requests per click at most while the browser's own filter finds too few. */
const MAX_PAGES = 10;

interface Filters {
  readonly type: string;
  readonly subject: string;
  /** datetime-local values (the reader's time zone). */
  readonly from: string;
  readonly until: string;
}

const filtersOf = (search: URLSearchParams): Filters => ({
  type: search.get('type') ?? '',
  subject: search.get('subject') ?? '',
  from: search.get('from') ?? '',
  until: search.get('until') ?? '',
});

const isoOf = (local: string): string => (local === '' ? '' : new Date(local).toISOString());

interface Shown {
  readonly events: readonly ReplayedEvent[];
  /** The last position read: the next request resumes after it. */
  readonly cursor: string | undefined;
  readonly ended: boolean;
}

export const EventBrowserPage = () => {
  const t = useT();
  const { language } = useLanguage();
  const { call } = useApi();
  const { search } = useLocation();
  const types = useEventTypes();
  const applied = filtersOf(new URLSearchParams(search));
  const [form, setForm] = useState<Filters>(applied);
  const [shown, setShown] = useState<Shown | undefined>();
  const { busy, error, run } = useCommand();

  const load = useCallback(
    (filters: Filters, before: Shown | undefined) =>
      run(async () => {
        const local = { subject: filters.subject.trim(), until: isoOf(filters.until) };
        const found: ReplayedEvent[] = [];
        let cursor = before?.cursor;
        let ended = false;
        for (let page = 0; page < MAX_PAGES && found.length < WANTED && !ended; page += 1) {
          const body = await call<string>('analytics', '/replay/events', {
            headers: { accept: 'application/x-ndjson' },
            query: {
              limit: PAGE,
              types: filters.type || undefined,
              ...(cursor === undefined
                ? { from: isoOf(filters.from) || undefined }
                : { after: cursor }),
            },
          });
          const events = parseNdjson(body);
          ended = isLastPage(events.length, PAGE);
          cursor = events.at(-1)?.sequence ?? cursor;
          found.push(...events.filter((event) => matches(event, local)));
          // Past the end of the window: nothing later can match.
          if (
            local.until &&
            events.some((event) => !matches(event, { subject: '', until: local.until }))
          )
            ended = true;
        }
        setShown({ events: [...(before?.events ?? []), ...found], cursor, ended });
      }),
    [call, run],
  );

  useEffect(() => {
    setForm(filtersOf(new URLSearchParams(search)));
    setShown(undefined);
    void load(filtersOf(new URLSearchParams(search)), undefined);
  }, [search, load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = new URLSearchParams(Object.entries(form).filter(([, value]) => value !== ''));
    const next = `/integrator/events${query.size ? `?${query.toString()}` : ''}`;
    if (`${location.pathname}${location.search}` === next) void load(form, undefined);
    else navigate(next);
  };
  const field = (name: keyof Filters) => ({
    name,
    value: form[name],
    onChange: (event: { target: { value: string } }) =>
      setForm((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <>
      <h1>{t('events.title')}</h1>
      <p>{t('events.intro')}</p>
      <form className="toolbar" onSubmit={submit} aria-label={t('events.filters')}>
        <label>
          {t('events.type')}
          <select {...field('type')}>
            <option value="">{t('events.anyType')}</option>
            {types.state === 'done' &&
              types.data.map((type) => (
                <option key={type.name} value={type.name}>
                  {type.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('events.subject')}
          <input {...field('subject')} aria-describedby="subject-hint" />
          <span id="subject-hint" className="hint">
            {t('events.subjectHint')}
          </span>
        </label>
        <label>
          {t('events.from')}
          <input type="datetime-local" {...field('from')} />
        </label>
        <label>
          {t('events.until')}
          <input type="datetime-local" {...field('until')} />
        </label>
        <button type="submit" disabled={busy}>
          {t('events.show')}
        </button>
      </form>
      {error && <Problem error={error} onRetry={() => void load(applied, shown)} />}
      <Loadable
        loaded={
          shown
            ? { state: 'done', data: shown }
            : error
              ? { state: 'done', data: undefined }
              : { state: 'loading' }
        }
      >
        {(data) =>
          data && (
            <>
              <p role="status">
                {data.events.length === 0
                  ? t('events.none')
                  : t('events.count', { count: data.events.length })}
              </p>
              {data.events.length > 0 && (
                <TableScroll label={t('events.title')}>
                  <table className="events">
                    <thead>
                      <tr>
                        <th scope="col">{t('events.sequence')}</th>
                        <th scope="col">{t('events.time')}</th>
                        <th scope="col">{t('events.type')}</th>
                        <th scope="col">{t('events.subject')}</th>
                        <th scope="col">{t('events.data')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.events.map((event) => (
                        <tr key={event.id}>
                          <td>{event.sequence.replace(/^0+(?=\d)/, '')}</td>
                          <td>{instant(language, event.time)}</td>
                          <th scope="row">
                            <Link href={`/integrator/event-types/${eventNameOf(event.type)}`}>
                              {eventNameOf(event.type)}
                            </Link>
                          </th>
                          <td>
                            <code>{event.subject ?? '—'}</code>
                          </td>
                          <td>
                            <details>
                              <summary>{t('events.showData')}</summary>
                              <pre className="json">{JSON.stringify(event.data, null, 2)}</pre>
                            </details>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
              {data.ended ? (
                data.events.length > 0 && <p>{t('events.end')}</p>
              ) : (
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() => void load(applied, data)}
                >
                  {t('events.more')}
                </button>
              )}
            </>
          )
        }
      </Loadable>
    </>
  );
};
