/**
 * English, the catalogue every other language follows key by key. These texts are the ones
 * Talentloop always answered with: clients and tests read them, so a change here is a change
 * of the API's words.
 */
export const en = {
  smart: {
    property: {
      specific: 'specific',
      measurable: 'measurable',
      achievable: 'achievable',
      acceptable: 'acceptable',
      relevant: 'relevant',
      'time-bound': 'time-bound',
    },
    failure: '{{property}}: {{explanation}}',
    specific: {
      behaviourVague:
        'the behaviour to develop is not described concretely (at least a short sentence)',
      situationMissing: 'the work situation where the behaviour is practised is not described',
      unknownIndicators_one: '{{ids}} is not an indicator of {{target}} in the framework',
      unknownIndicators_other: '{{ids}} are not an indicator of {{target}} in the framework',
      wholeCompetency:
        'the goal targets the whole competency while the measurement shows the weak indicators ({{weakest}}); target those',
      strongerTargets_one:
        '{{ids}} is not among the weaker indicators ({{weakest}}); target those, or say in the motivation why this one',
      strongerTargets_other:
        '{{ids}} are not among the weaker indicators ({{weakest}}); target those, or say in the motivation why this one',
      passed: 'names the behaviour, the work situation and what it targets',
    },
    measurable: {
      noCriterion: 'there is no success criterion with an instrument, a metric and a target',
      noIndicator: 'criterion {{criterion}} reads an indicator score but names no indicator',
      passed: '{{criteria}} success criterion(s), each with instrument, metric and target',
      evidenceOnCompetency:
        'criterion {{criterion}} is met by evidence, but a competency grows in behaviour: read it from a measurement (evidence fits a skill, certification or knowledge area)',
      passedWithEvidence:
        '{{criteria}} success criterion(s), each measured one with instrument, metric and target, each other one naming the evidence that proves it',
    },
    achievable: {
      noActions:
        'no action says how the behaviour will be practised; add at least one on-the-job action',
      onlyFormal:
        'only formal learning: a training or reading alone rarely changes behaviour at work; add at least one on-the-job action that practises it',
      aboveAptitude:
        'criterion {{criterion}} targets {{target}}, above the aptitude of {{aptitude}}',
      tooMuchGrowth:
        'criterion {{criterion}} asks {{growth}} points of growth (from {{baseline}} to {{target}}) in {{months}} months; at most {{rate}} points a month is realistic ({{reachable}})',
      unbounded: 'no measurement of {{target}} bounds the targets; the manager judges feasibility',
      passed:
        'targets stay within aptitude {{aptitude}} and {{rate}} points a month of growth{{measuredBy}}',
      measuredByInstrument: ' (measured by {{instrument}} on {{date}})',
      measuredByMeasurement: ' (measurement {{measurementId}})',
    },
    relevant: {
      unmotivated:
        '{{target}} is not in the role profile and no motivation explains why it matters',
      required: 'the role profile requires {{target}} at level {{level}}',
      motivated: 'the employee said why it matters to them',
    },
    acceptable: {
      notAgreed:
        'the employee has not agreed to the goal as it stands: record their agreement and why it matters to them (POST /goals/{id}/agreement); a change to the goal asks for it again',
      passed: 'the employee agreed to this version of the goal and said why it matters to them',
    },
    timeBound: {
      outside:
        'deadline {{deadline}} is outside the window {{earliest}} – {{latest}} ({{min}}–{{max}} months)',
      passed: 'deadline {{deadline}} lies within {{min}}–{{max}} months',
      adjustedOutside:
        'the adjusted deadline {{deadline}} is not between today and {{latest}} ({{max}} months)',
      adjustedPassed: 'the adjusted deadline {{deadline}} lies ahead, within {{max}} months',
    },
  },
  gap: {
    verdict: {
      meets: 'meets what the role requires',
      candidate: 'below the requirement with room to grow: a development candidate',
      fit: 'below the requirement, but aptitude leaves little room: a question of fit, not a goal',
    },
    reason: {
      impact:
        '{{name}} weighs {{weight}} in the role profile (the heaviest requirement weighs {{heaviest}}).',
      requirement:
        'Behaviour {{behaviour}} is {{gap}} points below level {{level}} ({{score}}) that the role requires.',
      roomToGrow: 'Aptitude {{aptitude}} leaves {{room}} points of room to grow.',
      noRoom: 'Aptitude {{aptitude}} is not above behaviour {{behaviour}}: growth is unlikely.',
      noMotivation: 'No motivation recorded for {{name}}; energy counts as neutral.',
      energy: 'The employee rates their energy for {{name}} {{energy}} out of 5.',
    },
  },
  planning: {
    goalNotFound: 'there is no goal with this id',
    illegalTransition: '{{goal}} {{action}}',
    phase: {
      draft: 'a draft goal',
      submitted: 'a submitted goal',
      revised: 'a revised goal',
      rejected: 'a rejected goal',
      active: 'an active goal',
      evaluated: 'an evaluated goal',
      withdrawn: 'a withdrawn goal',
    },
    action: {
      adjusted: 'cannot be adjusted',
      agreedTo: 'cannot be agreed to',
      carriedOver: 'cannot be carried over',
      checkedInOn: 'cannot be checked in on',
      edited: 'cannot be edited',
      evaluated: 'cannot be evaluated',
      givenActions: 'cannot be given actions',
      givenEvidence: 'cannot be given evidence',
      progressed: 'cannot be progressed',
      setBack: 'cannot be set back by a refusal',
      submitted: 'cannot be submitted',
      withdrawn: 'cannot be withdrawn',
    },
    planNotFound: 'there is no plan with this id',
    notSmartYet: 'the goal is not SMART yet: {{failures}}',
    adjustedNotSmart: 'the adjusted goal is not SMART: {{failures}}',
    managerNotes: "the employee cannot write the manager's notes",
    agreementIsOwn: 'only the employee can agree to their own goal',
    unknownAction: 'the goal has no action {{actionId}}',
    actionAlreadyDone: 'action {{actionId}} is already done',
    notAnAdjustment:
      '{{kind}} {{competencyId}} is another development target than {{current}}: withdraw this goal and draft a new one',
    nothingMeasured:
      'nothing was measured since the baseline: record a measurement of the target first',
    noEvidence:
      'no evidence was recorded for the goal yet: its criteria are met by evidence, so record the certificate, course completion, work sample or attestation first',
    unknownCriterion: 'the goal has no success criterion {{criterionId}}',
    notAnEvidenceCriterion:
      'criterion {{criterionId}} is measured, not met by evidence: a measurement of the target evaluates it',
    evidenceInTheFuture:
      'evidence obtained on {{obtainedOn}} cannot be recorded on {{today}}: record it once obtained',
    planClosed: "the plan closed at {{closedAt}}: a new goal belongs in the next cycle's plan",
    ownPlan: 'the employee cannot close their own plan',
    activeGoalCap:
      'the employee already has {{held}} active or pending goal(s); the organisation allows {{max}} at once — finish or withdraw one first',
  },
  approval: {
    requestNotFound: 'there is no approval request with this id',
    status: {
      pending: 'pending',
      approved: 'approved',
      rejected: 'rejected',
      withdrawn: 'withdrawn',
    },
    notPending: 'the request is {{status}}, not awaiting a decision',
    staleSubmission: 'submission {{submission}} is not the one awaiting a decision ({{awaiting}})',
    ownGoal: 'an employee cannot decide on their own goal',
    noManagerHrDecides:
      'the employee has no manager: HR decides as delegate until the HRIS names one',
    onlyManagerOrHr:
      "only the employee's current manager ({{managerId}}) or HR acting as delegate may decide",
    otherTenant: 'the approval request belongs to another organisation',
    feedbackPlaceholder: 'feedback is empty or a placeholder; say what the employee should change',
    feedbackTooShort:
      'feedback must be at least {{min}} characters; say what the employee should change',
    feedbackTooFewWords:
      'feedback must use at least {{min}} different words; say what the employee should change',
    feedbackTooLong:
      'feedback on an adjustment must be at most {{max}} characters; it becomes the reason the employee reads',
    cadenceRequired: 'approving a goal needs a check-in cadence: weekly, fortnightly or monthly',
    cadenceNotForAdjustment:
      'an adjustment keeps the check-in cadence of the goal; approve it without one',
  },
  notifications: {
    subscriptionNotFound: 'there is no webhook subscription with this id',
    subscriptionDeleted: 'the webhook subscription was deleted at {{deletedAt}}',
    subscriptionExists: 'a webhook subscription with this id exists already',
    secretOverlapInvalid:
      'the previous secret keeps signing for a whole number of seconds from 0 to {{max}}; got {{overlapSeconds}}',
    deliveryNotFound: 'this subscription has no delivery {{deliveryId}}',
  },
  assessment: {
    employeeNotFound: 'employee {{employeeId}} is not known; sync it from the HRIS first',
    frameworkNotPublished: 'competency framework {{frameworkId}} is not published',
    frameworkVersionNotPublished:
      'competency framework {{frameworkId}} version {{version}} is not published',
    roleProfileMissing:
      'role {{roleId}} has no role profile; define it before measuring against it',
    noBaseline:
      'there is no baseline measurement of {{competencyId}} for {{employeeId}} to compare with',
    aptitudeUnknownIn360:
      'a 360° round measures behaviour only; give the aptitude on {{competencyId}} or measure it first',
    aptitudeUnknownInObservation:
      'a manager observation scores behaviour only; measure the aptitude on {{competencyId}} first',
    selfObservation:
      'nobody records a manager observation of themselves; that is a self-evaluation',
    roleProfileNotFound: 'role {{roleId}} has no role profile',
  },
  problem: {
    unauthenticated: 'a valid bearer token is required',
    forbiddenRoles: 'this needs one of the roles: {{roles}}',
    fieldsInvalid: '{{fields}} field(s) are invalid',
    partInvalid: 'the {{part}} is invalid',
    changedBySomeoneElse: 'the resource was changed by someone else; reload and retry',
    eventStoreUnavailable: 'the event store is unavailable; retry later',
    catchingUp: 'the service is catching up with its events; retry soon',
    unexpected: 'an unexpected error occurred',
  },
  drafting: {
    prompt: {
      system:
        'You help employees write SMART development goals. Practice on the job comes first; pair formal learning with practice. Targets stay within aptitude and grow realistically. Name only indicator ids from indicatorsPerLevel. Answer with one JSON object only.',
      task: 'Draft one SMART development goal as JSON.',
      addressFeedback: 'Address this feedback in the new draft.',
    },
    deterministic: {
      title: 'Grow in {{target}}: {{focus}}',
      wholeTarget: 'the basics',
      behaviour: 'Practise {{focus}} deliberately: {{next}}',
      nextFallback: 'show the behaviour consistently and ask for feedback afterwards.',
      situation: 'In weekly team meetings, one-on-ones and project work with colleagues.',
      indicatorCriterion: '{{focus}} scores at least {{target}} in the next 360° round.',
      observedCriterion:
        'The manager observes the new {{target}} behaviour in most relevant situations.',
      certificateCriterion:
        'The {{target}} certificate is obtained, with its number or a copy recorded as evidence.',
      practice: 'Apply {{focus}} in every relevant meeting and note one example.',
      practiceFrequency: 'every week',
      feedback: 'Ask a colleague who sees you at work for feedback on this behaviour.',
      feedbackFrequency: 'once a month',
      formal: 'Follow a short training or read up on {{target}}.',
      formalFrequency: 'once',
      halfway: 'Review progress with the manager and adjust the approach.',
    },
  },
  evaluation: {
    or: ' or ',
    overdue:
      'the deadline {{deadline}} passed and nothing was measured since the baseline: a {{instruments}} measurement of the target evaluates the goal',
    awaiting:
      'nothing was measured since the baseline: the first {{instruments}} measurement of the target on or after {{deadline}} evaluates the goal; an early evaluation needs a measurement first',
    noBaseline:
      'the target had not been measured when the goal became active: the evaluation will show where the employee stands, not how far they grew',
    instrumentNotUsed:
      'no measurement of this goal used {{instrument}}, the instrument criterion {{criterionId}} reads: evidence from another instrument is marked less robust',
    indicatorNotMeasured:
      'the latest measurement ({{measurementId}}) did not score {{indicatorIds}}: criterion {{criterionId}} cannot be met until a measurement does',
    evidenceOverdue:
      'the deadline {{deadline}} passed and no evidence was recorded: recording the {{evidence}} evaluates the goal',
    noEvidence:
      "no evidence was recorded: the goal's criteria are met by a {{evidence}}; recording it on or after {{deadline}} evaluates the goal, an early evaluation needs it first",
    evidenceNotRecorded:
      'no {{evidence}} was recorded for criterion {{criterionId}}: it is not met until the employee records one',
  },
  analytics: {
    withheld: {
      fewerThan: 'describes fewer than {{threshold}} people',
      bySubtraction:
        'would reveal fewer than {{threshold}} people by subtraction from the figure without {{filters}}',
      oneFilter: 'the {{name}} filter',
      severalFilters: 'the {{names}} and {{last}} filters',
      crossing:
        'would reveal fewer than {{threshold}} people by subtraction from an overlapping figure on other filters',
      totalWithheld: 'the total this row is part of is withheld',
      secondary:
        'withheld so that the total minus the other rows does not reveal fewer than {{threshold}} people',
    },
    filter: {
      department: 'department',
      role: 'role',
      competency: 'competency',
      period: 'period',
      manager: 'manager',
      indicator: 'indicator',
    },
    notForYou: 'analytics figures are for HR, admins, and managers about their team',
    noHistory: 'no development history for employee "{{employeeId}}"',
    noData: 'no data about "{{employeeId}}"',
    catchingUp: 'analytics is catching up with the event history; retry soon',
    parametersInvalid: '{{count}} parameter(s) are invalid',
    replay: {
      afterNotPosition: 'after must be a global position (decimal digits)',
      fromNotTime: 'from must be an ISO-8601 date-time with a zone',
      afterOrFrom: 'give either after or from, not both',
      unknownTypes_one: 'unknown event type: {{types}}',
      unknownTypes_other: 'unknown event types: {{types}}',
      limit: 'limit must be an integer from 1 to 999999999',
      lastEventId: 'Last-Event-ID must be a global position',
    },
  },
  validation: {
    eachValueIn: 'each value in {{property}}',
    isString: '{{property}} must be a string',
    isIn: '{{property}} must be one of the following values: {{constraint1}}',
    matches: '{{property}} must match {{constraint1}} regular expression',
    min: '{{property}} must not be less than {{constraint1}}',
    max: '{{property}} must not be greater than {{constraint1}}',
    isInt: '{{property}} must be an integer number',
    tooShort: '{{property}} must be longer than or equal to {{constraint1}} characters',
    tooLong: '{{property}} must be shorter than or equal to {{constraint1}} characters',
    isNumber: '{{property}} must be a number conforming to the specified constraints',
    isArray: '{{property}} must be an array',
    arrayMaxSize: '{{property}} must contain no more than {{constraint1}} elements',
    arrayMinSize: '{{property}} must contain at least {{constraint1}} elements',
    arrayUnique: "All {{property}}'s elements must be unique",
    isPositive: '{{property}} must be a positive number',
    isEmail: '{{property}} must be an email',
    isObject: '{{property}} must be an object',
    isIso8601: '{{property}} must be a valid ISO 8601 date string',
    isBoolean: '{{property}} must be a boolean value',
    nestedValidation: 'nested property {{property}} must be either object or array',
    whitelistValidation: 'property {{property}} should not exist',
    id: '{{property}} must be letters, digits and . _ : @ - (max 128)',
    idFilter: '{{property}} must be an id: letters, digits and . _ : @ - (max 128)',
    dateFromYear1000: '{{property}} must be a date from year 1000 on',
    calendarDate: '{{property}} must be a date, YYYY-MM-DD',
    period: '{{property}} must be a year (2026), quarter (2026-Q1) or month (2026-03)',
    tooDeep: 'nests deeper than {{max}} levels',
  },
  http: {
    noSuchId: 'no resource has the id {{id}}',
    noSuchVersion: 'no version {{version}}: versions count from 1',
    noSuchResource: 'no such resource in your tenant',
    planNotFound: 'no plan {{planId}}',
    goalNotFound: 'no goal {{goalId}}',
    gapNotFound: 'no gap {{gapId}}',
    noTarget: 'name a gapId or a target',
    noChange: 'send at least one change',
    noField: 'send at least one field',
    notRejected: 'only a rejected goal, not yet resubmitted, is redrafted',
    erasurePending: '{{message}}; the erasure is pending, retry it',
    openToNoOne: 'this endpoint is open to no one',
    forWhom: 'this is for {{whom}}',
    roleReach: '{{role}} ({{reach}})',
    reach: {
      self: 'their own',
      reports: 'their direct reports',
      'self-or-reports': 'their own and their direct reports',
      tenant: 'anyone in the tenant',
    },
    idempotencyKeyInvalid: 'the Idempotency-Key header must be 1 to 255 printable ASCII characters',
    idempotencyKeyReused:
      'this Idempotency-Key was used for a request with another body; use a new key',
    idempotencyKeyInUse:
      'a request with this Idempotency-Key is still being processed; retry shortly',
    rateLimited: 'too many requests: at most {{limit}} a minute; retry in {{seconds}} s',
    authenticationUnavailable: 'bearer tokens cannot be checked right now; retry shortly',
  },
  measurementImport: {
    noRows: 'the file has no rows',
    rowsInvalid: '{{rows}} row(s) are invalid; nothing was imported',
    pastLimit: 'an import file may hold at most {{most}}; split it',
    bytes: '{{limit}} bytes',
    rows: '{{limit}} rows',
    unreadable: 'the file cannot be read as measurements; nothing was imported',
    unsupported: 'send a JSON array of measurements or a text/csv file',
  },
  assessmentInput: {
    invalid: '{{subject}}: {{problems}} problem(s)',
    subject: {
      framework: 'the framework',
      employeeRecord: 'the employee record',
      measurement: 'the measurement',
      feedbackRound: 'the feedback round',
      motivation: 'the motivation',
      roleProfile: 'the role profile',
    },
    kind: { indicator: 'indicator', facet: 'facet', competency: 'competency' },
    appearsTwice: '{{kind}} {{id}} appears more than once',
    ownManager: 'an employee cannot be their own manager',
    notInFramework: '{{competencyId}} is not in the framework',
    notInFrameworkVersion:
      '{{competencyId}} is not in framework {{frameworkId}} version {{version}}',
    noRaterGroupShown: 'no rater group besides self is large enough to be shown',
    energy: 'must be a whole number from 1 to 5, got {{energy}}',
    noAnswers: 'a round needs answers',
    selfIsTheEmployee: 'only the employee can answer as self',
    indicatorNotDefined: '{{indicatorId}} is not defined',
    notAScore: 'must be a score from 0 to 100',
    answeredTwice: 'the rater answered this indicator twice',
    scoreOutOfRange: 'must be a score from 0 to 100, got {{value}}',
    idNotDefined: '{{kind}} {{id}} is not defined',
    scoredTwice: '{{kind}} {{id}} is scored more than once',
    notADateTime: 'must be an ISO-8601 date-time',
    requiredLevel: 'must be a whole level from 1 to 5',
    weight: 'must be above 0 and at most 100, got {{weight}}',
    unknownColumn: 'unknown column; the columns are {{columns}}, {{indicator}} and {{facet}}',
    columnTwice: 'the column is named twice in the header',
    cellCount: 'the row has {{cells}} cells but the header names {{columns}} columns',
    rowTooLong: 'a row may hold at most {{max}} characters',
    quoteNotClosed: 'a quoted cell is not closed before the end of the file',
    quoteMisplaced:
      'a quote may only open and close a whole cell; inside a quoted cell, write a quote as ""',
    notCsv: 'the row cannot be read as CSV',
    notNegative: 'must be a number of 0 or more',
    noFactorCounts: 'at least one factor must count',
  },
};

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** What every language's catalogue holds: the same keys as the English one. */
export type Catalogue = Strings<typeof en>;
