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
    illegalTransition: '{{goal}} {{action}}',
    phase: {
      draft: 'een conceptdoel',
      submitted: 'een ingediend doel',
      revised: 'een doel in herziening',
      rejected: 'een afgewezen doel',
      active: 'een actief doel',
      evaluated: 'een beoordeeld doel',
      withdrawn: 'een ingetrokken doel',
    },
    action: {
      adjusted: 'kan niet worden aangepast',
      agreedTo: 'kan geen instemming krijgen',
      carriedOver: 'kan niet worden meegenomen',
      checkedInOn: 'kan geen check-in krijgen',
      edited: 'kan niet worden bewerkt',
      evaluated: 'kan niet worden beoordeeld',
      givenActions: 'kan geen acties krijgen',
      givenEvidence: 'kan geen bewijs krijgen',
      progressed: 'kan niet worden voortgezet',
      setBack: 'kan niet worden teruggezet door een weigering',
      submitted: 'kan niet worden ingediend',
      withdrawn: 'kan niet worden ingetrokken',
    },
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
  notifications: {
    subscriptionNotFound: 'er is geen webhookabonnement met dit id',
    subscriptionDeleted: 'het webhookabonnement is verwijderd op {{deletedAt}}',
    subscriptionExists: 'er bestaat al een webhookabonnement met dit id',
    secretOverlapInvalid:
      'het vorige geheim ondertekent nog een geheel aantal seconden van 0 tot {{max}}; gekregen: {{overlapSeconds}}',
    deliveryNotFound: 'dit abonnement heeft geen aflevering {{deliveryId}}',
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
  drafting: {
    prompt: {
      system:
        'Je helpt medewerkers SMART-ontwikkeldoelen te schrijven. Oefenen in het werk komt eerst; combineer formeel leren met oefenen. Streefwaarden blijven binnen de aanleg en groeien realistisch. Noem alleen indicator-id’s uit indicatorsPerLevel. Antwoord met alleen één JSON-object, met de teksten in het Nederlands.',
      task: 'Stel één SMART-ontwikkeldoel op als JSON.',
      addressFeedback: 'Verwerk deze feedback in het nieuwe concept.',
    },
    deterministic: {
      title: 'Groeien in {{target}}: {{focus}}',
      wholeTarget: 'de basis',
      behaviour: 'Oefen bewust met {{focus}}: {{next}}',
      nextFallback: 'laat het gedrag consequent zien en vraag daarna om feedback.',
      situation: 'In wekelijkse teamoverleggen, één-op-ééngesprekken en projectwerk met collega’s.',
      indicatorCriterion: '{{focus}} scoort minstens {{target}} in de volgende 360°-ronde.',
      observedCriterion:
        'De leidinggevende ziet het nieuwe gedrag rond {{target}} in de meeste relevante situaties.',
      certificateCriterion:
        'Het certificaat {{target}} is behaald, met het nummer of een kopie vastgelegd als bewijs.',
      practice: 'Pas {{focus}} toe in elk relevant overleg en noteer één voorbeeld.',
      practiceFrequency: 'elke week',
      feedback: 'Vraag een collega die je aan het werk ziet om feedback op dit gedrag.',
      feedbackFrequency: 'eens per maand',
      formal: 'Volg een korte training of lees je in over {{target}}.',
      formalFrequency: 'eenmalig',
      halfway: 'Bespreek de voortgang met de leidinggevende en stel de aanpak bij.',
    },
  },
  evaluation: {
    or: ' of ',
    overdue:
      'de deadline {{deadline}} is verstreken en sinds de nulmeting is niets gemeten: een meting van het ontwikkeldoel met {{instruments}} evalueert het doel',
    awaiting:
      'sinds de nulmeting is niets gemeten: de eerste meting van het ontwikkeldoel met {{instruments}} op of na {{deadline}} evalueert het doel; voor een eerdere evaluatie is eerst een meting nodig',
    noBaseline:
      'het ontwikkeldoel was niet gemeten toen het doel actief werd: de evaluatie laat zien waar de medewerker staat, niet hoeveel die gegroeid is',
    instrumentNotUsed:
      'geen meting van dit doel gebruikte {{instrument}}, het instrument dat criterium {{criterionId}} leest: bewijs van een ander instrument geldt als minder robuust',
    indicatorNotMeasured:
      'de laatste meting ({{measurementId}}) scoorde {{indicatorIds}} niet: criterium {{criterionId}} kan pas gehaald worden als een meting dat wel doet',
    evidenceOverdue:
      'de deadline {{deadline}} is verstreken en er is geen bewijs vastgelegd: het vastleggen van het {{evidence}} beoordeelt het doel',
    noEvidence:
      'er is geen bewijs vastgelegd: de criteria van het doel worden gehaald met een {{evidence}}; het vastleggen ervan op of na {{deadline}} beoordeelt het doel, een vroege beoordeling heeft het eerst nodig',
    evidenceNotRecorded:
      'er is geen {{evidence}} vastgelegd voor criterium {{criterionId}}: het is niet gehaald tot de medewerker er een vastlegt',
  },
  analytics: {
    withheld: {
      fewerThan: 'beschrijft minder dan {{threshold}} mensen',
      bySubtraction:
        'zou door aftrekken van het cijfer zonder {{filters}} minder dan {{threshold}} mensen onthullen',
      oneFilter: 'het filter op {{name}}',
      severalFilters: 'de filters op {{names}} en {{last}}',
      crossing:
        'zou door aftrekken van een overlappend cijfer met andere filters minder dan {{threshold}} mensen onthullen',
      totalWithheld: 'het totaal waar deze rij deel van is, wordt niet getoond',
      secondary:
        'niet getoond, zodat het totaal min de andere rijen niet minder dan {{threshold}} mensen onthult',
    },
    filter: {
      department: 'afdeling',
      role: 'rol',
      competency: 'competentie',
      period: 'periode',
      manager: 'manager',
      indicator: 'indicator',
    },
    notForYou: 'analysecijfers zijn voor HR, beheerders en managers over hun team',
    noHistory: 'geen ontwikkelgeschiedenis voor medewerker "{{employeeId}}"',
    noData: 'geen gegevens over "{{employeeId}}"',
    catchingUp: 'analytics haalt de eventgeschiedenis in; probeer het zo opnieuw',
    parametersInvalid: '{{count}} parameter(s) zijn ongeldig',
    replay: {
      afterNotPosition: 'after moet een globale positie zijn (decimale cijfers)',
      fromNotTime: 'from moet een ISO-8601-datum-tijd met tijdzone zijn',
      afterOrFrom: 'geef after of from, niet allebei',
      unknownTypes_one: 'onbekend eventtype: {{types}}',
      unknownTypes_other: 'onbekende eventtypes: {{types}}',
      limit: 'limit moet een geheel getal van 1 tot 999999999 zijn',
      lastEventId: 'Last-Event-ID moet een globale positie zijn',
    },
  },
  validation: {
    eachValueIn: 'elke waarde in {{property}}',
    isString: '{{property}} moet tekst zijn',
    isIn: '{{property}} moet een van deze waarden zijn: {{constraint1}}',
    matches: '{{property}} moet voldoen aan de reguliere expressie {{constraint1}}',
    min: '{{property}} mag niet kleiner zijn dan {{constraint1}}',
    max: '{{property}} mag niet groter zijn dan {{constraint1}}',
    isInt: '{{property}} moet een geheel getal zijn',
    tooShort: '{{property}} moet minstens {{constraint1}} tekens lang zijn',
    tooLong: '{{property}} mag hooguit {{constraint1}} tekens lang zijn',
    isNumber: '{{property}} moet een getal zijn dat aan de voorwaarden voldoet',
    isArray: '{{property}} moet een lijst zijn',
    arrayMaxSize: '{{property}} mag hooguit {{constraint1}} elementen bevatten',
    arrayMinSize: '{{property}} moet minstens {{constraint1}} elementen bevatten',
    arrayUnique: 'alle elementen van {{property}} moeten uniek zijn',
    isPositive: '{{property}} moet een positief getal zijn',
    isEmail: '{{property}} moet een e-mailadres zijn',
    isObject: '{{property}} moet een object zijn',
    isIso8601: '{{property}} moet een geldige ISO 8601-datum zijn',
    isBoolean: '{{property}} moet true of false zijn',
    nestedValidation: 'het geneste veld {{property}} moet een object of een lijst zijn',
    whitelistValidation: 'het veld {{property}} hoort er niet bij',
    id: '{{property}} mag alleen letters, cijfers en . _ : @ - bevatten (hooguit 128)',
    idFilter: '{{property}} moet een id zijn: letters, cijfers en . _ : @ - (hooguit 128)',
    dateFromYear1000: '{{property}} moet een datum vanaf het jaar 1000 zijn',
    calendarDate: '{{property}} moet een datum zijn, JJJJ-MM-DD',
    period: '{{property}} moet een jaar (2026), kwartaal (2026-Q1) of maand (2026-03) zijn',
    tooDeep: 'is dieper genest dan {{max}} niveaus',
  },
  http: {
    noSuchId: 'er is geen resource met het id {{id}}',
    noSuchVersion: 'er is geen versie {{version}}: versies tellen vanaf 1',
    noSuchResource: 'die resource bestaat niet binnen je organisatie',
    planNotFound: 'er is geen plan {{planId}}',
    goalNotFound: 'er is geen doel {{goalId}}',
    gapNotFound: 'er is geen gap {{gapId}}',
    noTarget: 'noem een gapId of een ontwikkeldoel',
    noChange: 'stuur minstens één wijziging',
    noField: 'stuur minstens één veld',
    notRejected:
      'alleen een afgewezen doel dat nog niet opnieuw is ingediend, wordt opnieuw opgesteld',
    erasurePending: '{{message}}; het wissen is nog bezig, probeer het opnieuw',
    openToNoOne: 'dit endpoint is voor niemand open',
    forWhom: 'dit is voor {{whom}}',
    roleReach: '{{role}} ({{reach}})',
    reach: {
      self: 'voor zichzelf',
      reports: 'voor hun directe medewerkers',
      'self-or-reports': 'voor zichzelf en hun directe medewerkers',
      tenant: 'voor iedereen in de organisatie',
    },
    idempotencyKeyInvalid:
      'de header Idempotency-Key moet 1 tot 255 afdrukbare ASCII-tekens bevatten',
    idempotencyKeyReused:
      'deze Idempotency-Key is gebruikt voor een verzoek met een andere body; gebruik een nieuwe sleutel',
    idempotencyKeyInUse:
      'een verzoek met deze Idempotency-Key wordt nog verwerkt; probeer het zo opnieuw',
    rateLimited:
      'te veel verzoeken: hooguit {{limit}} per minuut; probeer het over {{seconds}} s opnieuw',
    authenticationUnavailable:
      'bearer-tokens kunnen nu niet worden gecontroleerd; probeer het zo opnieuw',
  },
  measurementImport: {
    noRows: 'het bestand heeft geen rijen',
    rowsInvalid: '{{rows}} rij(en) zijn ongeldig; er is niets geïmporteerd',
    pastLimit: 'een importbestand mag hooguit {{most}} bevatten; splits het',
    bytes: '{{limit}} bytes',
    rows: '{{limit}} rijen',
    unreadable: 'het bestand is niet als metingen te lezen; er is niets geïmporteerd',
    unsupported: 'stuur een JSON-lijst van metingen of een text/csv-bestand',
  },
  assessmentInput: {
    invalid: '{{subject}}: {{problems}} probleem/problemen',
    subject: {
      framework: 'het competentiemodel',
      employeeRecord: 'de gegevens van de medewerker',
      measurement: 'de meting',
      feedbackRound: 'de feedbackronde',
      motivation: 'de motivatie',
      roleProfile: 'het rolprofiel',
    },
    kind: { indicator: 'indicator', facet: 'facet', competency: 'competentie' },
    appearsTwice: '{{kind}} {{id}} komt meer dan eens voor',
    ownManager: 'een medewerker kan niet de eigen manager zijn',
    notInFramework: '{{competencyId}} staat niet in het competentiemodel',
    notInFrameworkVersion:
      '{{competencyId}} staat niet in competentiemodel {{frameworkId}} versie {{version}}',
    noRaterGroupShown:
      'geen groep beoordelaars naast de medewerker zelf is groot genoeg om te tonen',
    energy: 'moet een geheel getal van 1 tot en met 5 zijn, niet {{energy}}',
    noAnswers: 'een ronde heeft antwoorden nodig',
    selfIsTheEmployee: 'alleen de medewerker kan als zichzelf antwoorden',
    indicatorNotDefined: '{{indicatorId}} is niet gedefinieerd',
    notAScore: 'moet een score van 0 tot en met 100 zijn',
    answeredTwice: 'de beoordelaar heeft deze indicator twee keer beantwoord',
    scoreOutOfRange: 'moet een score van 0 tot en met 100 zijn, niet {{value}}',
    idNotDefined: '{{kind}} {{id}} is niet gedefinieerd',
    scoredTwice: '{{kind}} {{id}} is meer dan eens gescoord',
    notADateTime: 'moet een ISO-8601-datum met tijd zijn',
    requiredLevel: 'moet een geheel niveau van 1 tot en met 5 zijn',
    weight: 'moet boven 0 liggen en hooguit 100 zijn, niet {{weight}}',
    unknownColumn: 'onbekende kolom; de kolommen zijn {{columns}}, {{indicator}} en {{facet}}',
    columnTwice: 'de kolom staat twee keer in de kopregel',
    cellCount: 'de rij heeft {{cells}} cellen maar de kopregel noemt {{columns}} kolommen',
    rowTooLong: 'een rij mag hooguit {{max}} tekens bevatten',
    quoteNotClosed:
      'een cel tussen aanhalingstekens is niet gesloten voor het einde van het bestand',
    quoteMisplaced:
      'een aanhalingsteken mag alleen een hele cel openen en sluiten; schrijf een aanhalingsteken in een cel tussen aanhalingstekens als ""',
    notCsv: 'de rij is niet als CSV te lezen',
    notNegative: 'moet een getal van 0 of meer zijn',
    noFactorCounts: 'minstens één factor moet meetellen',
  },
};
