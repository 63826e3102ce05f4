import {
  ERASED,
  eventRegistry,
  type EmployeeSynced,
  type EventMetadata,
} from '@talentloop/contracts';
import {
  InvalidEventError,
  SqliteEventStore,
  type EventToAppend,
  type RecordedEvent,
  type RecordedEventJson,
} from '@talentloop/event-store';
import {
  EmbeddedMessageBus,
  SqliteCheckpointStore,
  startRelay,
  subscribeToEvents,
  talentloopTopology,
  type Relay,
} from '@talentloop/messaging';
import type { ReceivedEvent } from '@talentloop/contracts';
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEALED_IV_BYTES, SEALED_V1_PREFIX, type SealedOrigin } from '@talentloop/contracts';
import { LocalKeyEncryptionKey } from './local-key-encryption-key';
import { OpeningMessageBus } from './opening-message-bus';
import { PersonalDataCipher } from './personal-data-cipher';
import { eventSourceFor, ProtectedEventStore } from './protected-event-store';
import { SealedValueRefusedError } from './sealed-value';
import { SqliteSubjectKeyStore } from './sqlite/sqlite-subject-key-store';

const NAME = 'Wilhelmina Zwaanswijk-Oosterhout';
const EMAIL = 'wilhelmina.zwaanswijk@privacy-test.example';
const FEEDBACK = 'Wilhelmina, name the meetings where you will practise listening first.';

let folder: string;
let storePath: string;
/** What wraps the keys: one KEK for every store these tests open on a file. */
const kek = new LocalKeyEncryptionKey({ id: 'test', key: randomBytes(32) });
const opened: ProtectedEventStore[] = [];

