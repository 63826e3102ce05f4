import { createTransport } from 'nodemailer';
import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver';

const send = (receiver: SmtpReceiver, subject: string) =>
  createTransport(receiver.url).sendMail({
    from: 'noreply@talentloop.test',
    to: ['a@example.com', 'b@example.com'],
    subject,
    text: 'body',
  });

describe('startSmtpReceiver', () => {
  let receiver: SmtpReceiver;

  beforeEach(async () => {
    receiver = await startSmtpReceiver();
  });
  afterEach(() => receiver.close());

  it('listens on 127.0.0.1 and keeps each mail raw, parsed and with its envelope', async () => {
    await send(receiver, 'één');

    expect(receiver.url).toBe(`smtp://127.0.0.1:${receiver.port}`);
    const [mail] = await receiver.waitFor(1);
    expect(mail.envelope).toEqual({
      from: 'noreply@talentloop.test',
      to: ['a@example.com', 'b@example.com'],
    });
    expect(mail.parsed.subject).toBe('één');
    expect(mail.raw).toMatch(/^Content-Type: text\/plain; charset=utf-8\r$/m);
  });

  it('refuses the next mails as failNext says, then as failWith says, and keeps only the accepted', async () => {
    const strict = await startSmtpReceiver({
      failWith: ({ parsed }) =>
        parsed.subject === 'spam' ? { code: 554, message: '5.7.1 Rejected' } : undefined,
    });
    try {
      strict.failNext(421, '4.4.2 Too busy', 2);

      const outcomes = await Promise.allSettled(
        ['first', 'second', 'spam', 'fourth'].map((subject) => send(strict, subject)),
      );

      expect(
        outcomes.map((outcome) =>
          outcome.status === 'rejected' ? (outcome.reason as unknown) : false,
        ),
      ).toEqual([
        expect.objectContaining({ responseCode: 421 }),
        expect.objectContaining({ responseCode: 421 }),
        expect.objectContaining({ responseCode: 554, response: '554 5.7.1 Rejected' }),
        false,
      ]);
      expect(strict.messages.map(({ parsed }) => parsed.subject)).toEqual(['fourth']);
    } finally {
      await strict.close();
    }
  });

  it('waitFor rejects when the mails do not come in time', async () => {
    await send(receiver, 'one');

    await expect(receiver.waitFor(2, 50)).rejects.toThrow(
      'the SMTP receiver did not get 2 mails within 50 ms (1 accepted)',
    );
  });
});
