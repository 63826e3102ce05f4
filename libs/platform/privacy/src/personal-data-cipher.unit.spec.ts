import { randomBytes } from 'node:crypto';
import { ERASED, eventRegistry, type EventMetadata } from '@talentloop/contracts';
import { PersonalDataCipher, type EventWithData } from './personal-data-cipher';
import type { DataSubject, SubjectKey, SubjectKeyStore } from './subject-key-store.port';

/** Keys in memory, counting the lookups a reader makes. */
class MemoryKeys implements SubjectKeyStore {
  private readonly keys = new Map<string, SubjectKey>();
  lookups = 0;

  keyFor(subject: DataSubject): Promise<SubjectKey> {
    const id = `${subject.tenantId}/${subject.subjectId}`;
    const key = this.keys.get(id) ?? { kind: 'key', key: randomBytes(32) };
    this.keys.set(id, key);
    return Promise.resolve(key);
  }

  find(subject: DataSubject): Promise<SubjectKey | undefined> {
    this.lookups += 1;
    return Promise.resolve(this.keys.get(`${subject.tenantId}/${subject.subjectId}`));
  }

  destroy(subject: DataSubject): Promise<void> {
    this.keys.set(`${subject.tenantId}/${subject.subjectId}`, { kind: 'erased' });
    return Promise.resolve();
  }

  rewrap = () => Promise.resolve(0);
  close = () => Promise.resolve();
}

const metadata = (schemaVersion = 1): EventMetadata => ({
  tenantId: 'acme',
  actorId: 'hr-1',
  occurredAt: '2026-03-01T09:00:00.000Z',
  schemaVersion,
});

const synced = (employeeId: string, displayName: string): EventWithData => ({
  type: 'EmployeeSynced',
  data: {
    ...(eventRegistry.current('EmployeeSynced')?.example as object),
    employeeId,
    displayName,
    email: `${employeeId}@example.com`,
  },
  metadata: metadata(),
});

const checkIn = (employeeId: string, note: string): EventWithData => ({
  type: 'CheckInLogged',
  data: {
    checkInId: 'chk-6001',
    goalId: 'goal-3001',
    employeeId,
    answers: {
      whatWasDone: `${note}: "quoted", \\ and ünïcode`,
      whatGoesWellAndWhatIsHard: 'Peers are easy to talk to.',
      whatIsNext: 'Practise in the kick-off.',
    },
    durationMinutes: 20,
    actionsTicked: [],
    nextDueAt: '2026-03-15T09:00:00.000Z',
    onTime: true,
    loggedBy: 'emp-0007',
    managerNotes: 'Listens first in stand-ups now.',
  },
  metadata: metadata(2),
});

const erasure = (employeeId: string): EventWithData => ({
  type: 'PersonErased',
  data: { employeeId, erasedAt: '2026-03-02T09:00:00.000Z' },
  metadata: metadata(),
});

/** The event as readAllJson hands it out: its data and metadata as stored text. */
const asJson = (event: EventWithData) => ({
  type: event.type,
  schemaVersion: event.metadata.schemaVersion,
  dataJson: JSON.stringify(event.data),
  metadataJson: JSON.stringify(event.metadata),
});

/** What the parsed way writes for each event: the opened data, or undefined when unopened. */
const parsedWay = async (cipher: PersonalDataCipher, events: readonly EventWithData[]) => {
  const opened = await cipher.openAll(events, { remember: false });
  return opened.map((event, index) =>
    event === events[index] ? undefined : JSON.stringify(event.data),
  );
};