/** The event store as a service opens it: protected, keys in the store's own file. */
const openStore = (): ProtectedEventStore => {
  const store = new ProtectedEventStore(
    new SqliteEventStore({ path: storePath }),
    new PersonalDataCipher(new SqliteSubjectKeyStore({ path: storePath, kek })),
  );
  opened.push(store);
  return store;
};

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'talentloop-privacy-'));
  storePath = join(folder, 'store.sqlite');
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Sealed as the first format was (v1: AES-256-GCM, AAD tenant/subject), its tag cut to `tagBytes`. */
const sealedV1 = (key: Buffer, plaintext: string, tagBytes = 16, aad = 'acme/emp-1001') => {
  const iv = randomBytes(SEALED_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag().subarray(0, tagBytes);
  return SEALED_V1_PREFIX + Buffer.concat([iv, tag, body]).toString('base64url');
};

const feedbackOrigin: SealedOrigin = { type: 'GoalRejected', field: 'feedback' };

describe('a sealed value', () => {
  const subject = { tenantId: 'acme', subjectId: 'emp-1' };

  it('opens with its whole tag, and is refused with a tag cut short', async () => {
    const keys = new SqliteSubjectKeyStore({ path: storePath, kek });
    try {
      const cipher = new PersonalDataCipher(keys);
      const key = await keys.keyFor(subject);
      if (key.kind !== 'key') throw new Error('no key was made');
      const sealed = (plaintext: string, tagBytes: number) =>
        sealedV1(key.key, plaintext, tagBytes, 'acme/emp-1');
      const open = (value: string) => cipher.openFields(subject, value, () => feedbackOrigin);
      expect(await open(sealed('kept', 16))).toBe('kept');
      // An empty value leaves nothing after a 4-byte tag: GCM without a fixed tag length
      // took those 4 bytes as the whole tag and opened it.
      await expect(open(sealed('', 4))).rejects.toThrow();
    } finally {
      await keys.close();
    }
  });
});

describe('a person’s data in the event store', () => {
  it('is stored sealed, field by field, and read back as plaintext', async () => {
    const store = openStore();

    await store.appendToStream(employeeStream, [synced()], { expectedRevision: 'no_stream' });

    const [stored] = await store.sealed.readStream(employeeStream);
    const data = stored.data as EmployeeSynced['data'];
    expect(data.displayName).toMatch(/^enc:v2:1:EmployeeSynced:displayName:[\w-]+$/);
    expect(data.email).toMatch(/^enc:v2:1:EmployeeSynced:email:[\w-]+$/);
    expect(data.departmentName).toBe('Operations');
    const [read] = await store.readStream(employeeStream);
    expect(read.data).toEqual(synced().data);
    expect(filesContain(NAME) || filesContain(EMAIL)).toBe(false);
  });

  it('is checked as plaintext before it is sealed', async () => {
    const store = openStore();

    const appending = store.appendToStream(employeeStream, [synced({ email: 'not an e-mail' })], {
      expectedRevision: 'no_stream',
    });

    await expect(appending).rejects.toBeInstanceOf(InvalidEventError);
    await expect(appending).rejects.toThrow('data.email');
  });

  it('opens in free text inside nested objects (check-in answers, manager notes) and leaves ids and figures alone', async () => {
    const store = openStore();

    await store.appendToStream(goalStream, [checkIn()], { expectedRevision: 'any' });

    const [stored] = await store.sealed.readStream(goalStream);
    expect(JSON.stringify(stored.data)).not.toContain('Wilhelmina');
    expect((stored.data as { durationMinutes: number }).durationMinutes).toBe(20);
    expect((await store.readStream(goalStream))[0].data).toEqual(checkIn().data);
  });
});

describe('a sealed value moved to where it does not belong', () => {
  /** The person's events as stored, and the store's key for them. */
  const storedPerson = async (store: ProtectedEventStore) => {
    await store.appendToStream(employeeStream, [synced()], { expectedRevision: 'no_stream' });
    await store.appendToStream(goalStream, [checkIn()], { expectedRevision: 'any' });
    const [person] = await store.sealed.readStream(employeeStream);
    const [answered] = await store.sealed.readStream(goalStream);
    return {
      person: person.data as EmployeeSynced['data'],
      answers: (answered.data as { answers: Record<string, string> }).answers,
    };
  };

  it('is refused in another field of the same person’s event', async () => {
    // given the person's name and e-mail as stored
    const store = openStore();
    const { person } = await storedPerson(store);

    // when someone who can write to the store swaps them in a new event about her
    const swapped = synced({ displayName: person.email, email: person.displayName });
    await store.sealed.appendToStream(employeeStream, [swapped], { expectedRevision: 'any' });

    // then reading it refuses the values instead of showing her e-mail as her name
    await expect(store.readStream(employeeStream)).rejects.toBeInstanceOf(SealedValueRefusedError);
  });

  it('is refused in another event type about the same person', async () => {
    // given her check-in answer as stored
    const store = openStore();
    const { answers } = await storedPerson(store);

    // when it is pasted into a motivation note about her
    const note = motivated(answers['whatWasDone']);
    await store.sealed.appendToStream(employeeStream, [note], { expectedRevision: 'any' });

    // then the note is refused where it is read
    await expect(store.readAll({ filter: { eventTypes: ['MotivationRecorded'] } })).rejects.toThrow(
      'a value sealed for CheckInLogged.answers.whatWasDone was found in MotivationRecorded.note',
    );
  });

  it('is refused where a read model opens it as another field, and left sealed where it keeps none', async () => {
    const store = openStore();
    const { answers } = await storedPerson(store);
    const answer = answers['whatWasDone'];
    const open = (value: unknown, origin: SealedOrigin | undefined) =>
      store.cipher.openFields(subject, value, () => origin);

    expect(await open(answer, { type: 'CheckInLogged', field: 'answers.whatWasDone' })).toBe(
      FEEDBACK,
    );
    await expect(open(answer, feedbackOrigin)).rejects.toBeInstanceOf(SealedValueRefusedError);
    expect(await open({ title: answer }, undefined)).toEqual({ title: answer });
  });

  it('typed in as plaintext is sealed like any other text, and reads back as typed', async () => {
    // given her check-in answer as stored (an integrator sees it so on the bus)
    const store = openStore();
    const { answers } = await storedPerson(store);
    const pasted = answers['whatWasDone'];

    // when someone enters it as her motivation note through the API
    await store.appendToStream(employeeStream, [motivated(pasted)], { expectedRevision: 'any' });

    // then it is stored sealed as a note, and reads as the string entered, not as her answer
    const [stored] = await store.sealed.readAll({ filter: { eventTypes: ['MotivationRecorded'] } });
    expect((stored.data as { note: string }).note).toMatch(/^enc:v2:1:MotivationRecorded:note:/);
    const [read] = await store.readAll({ filter: { eventTypes: ['MotivationRecorded'] } });
    expect((read.data as { note: string }).note).toBe(pasted);
  });
});

describe('a value sealed in the first format (v1, bound to tenant and subject only)', () => {
  it('still opens from the event store and in a read model', async () => {
    // given events stored before fields were bound
    const store = openStore();
    const created = await store.cipher.keys.keyFor(subject);
    if (created.kind !== 'key') throw new Error('no key was made');
    const old = synced({
      displayName: sealedV1(created.key, NAME),
      email: sealedV1(created.key, EMAIL),
    });
    await store.sealed.appendToStream(employeeStream, [old], { expectedRevision: 'no_stream' });

    // when they are read
    const [read] = await store.readStream(employeeStream);

    // then they open, as they always did
    expect(read.data).toEqual(synced().data);
    const origin = { type: 'EmployeeSynced', field: 'displayName' };
    const [stored] = await store.sealed.readStream(employeeStream);
    const sealedName = (stored.data as EmployeeSynced['data']).displayName;
    expect(await store.cipher.openFields(subject, sealedName, () => origin)).toBe(NAME);
  });
});

describe('the events a projection is fed', () => {
  it('are sealed when the projection keeps no personal data, and opened when it may', async () => {
    // given a person's events in the store
    const store = openStore();
    await store.appendToStream(employeeStream, [synced()], { expectedRevision: 'no_stream' });

    // when one projection keeps no personal data and another does not say
    const ignoring = eventSourceFor(store, [{ personalData: 'ignored' }]);
    const mixed = eventSourceFor(store, [{ personalData: 'ignored' }, {}]);

    // then the first reads the fields sealed (no key opened for it), the second opened
    const [sealed] = await ignoring.readAll();
    expect((sealed.data as EmployeeSynced['data']).displayName).toMatch(/^enc:v2:/);
    const [plain] = await mixed.readAll();
    expect((plain.data as EmployeeSynced['data']).displayName).toBe(NAME);
  });
});

describe('an erased person', () => {
  it('reads "[erased]" in every personal field, in this process and in a new one, and nothing else changes', async () => {
    const store = openStore();
    await store.appendToStream(employeeStream, [synced()], { expectedRevision: 'no_stream' });
    await store.appendToStream(goalStream, [checkIn()], { expectedRevision: 'any' });
    // Read once before: what this process opened (and remembers) goes with the key.
    expect((await store.readStream(employeeStream))[0].data).toEqual(synced().data);
    expect((await store.readStream(goalStream))[0].data).toEqual(checkIn().data);

    await store.cipher.erase(subject);

    for (const reader of [store, openStore()]) {
      const [person] = await reader.readStream(employeeStream);
      expect(person.data).toEqual({
        ...(synced().data as object),
        displayName: ERASED,
        email: ERASED,
      });
      const [answered] = await reader.readAll({ filter: { eventTypes: ['CheckInLogged'] } });
      expect(answered.data).toMatchObject({
        answers: { whatWasDone: ERASED, whatGoesWellAndWhatIsHard: ERASED, whatIsNext: ERASED },
        managerNotes: ERASED,
        durationMinutes: 20,
        onTime: true,
      });
    }
  });

  it('stays erased: what is written about them later is stored as "[erased]"', async () => {
    const store = openStore();
    await store.cipher.erase(subject);

    await store.appendToStream(employeeStream, [synced()], { expectedRevision: 'any' });

    const [stored] = await store.sealed.readStream(employeeStream);
    expect(stored.data).toMatchObject({ displayName: ERASED, email: ERASED });
  });

  it('reads the same page by page as event by event, keys cached or not, erased or not', async () => {
    const writer = openStore();
    const colleague = synced({ employeeId: 'emp-2002', displayName: 'Daan Jansen' });
    await writer.appendToStream(employeeStream, [synced()], { expectedRevision: 'no_stream' });
    await writer.appendToStream(colleagueStream, [colleague], { expectedRevision: 'no_stream' });
    await writer.appendToStream(goalStream, [checkIn()], { expectedRevision: 'any' });
    await writer.appendToStream(colleagueStream, [colleague], { expectedRevision: 'any' });
    const eventByEvent = async (store: ProtectedEventStore) =>
      Promise.all((await store.sealed.readAll()).map((event) => store.cipher.open(event)));

    // A new process (nothing cached), then one that has read everyone already.
    const reader = openStore();
    const before = await reader.readAll();
    expect(before.map((event) => event.data)).toEqual(
      (await eventByEvent(openStore())).map((event) => event.data),
    );
    expect(before[1].data).toEqual(colleague.data);
    expect((await reader.readAll()).map((event) => event.data)).toEqual(
      before.map((event) => event.data),
    );

    await writer.cipher.erase(subject);
    const after = await openStore().readAll();
    expect(after.map((event) => event.data)).toEqual(
      (await eventByEvent(openStore())).map((event) => event.data),
    );
    expect(after[0].data).toMatchObject({ displayName: ERASED, email: ERASED });
    expect(after[1].data).toEqual(colleague.data);
  });

  it('reads as JSON text what it reads parsed, text for text, before and after the erasure', async () => {
    // Given two people's sealed events, read once by a process that keeps their keys
    const writer = openStore();
    const colleague = synced({ employeeId: 'emp-2002', displayName: 'Daan Jansen' });
    await writer.appendToStream(employeeStream, [synced()], { expectedRevision: 'no_stream' });
    await writer.appendToStream(colleagueStream, [colleague], { expectedRevision: 'no_stream' });
    await writer.appendToStream(goalStream, [checkIn()], { expectedRevision: 'any' });
    const written = (events: readonly RecordedEvent[]) =>
      events.map((e) => ({
        id: e.id,
        dataJson: JSON.stringify(e.data),
        metadataJson: JSON.stringify(e.metadata),
      }));
    const text = (events: readonly RecordedEventJson[]) =>
      events.map(({ id, dataJson, metadataJson }) => ({ id, dataJson, metadataJson }));
    const reader = openStore();
    const before = await reader.readAllJson();
    expect(text(before)).toEqual(written(await openStore().readAll()));
    expect(JSON.parse(before[0].dataJson)).toMatchObject({ displayName: NAME, email: EMAIL });

    // When one of them is erased, the erasure recorded, and more is said about both
    await writer.cipher.erase(subject);
    const erasure: EventToAppend = {
      id: `evt-erased-${(nextId++).toString()}`,
      type: 'PersonErased',
      data: { employeeId: 'emp-1001', erasedAt: '2026-03-02T09:00:00.000Z' },
      metadata: metadata(),
    };
    await writer.appendToStream('identity.person-acme.emp-1001', [erasure], {
      expectedRevision: 'any',
    });
    await writer.appendToStream(goalStream, [checkIn()], { expectedRevision: 'any' });
    const again = synced({ employeeId: 'emp-2002', displayName: 'Daan Jansen' });
    await writer.appendToStream(colleagueStream, [again], { expectedRevision: 'any' });

    // Then the text is the parsed events written out, in the process that kept the key (the
    // erasure in the page drops it) and in a new one: erased fields "[erased]", others opened
    for (const store of [reader, openStore()]) {
      const after = await store.readAllJson();
      expect(text(after)).toEqual(written(await openStore().readAll()));
      expect(JSON.parse(after[0].dataJson)).toMatchObject({ displayName: ERASED, email: ERASED });
      expect(JSON.parse(after[1].dataJson)).toEqual(colleague.data);
      expect(after.at(-1)?.dataJson).toBe(JSON.stringify(again.data));
    }
  });

  it('leaves other people readable', async () => {
    const store = openStore();
    const colleague = synced({ employeeId: 'emp-2002', displayName: 'Daan Jansen' });
    await store.appendToStream(colleagueStream, [colleague], { expectedRevision: 'no_stream' });

    await store.cipher.erase(subject);

    expect((await store.readStream(colleagueStream))[0].data).toEqual(colleague.data);
  });

  it('is told to subscribers: a live subscription opens to "[erased]" after the erasure', async () => {
    const store = openStore();
    await store.appendToStream(employeeStream, [synced()], { expectedRevision: 'no_stream' });
    await store.cipher.erase(subject);
    const seen: RecordedEvent[] = [];

    const subscription = store.subscribeToAll({}, (event) => {
      seen.push(event);
    });
    await eventually(() => seen.length === 1);
    await subscription.stop();

    expect(seen[0].data).toMatchObject({ displayName: ERASED, email: ERASED });
  });
});

describe('a person’s data on the bus', () => {
  let relay: Relay | undefined;
  let checkpoints: SqliteCheckpointStore | undefined;

  afterEach(async () => {
    await relay?.stop();
    checkpoints?.close();
  });

  it('travels sealed (the relay publishes events as stored) and is opened for consumers', async () => {
    const store = openStore();
    const bus = new OpeningMessageBus(
      new EmbeddedMessageBus({ path: join(folder, 'bus.sqlite') }),
      store.cipher,
    );
    await bus.declareTopology(talentloopTopology());
    checkpoints = new SqliteCheckpointStore({ path: join(folder, 'relay.sqlite') });
    relay = startRelay({
      store: store.sealed,
      bus,
      checkpoints,
      name: 'privacy-test.assessment',
      context: 'assessment',
    });
    await store.appendToStream(employeeStream, [synced()], { expectedRevision: 'no_stream' });
    const received: ReceivedEvent[] = [];

    const consumer = await subscribeToEvents(bus, {
      groupId: 'privacy-test',
      contexts: ['assessment'],
      fromBeginning: true,
      handler: (event) => {
        received.push(event);
        return Promise.resolve();
      },
    });
    await eventually(() => received.length === 1);
    await consumer.stop();
    await bus.close();

    expect(received[0].data).toEqual(synced().data);
    expect(readFileSync(join(folder, 'bus.sqlite')).includes(NAME)).toBe(false);
    expect(filesContain(NAME) || filesContain(EMAIL)).toBe(false);
  });
});

const tenantId = 'acme';
const subject = { tenantId, subjectId: 'emp-1001' };
const employeeStream = 'assessment.employee-acme.emp-1001';
const colleagueStream = 'assessment.employee-acme.emp-2002';
const goalStream = 'planning.goal-acme.goal-3001';

const metadata = (): EventMetadata => ({
  tenantId,
  actorId: 'hr-1',
  occurredAt: '2026-03-01T09:00:00.000Z',
  schemaVersion: 1,
});

let nextId = 0;

const syncedExample = eventRegistry.current('EmployeeSynced')?.example as EmployeeSynced['data'];

const synced = (data: Partial<EmployeeSynced['data']> = {}): EventToAppend => ({
  id: `evt-synced-${(nextId++).toString()}`,
  type: 'EmployeeSynced',
  // The published example, about this test's person.
  data: { ...syncedExample, displayName: NAME, email: EMAIL, ...data },
  metadata: metadata(),
});

const motivationExample = eventRegistry.current('MotivationRecorded')?.example as object;

/** A motivation note about the test's person (stored on her employee stream, as assessment does). */
const motivated = (note: string): EventToAppend => ({
  id: `evt-motivated-${(nextId++).toString()}`,
  type: 'MotivationRecorded',
  data: { ...motivationExample, employeeId: 'emp-1001', note },
  metadata: metadata(),
});

const checkIn = (): EventToAppend => ({
  id: `evt-check-in-${(nextId++).toString()}`,
  type: 'CheckInLogged',
  data: {
    checkInId: 'chk-6001',
    goalId: 'goal-3001',
    employeeId: 'emp-1001',
    answers: {
      whatWasDone: FEEDBACK,
      whatGoesWellAndWhatIsHard: 'Wilhelmina finds it easy with peers.',
      whatIsNext: 'Wilhelmina practises in the kick-off.',
    },
    durationMinutes: 20,
    actionsTicked: [],
    nextDueAt: '2026-03-15T09:00:00.000Z',
    onTime: true,
    loggedBy: 'emp-0007',
    managerNotes: 'Wilhelmina listens first in stand-ups now.',
  },
  metadata: { ...metadata(), schemaVersion: 2 },
});

/** Whether any file of the folder (databases, WALs) holds the text, as UTF-8 bytes. */
const filesContain = (text: string): boolean =>
  readdirSync(folder).some((file) => readFileSync(join(folder, file)).includes(text));

const eventually = async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
