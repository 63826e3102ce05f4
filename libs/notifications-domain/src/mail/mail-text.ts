import type { MailKind, MailLanguage, MailRole } from './mail.types';

/**
 * The words of the e-mails, one table per language: what happened, what to do, and the
 * fixed lines around them. Values come in already formatted and are plain text; escaping for
 * HTML is the renderer's job, so no wording here contains markup.
 */

/** What a template may mention; each kind's required facts are checked before it is used. */
export interface WordingFacts {
  /** The employee whose goal it is, as a sentence begins: a name, or a neutral "An employee". */
  readonly About: string;
  /** The same within a sentence: a name, or "an employee". */
  readonly about: string;
  readonly pendingDays: number;
  /** The check-in's due time, formatted for the language. */
  readonly due: string;
  /** The start the overdue check-in's invite proposes, formatted for the language. */
  readonly proposed: string;
  readonly minutes: number;
  /** The goal's deadline, formatted for the language. */
  readonly deadline: string;
}

export interface MailWording {
  readonly subject: string;
  /** What happened. */
  readonly happened: string;
  /** What the recipient can do about it. */
  readonly todo: string;
}

type Template = (facts: WordingFacts) => MailWording;

/** A template per role where the wording differs; HR reads the manager's wording otherwise. */
interface KindTemplates {
  readonly employee: Template;
  readonly manager: Template;
  readonly hr?: Template;
}

export interface LanguageTexts {
  /** The BCP 47 locale dates are formatted in. */
  readonly locale: string;
  readonly someone: { readonly start: string; readonly within: string };
  readonly greeting: (name: string) => string;
  readonly openGoal: string;
  readonly openApproval: string;
  readonly utc: string;
  readonly days: (count: number) => string;
  /** Why the recipient gets these e-mails at all, by role. */
  readonly because: Readonly<Record<MailRole, string>>;
  readonly unsubscribe: string;
  readonly checkIn: {
    readonly summary: (role: MailRole, about: string | null) => string;
    readonly questionsIntro: string;
    readonly questions: readonly [string, string, string];
  };
  readonly digest: {
    readonly subject: (day: string, count: number) => string;
    readonly intro: string;
    readonly due: string;
    readonly because: string;
  };
  readonly kinds: Readonly<Record<MailKind, KindTemplates>>;
}

