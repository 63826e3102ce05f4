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
};

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** What every language's catalogue holds: the same keys as the English one. */
export type Catalogue = Strings<typeof en>;
