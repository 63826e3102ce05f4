import { useEffect, useState } from 'react';
import { Loadable } from '../../components/states';
import { useT } from '../../i18n';
import { type Loaded } from '../../api';
import { TableScroll } from '../../components/table-scroll';
import { Link } from '../../router';
import { schemaRows, type SchemaRow } from './events';

export interface EventType {
  readonly name: string;
  readonly type: string;
  readonly summary: string;
  readonly schema: Parameters<typeof schemaRows>[0];
}

let cached: Promise<EventType[]> | undefined;

/** The published event types (built from the AsyncAPI document, served with the console). */
export const useEventTypes = (): Loaded<EventType[]> => {
  const [loaded, setLoaded] = useState<Loaded<EventType[]>>({ state: 'loading' });
  useEffect(() => {
    cached ??= fetch('/event-types.json').then(async (response) => {
      if (!response.ok) throw new Error(`event types: HTTP ${response.status}`);
      return (await response.json()) as EventType[];
    });
    cached.then(
      (data) => setLoaded({ state: 'done', data }),
      (error: unknown) => {
        cached = undefined;
        setLoaded({
          state: 'failed',
          error: error instanceof Error ? error : new Error(String(error)),
        });
      },
    );
  }, []);
  return loaded;
};

export const EventTypesPage = () => {
  const t = useT();
  const types = useEventTypes();
  return (
    <>
      <h1>{t('eventTypes.title')}</h1>
      <p>{t('eventTypes.intro')}</p>
      <Loadable loaded={types}>
        {(list) => (
          <TableScroll label={t('eventTypes.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('eventTypes.name')}</th>
                  <th scope="col">{t('eventTypes.summary')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((type) => (
                  <tr key={type.name}>
                    <th scope="row">
                      <Link href={`/integrator/event-types/${type.name}`}>{type.name}</Link>
                    </th>
                    <td>{type.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Loadable>
    </>
  );
};

const SchemaTable = ({ rows }: { rows: readonly SchemaRow[] }) => {
  const t = useT();
  return (
    <TableScroll label={t('eventType.schema')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('eventType.property')}</th>
            <th scope="col">{t('eventType.valueType')}</th>
            <th scope="col">{t('eventType.required')}</th>
            <th scope="col">{t('eventType.description')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.path}>
              <th scope="row">
                <code>{row.path}</code>
              </th>
              <td>
                <code>{row.type}</code>
              </td>
              <td>{row.required ? t('eventType.yes') : t('eventType.no')}</td>
              <td>{row.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
};

export const EventTypePage = ({ params }: { params: Readonly<Record<string, string>> }) => {
  const t = useT();
  const types = useEventTypes();
  const name = params['name'] ?? '';
  return (
    <Loadable loaded={types}>
      {(list) => {
        const type = list.find((candidate) => candidate.name === name);
        if (!type)
          return (
            <>
              <h1>{t('eventTypes.title')}</h1>
              <p role="alert">{t('eventType.unknown', { name })}</p>
            </>
          );
        return (
          <>
            <h1>{type.name}</h1>
            <p>{type.summary}</p>
            <p>
              {t('eventTypes.cloudEventsType')}: <code>{type.type}</code>
            </p>
            <p>
              <Link href={`/integrator/events?type=${encodeURIComponent(type.name)}`}>
                {t('eventType.browse')}
              </Link>
            </p>
            <h2>{t('eventType.schema')}</h2>
            <SchemaTable rows={schemaRows(type.schema)} />
            <details>
              <summary>{t('eventType.raw')}</summary>
              <pre className="json">{JSON.stringify(type.schema, null, 2)}</pre>
            </details>
          </>
        );
      }}
    </Loadable>
  );
};