const en: LanguageTexts = {
  locale: 'en-GB',
  someone: { start: 'An employee', within: 'an employee' },
  greeting: (name) => `Hi ${name},`,
  openGoal: 'Open the goal',
  openApproval: 'Open the approval request',
  utc: 'UTC',
  days: (count) => `${count} ${count === 1 ? 'day' : 'days'}`,
  because: {
    employee: 'You get this e-mail because you have a development plan in Talentloop.',
    manager: 'You get this e-mail because you are the manager in a development plan in Talentloop.',
    hr: 'You get this e-mail because you are an HR contact for development plans in Talentloop.',
  },
  unsubscribe: 'Unsubscribe',
  checkIn: {
    summary: (role, about) =>
      role === 'employee'
        ? 'Check-in on your development goal'
        : `Check-in with ${about ?? 'an employee'}`,
    questionsIntro: 'Three questions for the check-in:',
    questions: [
      'What did you do since the last check-in?',
      'What goes well, and what is hard?',
      'What will you do next?',
    ],
  },
  digest: {
    subject: (day, count) => `Talentloop: ${count} ${count === 1 ? 'update' : 'updates'} of ${day}`,
    intro: 'Here is what happened in Talentloop:',
    due: 'Due',
    because:
      'You get this e-mail because you chose one daily e-mail for your Talentloop notifications.',
  },
  kinds: {
    'approval-requested': {
      employee: () => ({
        subject: 'Your goal was submitted for approval',
        happened: 'Your development goal was sent to your manager for approval.',
        todo: 'You get an e-mail as soon as your manager decides.',
      }),
      manager: ({ About }) => ({
        subject: `${About} submitted a goal for your approval`,
        happened: `${About} submitted a development goal and asks for your approval.`,
        todo: 'Read the goal, then approve it, or reject it with feedback so it can be revised.',
      }),
      hr: ({ About }) => ({
        subject: `${About} submitted a goal for approval`,
        happened: `${About} submitted a development goal for approval by their manager.`,
        todo: 'As HR you can decide as delegate when the manager cannot.',
      }),
    },
    'adjustment-approval-requested': {
      employee: () => ({
        subject: 'Your goal adjustment awaits agreement',
        happened: 'Your adjustment of a development goal was sent to your manager for agreement.',
        todo: 'You get an e-mail as soon as your manager decides; until then the goal stays as it was.',
      }),
      manager: ({ About }) => ({
        subject: `${About} proposes an adjustment to a goal`,
        happened: `${About} proposes an adjustment to an active development goal and asks for your agreement.`,
        todo: 'Read the adjustment, then agree to it, or reject it with feedback.',
      }),
      hr: ({ About }) => ({
        subject: `${About} proposes an adjustment to a goal`,
        happened: `${About} proposes an adjustment to an active development goal, for their manager to agree to.`,
        todo: 'As HR you can decide as delegate when the manager cannot.',
      }),
    },
    'goal-approved': {
      employee: () => ({
        subject: 'Your goal was approved',
        happened: 'Your manager approved your development goal: it is active now.',
        todo: 'Start with its actions; check-ins follow on the cadence you chose.',
      }),
      manager: ({ about }) => ({
        subject: `Goal of ${about} approved`,
        happened: `The development goal of ${about} was approved and is active now.`,
        todo: 'Check-ins follow on the cadence of the goal.',
      }),
    },
    'goal-rejected': {
      employee: () => ({
        subject: 'Your goal needs another look',
        happened: 'Your manager did not approve your development goal yet, and gave this feedback:',
        todo: 'Revise the goal with the feedback in mind and submit it again.',
      }),
      manager: ({ about }) => ({
        subject: `Goal of ${about} returned for revision`,
        happened: `The development goal of ${about} was rejected with this feedback:`,
        todo: 'It can be revised and submitted again.',
      }),
    },
    'check-in-due': {
      employee: ({ due, minutes }) => ({
        subject: `Check-in on your goal due ${due}`,
        happened: `A check-in on your development goal is due on ${due}.`,
        todo: `Take ${minutes} minutes with your manager for it. The attached invite holds that time; move it if another time suits you both better.`,
      }),
      manager: ({ about, due, minutes }) => ({
        subject: `Check-in with ${about} due ${due}`,
        happened: `A check-in with ${about} on a development goal is due on ${due}.`,
        todo: `Take ${minutes} minutes for it. The attached invite holds that time; move it if another time suits you both better.`,
      }),
    },
    'check-in-overdue': {
      employee: ({ due, proposed }) => ({
        subject: 'Check-in on your goal is overdue',
        happened: `A check-in on your development goal was due on ${due}, and none was logged.`,
        todo: `Plan it soon: the attached invite proposes ${proposed}. Log the check-in in Talentloop once you have had it.`,
      }),
      manager: ({ about, due, proposed }) => ({
        subject: `Check-in with ${about} is overdue`,
        happened: `A check-in with ${about} on a development goal was due on ${due}, and none was logged.`,
        todo: `Plan it soon: the attached invite proposes ${proposed}.`,
      }),
    },
    'approval-overdue': {
      employee: ({ pendingDays }) => ({
        subject: `Your goal has waited ${en.days(pendingDays)} for approval`,
        happened: `Your development goal has waited ${en.days(pendingDays)} for your manager's decision.`,
        todo: 'You could bring it up with your manager.',
      }),
      manager: ({ about, pendingDays }) => ({
        subject: `Goal of ${about} awaits your approval for ${en.days(pendingDays)}`,
        happened: `The development goal of ${about} has waited ${en.days(pendingDays)} for your decision.`,
        todo: 'Approve it, or reject it with feedback, so the plan can move on.',
      }),
      hr: ({ about, pendingDays }) => ({
        subject: `Goal of ${about} awaits approval for ${en.days(pendingDays)}`,
        happened: `The development goal of ${about} has waited ${en.days(pendingDays)} for a decision by the manager.`,
        todo: 'Remind the manager, or decide as delegate.',
      }),
    },
    'remeasurement-due': {
      employee: ({ deadline }) => ({
        subject: 'Time to remeasure your goal',
        happened: `Your development goal reached its deadline of ${deadline}.`,
        todo: 'Remeasure with the same instrument as the baseline, so the comparison shows your growth.',
      }),
      manager: ({ about, deadline }) => ({
        subject: `Goal of ${about} is due for remeasurement`,
        happened: `The development goal of ${about} reached its deadline of ${deadline}.`,
        todo: 'Arrange a remeasurement with the same instrument as the baseline, so the comparison shows the growth.',
      }),
    },
  },
};

