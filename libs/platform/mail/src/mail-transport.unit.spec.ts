import { measureMailThroughput } from './bench/mail-throughput';
import { failedOutcomeOf, redacted } from './mail-failure';
import { decodeHeaderValue } from './mailbox-listing';
import {
  createMailTransport,
  type MailTransport,
  type OutgoingMail,
  type SendOutcome,
} from './mail-transport';

const renee = { name: 'Renée Jansen', address: 'renee.jansen@example.com' };

describe('createMailTransport', () => {
  it('describes an SMTP server by scheme, host and port, never its credentials', () => {
    const described = (smtpUrl: string) => {
      const transport = createMailTransport({ smtpUrl, mailboxDir: 'unused' });
      void transport.close();
      return transport.description;
    };

    expect(described('smtp://mailer:s3cret@mail.example.com:2525?pool=true')).toBe(
      'smtp://mail.example.com:2525',
    );
    expect(described('smtps://mailer:s3cret@mail.example.com')).toBe(
      'smtps://mail.example.com:465',
    );
    expect(described('smtp://mail.example.com')).toBe('smtp://mail.example.com:587');
  });

  it('refuses a pool without connections', () => {
    expect(() =>
      createMailTransport({
        smtpUrl: 'smtp://mail.example.com',
        mailboxDir: '',
        maxConnections: 0,
      }),
    ).toThrow(RangeError);
  });
});

describe('a failed send', () => {
  it('is permanent for a 5xx reply, transient for 4xx, 503, no reply at all and a failed login', () => {
    const permanent = (error: object) =>
      (failedOutcomeOf(Object.assign(new Error('x'), error), renee) as { permanent: boolean })
        .permanent;

    expect(permanent({ code: 'EENVELOPE', responseCode: 550, permanent: true })).toBe(true);
    expect(permanent({ code: 'EMESSAGE', responseCode: 552 })).toBe(true);
    expect(permanent({ code: 'EMESSAGE', responseCode: 451, permanent: false })).toBe(false);
    expect(permanent({ code: 'EPROTOCOL', responseCode: 503, permanent: false })).toBe(false);
    expect(permanent({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' })).toBe(false);
    expect(permanent({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' })).toBe(false);
    expect(permanent({ code: 'EAUTH', responseCode: 535, permanent: true })).toBe(false);
  });

  it("gives codes and the server's reply as the reason, with no address or name in it", () => {
    const error = Object.assign(new Error(`Can't send mail to ${renee.address}`), {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      response: `550 5.1.1 <${renee.address}> (${renee.name}): user unknown; see postmaster@example.com`,
    });

    expect(failedOutcomeOf(error, renee)).toEqual({
      kind: 'failed',
      permanent: true,
      reason:
        'EENVELOPE after RCPT TO: 550 5.1.1 <redacted> (redacted): user unknown; see redacted',
    });
    expect(failedOutcomeOf({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, renee)).toEqual({
      kind: 'failed',
      permanent: false,
      reason: 'ESOCKET ECONNREFUSED',
    });
    expect(failedOutcomeOf(undefined, renee)).toMatchObject({ reason: 'EUNKNOWN' });
  });

  it('redacts addresses whatever stands around them', () => {
    expect(redacted('to:renee.jansen+goals@mail.example.com, "j.de.vries@example.nl"')).toBe(
      'to:redacted, "redacted"',
    );
  });
});

describe('decodeHeaderValue', () => {
  it('decodes B and Q words, joining a character split across two words', () => {
    const split = Buffer.from('Renée', 'utf8');
    const first = split.subarray(0, 4).toString('base64');
    const second = split.subarray(4).toString('base64');

    expect(decodeHeaderValue(`=?UTF-8?B?${first}?= =?UTF-8?B?${second}?= <r@example.com>`)).toBe(
      'Renée <r@example.com>',
    );
    expect(decodeHeaderValue('=?utf-8?Q?=C3=A9=C3=A9n_stap?= verder')).toBe('één stap verder');
    expect(decodeHeaderValue('=?ISO-8859-1?Q?Ren=E9e?= Jansen')).toBe('Renée Jansen');
    expect(decodeHeaderValue('plain text')).toBe('plain text');
  });
});

describe('measureMailThroughput', () => {
  const mail = (index: number) => ({ messageId: `mail_${index}@talentloop` }) as OutgoingMail;
  /** A transport that takes a millisecond per mail and answers `outcome`. */
  const fakeTransport = (outcome: (mail: OutgoingMail) => SendOutcome) => {
    const sent: string[] = [];
    let inFlight = 0;
    let peak = 0;
    const transport: MailTransport = {
      description: 'fake',
      send: async (mail) => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
        sent.push(mail.messageId);
        return outcome(mail);
      },
      close: () => Promise.resolve(),
    };
    return { transport, sent, peak: () => peak };
  };

  it('sends every mail with at most concurrency in flight, and reports the rate', async () => {
    const { transport, sent, peak } = fakeTransport(() => ({ kind: 'sent', response: '250 OK' }));

    const result = await measureMailThroughput({
      transport,
      count: 40,
      concurrency: 8,
      makeMail: mail,
    });

    expect(result).toEqual({
      mails: 40,
      seconds: expect.any(Number),
      perSecond: 40 / result.seconds,
    });
    expect(new Set(sent).size).toBe(40);
    expect(peak()).toBe(8);
  });

  it('fails loudly when a mail failed, after every outcome came in', async () => {
    const { transport, sent } = fakeTransport(({ messageId }) =>
      messageId === 'mail_3@talentloop'
        ? { kind: 'failed', permanent: false, reason: 'EMESSAGE after DATA: 451 later' }
        : { kind: 'sent', response: '250 OK' },
    );

    await expect(
      measureMailThroughput({ transport, count: 10, concurrency: 4, makeMail: mail }),
    ).rejects.toThrow(
      '1 of 10 mails through fake failed; the first: EMESSAGE after DATA: 451 later',
    );
    expect(sent).toHaveLength(10);
    await expect(
      measureMailThroughput({ transport, count: 0, concurrency: 4, makeMail: mail }),
    ).rejects.toThrow(RangeError);
  });
});