describe('a page of sealed events opened as JSON text', () => {
  it('reads text for text what the parsed events write, keys cached or not, erased or not', async () => {
    // Given two people's events sealed, among events without personal data
    const keys = new MemoryKeys();
    const writer = new PersonalDataCipher(keys);
    const page = await Promise.all(
      [
        synced('emp-1', 'Wilhelmina Zwaanswijk'),
        checkIn('emp-1', 'Wilhelmina practised'),
        synced('emp-2', 'Daan Jansen'),
        checkIn('emp-2', 'Daan listened'),
      ].map((event) => writer.seal(event)),
    );
    const plain: EventWithData = {
      type: 'GapIdentified',
      data: eventRegistry.current('GapIdentified')?.example,
      metadata: metadata(eventRegistry.current('GapIdentified')?.version),
    };
    expect(writer.hasPersonalFields(plain.type, plain.metadata.schemaVersion)).toBe(false);
    const events = [page[0], plain, page[1], page[2], page[3]];

    // When they are read as text by a new reader, and again once it has their keys
    const reader = new PersonalDataCipher(keys);
    const first = await reader.openAllJson(events.map(asJson));
    const again = await reader.openAllJson(events.map(asJson));

    // Then each text is what the parsed way writes, and holds the plaintext
    const parsedReader = new PersonalDataCipher(keys);
    const expected = await parsedWay(parsedReader, events);
    expect(first).toEqual(expected);
    expect(again).toEqual(expected);
    expect(first[1]).toBeUndefined();
    expect(JSON.parse(first[2]!)).toEqual(checkIn('emp-1', 'Wilhelmina practised').data);

    // And when one of them is erased, and the page holds the erasure after their first events
    await writer.erase({ tenantId: 'acme', subjectId: 'emp-1' });
    const withErasure = [...events, erasure('emp-1'), page[1], page[3]];
    const after = await reader.openAllJson(withErasure.map(asJson));
    const fresh = await new PersonalDataCipher(keys).openAllJson(withErasure.map(asJson));

    // Then a reader that kept the key opens what comes before the erasure, and nothing after
    expect(after).toEqual(await parsedWay(parsedReader, withErasure));
    expect(JSON.parse(after[0]!)).toMatchObject({ displayName: 'Wilhelmina Zwaanswijk' });
    expect(JSON.parse(after[6]!)).toMatchObject({ answers: { whatWasDone: ERASED } });
    expect(JSON.parse(after[7]!)).toEqual(checkIn('emp-2', 'Daan listened').data);
    // And a new reader opens none of it, and the other person's all
    expect(fresh).toEqual(await parsedWay(new PersonalDataCipher(keys), withErasure));
    expect(JSON.parse(fresh[0]!)).toMatchObject({ displayName: ERASED, email: ERASED });
    expect(JSON.parse(fresh[7]!)).toEqual(checkIn('emp-2', 'Daan listened').data);
  });

  it('asks the key store once per person and page', async () => {
    // Given a page of many events about two people
    const keys = new MemoryKeys();
    const writer = new PersonalDataCipher(keys);
    const page = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        writer.seal(checkIn(`emp-${(index % 2).toString()}`, `note ${index.toString()}`)),
      ),
    );

    // When a new reader opens it as text
    keys.lookups = 0;
    await new PersonalDataCipher(keys).openAllJson(page.map(asJson));

    // Then it looked each person's key up once
    expect(keys.lookups).toBe(2);
  });

  it('writes the opened data out again when a sealed value is found elsewhere in the data too', async () => {
    // Given a sealed name also copied, as it is, into a field that is not personal
    const keys = new MemoryKeys();
    const sealed = await new PersonalDataCipher(keys).seal(synced('emp-1', 'Wil'));
    const data = sealed.data as { displayName: string; externalId: string };
    const copied = { ...sealed, data: { ...data, externalId: data.displayName } };

    // When it is read as text
    const [text] = await new PersonalDataCipher(keys).openAllJson([asJson(copied)]);

    // Then the personal field is opened and the copy left sealed, as the parsed way does
    expect(JSON.parse(text!)).toMatchObject({ displayName: 'Wil', externalId: data.displayName });
    expect(text).toBe((await parsedWay(new PersonalDataCipher(keys), [copied]))[0]);
  });
});