const nl: LanguageTexts = {
  locale: 'nl-NL',
  someone: { start: 'Een medewerker', within: 'een medewerker' },
  greeting: (name) => `Hoi ${name},`,
  openGoal: 'Open het doel',
  openApproval: 'Open de goedkeuringsaanvraag',
  utc: 'UTC',
  days: (count) => `${count} ${count === 1 ? 'dag' : 'dagen'}`,
  because: {
    employee: 'Je krijgt deze e-mail omdat je een ontwikkelplan hebt in Talentloop.',
    manager:
      'Je krijgt deze e-mail omdat je leidinggevende bent bij een ontwikkelplan in Talentloop.',
    hr: 'Je krijgt deze e-mail omdat je HR-contactpersoon bent voor ontwikkelplannen in Talentloop.',
  },
  unsubscribe: 'Afmelden',
  checkIn: {
    summary: (role, about) =>
      role === 'employee'
        ? 'Check-in over je ontwikkeldoel'
        : `Check-in met ${about ?? 'een medewerker'}`,
    questionsIntro: 'Drie vragen voor de check-in:',
    questions: [
      'Wat heb je gedaan sinds de vorige check-in?',
      'Wat gaat goed, en wat is lastig?',
      'Wat ga je hierna doen?',
    ],
  },
  digest: {
    subject: (day, count) =>
      `Talentloop: ${count} ${count === 1 ? 'update' : 'updates'} van ${day}`,
    intro: 'Dit is er gebeurd in Talentloop:',
    due: 'Gepland op',
    because:
      'Je krijgt deze e-mail omdat je hebt gekozen voor één e-mail per dag met je Talentloop-meldingen.',
  },
  kinds: {
    'approval-requested': {
      employee: () => ({
        subject: 'Je doel is ter goedkeuring ingediend',
        happened: 'Je ontwikkeldoel is naar je leidinggevende gestuurd ter goedkeuring.',
        todo: 'Je krijgt een e-mail zodra je leidinggevende heeft besloten.',
      }),
      manager: ({ About }) => ({
        subject: `${About} heeft een doel ter goedkeuring ingediend`,
        happened: `${About} heeft een ontwikkeldoel ingediend en vraagt je om goedkeuring.`,
        todo: 'Lees het doel en keur het goed, of wijs het af met feedback zodat het herzien kan worden.',
      }),
      hr: ({ About }) => ({
        subject: `${About} heeft een doel ter goedkeuring ingediend`,
        happened: `${About} heeft een ontwikkeldoel ingediend ter goedkeuring door de leidinggevende.`,
        todo: 'Als HR kun je namens de leidinggevende beslissen als die dat niet kan.',
      }),
    },
    'adjustment-approval-requested': {
      employee: () => ({
        subject: 'Je aanpassing van een doel wacht op akkoord',
        happened:
          'Je aanpassing van een ontwikkeldoel is naar je leidinggevende gestuurd voor akkoord.',
        todo: 'Je krijgt een e-mail zodra je leidinggevende heeft besloten; tot dan blijft het doel zoals het was.',
      }),
      manager: ({ About }) => ({
        subject: `${About} stelt een aanpassing van een doel voor`,
        happened: `${About} stelt een aanpassing van een actief ontwikkeldoel voor en vraagt je akkoord.`,
        todo: 'Lees de aanpassing en ga akkoord, of wijs haar af met feedback.',
      }),
      hr: ({ About }) => ({
        subject: `${About} stelt een aanpassing van een doel voor`,
        happened: `${About} stelt een aanpassing van een actief ontwikkeldoel voor, ter akkoord door de leidinggevende.`,
        todo: 'Als HR kun je namens de leidinggevende beslissen als die dat niet kan.',
      }),
    },
    'goal-approved': {
      employee: () => ({
        subject: 'Je doel is goedgekeurd',
        happened: 'Je leidinggevende heeft je ontwikkeldoel goedgekeurd: het is nu actief.',
        todo: 'Begin met de acties; de check-ins volgen in het ritme dat je hebt gekozen.',
      }),
      manager: ({ about }) => ({
        subject: `Doel van ${about} goedgekeurd`,
        happened: `Het ontwikkeldoel van ${about} is goedgekeurd en is nu actief.`,
        todo: 'De check-ins volgen in het ritme van het doel.',
      }),
    },
    'goal-rejected': {
      employee: () => ({
        subject: 'Je doel heeft nog aandacht nodig',
        happened:
          'Je leidinggevende heeft je ontwikkeldoel nog niet goedgekeurd en gaf deze feedback:',
        todo: 'Herzie het doel met de feedback in gedachten en dien het opnieuw in.',
      }),
      manager: ({ about }) => ({
        subject: `Doel van ${about} teruggestuurd ter herziening`,
        happened: `Het ontwikkeldoel van ${about} is afgewezen met deze feedback:`,
        todo: 'Het kan herzien en opnieuw ingediend worden.',
      }),
    },
    'check-in-due': {
      employee: ({ due, minutes }) => ({
        subject: `Check-in over je doel gepland op ${due}`,
        happened: `Er staat een check-in over je ontwikkeldoel gepland op ${due}.`,
        todo: `Neem er ${minutes} minuten voor met je leidinggevende. De bijgevoegde uitnodiging houdt die tijd vrij; verzet haar als een ander moment jullie beter past.`,
      }),
      manager: ({ about, due, minutes }) => ({
        subject: `Check-in met ${about} gepland op ${due}`,
        happened: `Er staat een check-in met ${about} over een ontwikkeldoel gepland op ${due}.`,
        todo: `Neem er ${minutes} minuten voor. De bijgevoegde uitnodiging houdt die tijd vrij; verzet haar als een ander moment jullie beter past.`,
      }),
    },
    'check-in-overdue': {
      employee: ({ due, proposed }) => ({
        subject: 'Check-in over je doel is verlopen',
        happened: `Er stond een check-in over je ontwikkeldoel gepland op ${due}, en er is er geen vastgelegd.`,
        todo: `Plan hem snel: de bijgevoegde uitnodiging stelt ${proposed} voor. Leg de check-in vast in Talentloop als je hem gehad hebt.`,
      }),
      manager: ({ about, due, proposed }) => ({
        subject: `Check-in met ${about} is verlopen`,
        happened: `Er stond een check-in met ${about} over een ontwikkeldoel gepland op ${due}, en er is er geen vastgelegd.`,
        todo: `Plan hem snel: de bijgevoegde uitnodiging stelt ${proposed} voor.`,
      }),
    },
    'approval-overdue': {
      employee: ({ pendingDays }) => ({
        subject: `Je doel wacht al ${nl.days(pendingDays)} op goedkeuring`,
        happened: `Je ontwikkeldoel wacht al ${nl.days(pendingDays)} op het besluit van je leidinggevende.`,
        todo: 'Je kunt het bij je leidinggevende aankaarten.',
      }),
      manager: ({ about, pendingDays }) => ({
        subject: `Doel van ${about} wacht al ${nl.days(pendingDays)} op je goedkeuring`,
        happened: `Het ontwikkeldoel van ${about} wacht al ${nl.days(pendingDays)} op je besluit.`,
        todo: 'Keur het goed, of wijs het af met feedback, zodat het plan verder kan.',
      }),
      hr: ({ about, pendingDays }) => ({
        subject: `Doel van ${about} wacht al ${nl.days(pendingDays)} op goedkeuring`,
        happened: `Het ontwikkeldoel van ${about} wacht al ${nl.days(pendingDays)} op een besluit van de leidinggevende.`,
        todo: 'Herinner de leidinggevende eraan, of beslis namens hem of haar.',
      }),
    },
    'remeasurement-due': {
      employee: ({ deadline }) => ({
        subject: 'Tijd om je doel opnieuw te meten',
        happened: `Je ontwikkeldoel heeft zijn deadline van ${deadline} bereikt.`,
        todo: 'Meet opnieuw met hetzelfde instrument als de nulmeting, zodat de vergelijking je groei laat zien.',
      }),
      manager: ({ about, deadline }) => ({
        subject: `Doel van ${about} is toe aan een hermeting`,
        happened: `Het ontwikkeldoel van ${about} heeft zijn deadline van ${deadline} bereikt.`,
        todo: 'Regel een hermeting met hetzelfde instrument als de nulmeting, zodat de vergelijking de groei laat zien.',
      }),
    },
  },
};

export const mailTexts: Readonly<Record<MailLanguage, LanguageTexts>> = { en, nl };

/** The wording of one kind of mail for one role, in one language. */
export const wordingOf = (
  language: MailLanguage,
  kind: MailKind,
  role: MailRole,
  facts: WordingFacts,
): MailWording => {
  const templates = mailTexts[language].kinds[kind];
  const template = role === 'hr' ? (templates.hr ?? templates.manager) : templates[role];
  return template(facts);
};

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const formatIn = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${locale}|${JSON.stringify(options)}`;
  const format = dateTimeFormats.get(key) ?? new Intl.DateTimeFormat(locale, options);
  dateTimeFormats.set(key, format);
  return format;
};

/** A moment, in UTC and said so: recipients are in different time zones, the mail is one. */
export const formatDateTime = (language: MailLanguage, moment: Date): string => {
  const { locale, utc } = mailTexts[language];
  const format = formatIn(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  return `${format.format(moment)} ${utc}`;
};

/** A calendar day (a deadline, the day of a digest), read in UTC. */
export const formatDate = (language: MailLanguage, day: Date): string =>
  formatIn(mailTexts[language].locale, { dateStyle: 'long', timeZone: 'UTC' }).format(day);
