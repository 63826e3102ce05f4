import type { Catalogue } from './en';

/** Dutch: the same keys as the English catalogue, in plain Dutch a manager or employee reads. */
export const nl: Catalogue = {
  smart: {
    property: {
      specific: 'specifiek',
      measurable: 'meetbaar',
      achievable: 'haalbaar',
      acceptable: 'acceptabel',
      relevant: 'relevant',
      'time-bound': 'tijdgebonden',
    },
    failure: '{{property}}: {{explanation}}',
    specific: {
      behaviourVague:
        'het gedrag dat je wilt ontwikkelen is niet concreet beschreven (minstens een korte zin)',
      situationMissing: 'de werksituatie waarin je het gedrag oefent is niet beschreven',
      unknownIndicators_one: '{{ids}} is geen indicator van {{target}} in het competentiemodel',
      unknownIndicators_other:
        '{{ids}} zijn geen indicatoren van {{target}} in het competentiemodel',
      wholeCompetency:
        'het doel richt zich op de hele competentie terwijl de meting de zwakke indicatoren toont ({{weakest}}); richt je daarop',
      strongerTargets_one:
        '{{ids}} hoort niet bij de zwakkere indicatoren ({{weakest}}); richt je daarop, of leg in de motivatie uit waarom juist deze',
      strongerTargets_other:
        '{{ids}} horen niet bij de zwakkere indicatoren ({{weakest}}); richt je daarop, of leg in de motivatie uit waarom juist deze',
      passed: 'noemt het gedrag, de werksituatie en waar het doel zich op richt',
    },
    measurable: {
      noCriterion:
        'er is geen succescriterium met een instrument, een maatstaf en een streefwaarde',
      noIndicator: 'criterium {{criterion}} leest een indicatorscore maar noemt geen indicator',
      passed:
        '{{criteria}} succescriterium/-criteria, elk met instrument, maatstaf en streefwaarde',
      evidenceOnCompetency:
        'criterium {{criterion}} wordt met een bewijsstuk behaald, maar een competentie groeit in gedrag: lees het af uit een meting (een bewijsstuk past bij een vaardigheid, certificering of kennisgebied)',
      passedWithEvidence:
        '{{criteria}} succescriterium/-criteria, elk gemeten criterium met instrument, maatstaf en streefwaarde, elk ander met het bewijsstuk dat het aantoont',
    },
    achievable: {
      noActions:
        'geen enkele actie zegt hoe je het gedrag oefent; voeg minstens één actie in het werk toe',
      onlyFormal:
        'alleen formeel leren: een training of boek alleen verandert zelden gedrag op het werk; voeg minstens één actie in het werk toe waarin je het oefent',
      aboveAptitude: 'criterium {{criterion}} mikt op {{target}}, boven de aanleg van {{aptitude}}',
      tooMuchGrowth:
        'criterium {{criterion}} vraagt {{growth}} punten groei (van {{baseline}} naar {{target}}) in {{months, number(minimumFractionDigits: 1)}} maanden; hooguit {{rate}} punten per maand is realistisch ({{reachable}})',
      unbounded:
        'geen meting van {{target}} begrenst de streefwaarden; de manager beoordeelt de haalbaarheid',
      passed:
        'de streefwaarden blijven binnen de aanleg van {{aptitude}} en {{rate}} punten groei per maand{{measuredBy}}',
      measuredByInstrument: ' (gemeten met {{instrument}} op {{date}})',
      measuredByMeasurement: ' (meting {{measurementId}})',
    },
    relevant: {
      unmotivated:
        '{{target}} staat niet in het rolprofiel en geen motivatie legt uit waarom het ertoe doet',
      required: 'het rolprofiel vraagt {{target}} op niveau {{level}}',
      motivated: 'de medewerker heeft gezegd waarom het voor hem of haar belangrijk is',
    },
    acceptable: {
      notAgreed:
        'de medewerker heeft nog niet ingestemd met het doel zoals het nu is: leg de instemming vast en waarom het belangrijk is (POST /goals/{id}/agreement); na een wijziging van het doel is opnieuw instemming nodig',
      passed:
        'de medewerker heeft ingestemd met deze versie van het doel en gezegd waarom het belangrijk is',
    },
    timeBound: {
      outside:
        'deadline {{deadline}} valt buiten de periode {{earliest}} – {{latest}} ({{min}}–{{max}} maanden)',
      passed: 'deadline {{deadline}} valt binnen {{min}}–{{max}} maanden',
      adjustedOutside:
        'de aangepaste deadline {{deadline}} ligt niet tussen vandaag en {{latest}} ({{max}} maanden)',
      adjustedPassed:
        'de aangepaste deadline {{deadline}} ligt in de toekomst, binnen {{max}} maanden',
    },
  },
  gap: {
    verdict: {
      meets: 'voldoet aan wat de rol vraagt',
      candidate:
        'onder wat de rol vraagt, met ruimte om te groeien: een kandidaat voor ontwikkeling',
      fit: 'onder wat de rol vraagt, maar de aanleg laat weinig ruimte: een vraag van passendheid, geen doel',
    },
    reason: {
      impact: '{{name}} weegt {{weight}} in het rolprofiel (de zwaarste eis weegt {{heaviest}}).',
      requirement:
        'Gedrag {{behaviour}} ligt {{gap}} punten onder niveau {{level}} ({{score}}) dat de rol vraagt.',
      roomToGrow: 'Aanleg {{aptitude}} laat {{room}} punten ruimte om te groeien.',
      noRoom:
        'Aanleg {{aptitude}} ligt niet boven gedrag {{behaviour}}: groei is onwaarschijnlijk.',
      noMotivation: 'Geen motivatie vastgelegd voor {{name}}; energie telt neutraal.',
      energy: 'De medewerker geeft zijn of haar energie voor {{name}} een {{energy}} van de 5.',
    },
  },
  planning: {
    goalNotFound: 'er is geen doel met dit id',
    planNotFound: 'er is geen plan met dit id',
    notSmartYet: 'het doel is nog niet SMART: {{failures}}',
    adjustedNotSmart: 'het aangepaste doel is niet SMART: {{failures}}',
    managerNotes: 'de medewerker kan de notities van de manager niet schrijven',
    agreementIsOwn: 'alleen de medewerker zelf kan met het eigen doel instemmen',
    unknownAction: 'het doel heeft geen actie {{actionId}}',
    actionAlreadyDone: 'actie {{actionId}} is al afgerond',
    notAnAdjustment:
      '{{kind}} {{competencyId}} is een ander ontwikkeldoel dan {{current}}: trek dit doel in en stel een nieuw op',
    nothingMeasured:
      'er is sinds de nulmeting niets gemeten: leg eerst een meting van het ontwikkeldoel vast',
    noEvidence:
      'er is nog geen bewijsstuk voor het doel vastgelegd: de criteria worden met bewijs behaald, dus leg eerst het certificaat, de cursusafronding, het werkvoorbeeld of de verklaring vast',
    unknownCriterion: 'het doel heeft geen succescriterium {{criterionId}}',
    notAnEvidenceCriterion:
      'criterium {{criterionId}} wordt gemeten, niet met een bewijsstuk behaald: een meting van het ontwikkeldoel beoordeelt het',
    evidenceInTheFuture:
      'een bewijsstuk behaald op {{obtainedOn}} kan niet op {{today}} worden vastgelegd: leg het vast zodra het behaald is',
    planClosed:
      'het plan is gesloten op {{closedAt}}: een nieuw doel hoort in het plan van de volgende cyclus',
    ownPlan: 'de medewerker kan het eigen plan niet sluiten',
    activeGoalCap:
      'de medewerker heeft al {{held}} actieve of ingediende doel(en); de organisatie staat er {{max}} tegelijk toe — rond er eerst een af of trek er een in',
  },
  approval: {
    requestNotFound: 'er is geen goedkeuringsverzoek met dit id',
    status: {
      pending: 'in behandeling',
      approved: 'goedgekeurd',
      rejected: 'afgewezen',
      withdrawn: 'ingetrokken',
    },
    notPending: 'het verzoek is {{status}} en wacht niet op een besluit',
    staleSubmission:
      'indiening {{submission}} is niet degene die op een besluit wacht ({{awaiting}})',
    ownGoal: 'een medewerker kan niet besluiten over een eigen doel',
    noManagerHrDecides:
      'de medewerker heeft geen manager: HR besluit als vervanger tot het HR-systeem er een noemt',
    onlyManagerOrHr:
      'alleen de huidige manager van de medewerker ({{managerId}}) of HR als vervanger mag besluiten',
    otherTenant: 'het goedkeuringsverzoek hoort bij een andere organisatie',
    feedbackPlaceholder:
      'de feedback is leeg of een opvuller; zeg wat de medewerker moet veranderen',
    feedbackTooShort:
      'de feedback moet minstens {{min}} tekens lang zijn; zeg wat de medewerker moet veranderen',
    feedbackTooFewWords:
      'de feedback moet minstens {{min}} verschillende woorden gebruiken; zeg wat de medewerker moet veranderen',
    feedbackTooLong:
      'feedback op een aanpassing mag hoogstens {{max}} tekens lang zijn; de medewerker leest hem als reden',
    cadenceRequired:
      'een doel goedkeuren vraagt om een ritme van voortgangsgesprekken: wekelijks, tweewekelijks of maandelijks',
    cadenceNotForAdjustment:
      'een aanpassing houdt het ritme van voortgangsgesprekken van het doel; keur haar goed zonder ritme',
  },
  assessment: {
    employeeNotFound:
      'medewerker {{employeeId}} is onbekend; synchroniseer die eerst vanuit het HRIS',
    frameworkNotPublished: 'competentiemodel {{frameworkId}} is niet gepubliceerd',
    frameworkVersionNotPublished:
      'competentiemodel {{frameworkId}} versie {{version}} is niet gepubliceerd',
    roleProfileMissing:
      'rol {{roleId}} heeft geen rolprofiel; leg dat vast voordat je ertegen meet',
    noBaseline:
      'er is geen nulmeting van {{competencyId}} voor {{employeeId}} om mee te vergelijken',
    aptitudeUnknownIn360:
      'een 360°-ronde meet alleen gedrag; geef de aanleg op {{competencyId}} op of meet die eerst',
    aptitudeUnknownInObservation:
      'een observatie door de manager scoort alleen gedrag; meet eerst de aanleg op {{competencyId}}',
    selfObservation:
      'niemand legt een managerobservatie van zichzelf vast; dat is een zelfevaluatie',
    roleProfileNotFound: 'rol {{roleId}} heeft geen rolprofiel',
  },
  problem: {
    unauthenticated: 'een geldig bearer-token is nodig',
    forbiddenRoles: 'hiervoor is een van deze rollen nodig: {{roles}}',
    fieldsInvalid: '{{fields}} veld(en) zijn ongeldig',
    partInvalid: 'de {{part}} is ongeldig',
    changedBySomeoneElse:
      'iemand anders heeft dit intussen gewijzigd; laad opnieuw en probeer het nog eens',
    eventStoreUnavailable: 'de event store is niet beschikbaar; probeer het later opnieuw',
    catchingUp: 'de service haalt zijn events in; probeer het zo opnieuw',
    unexpected: 'er ging onverwacht iets mis',
  },
};
