import { Type } from '@sinclair/typebox';
import { Personal } from '../../personal-data';
import { defineEvent, defineUpcaster, type EventData, type EventOf } from '../../event-definition';
import { Id } from '../../metadata';
import { Nullable, Text } from '../shared.schemas';
import {
  goalContentV1Properties,
  goalContentProperties,
  GoalChangesV1,
  GoalChanges,
  measuredFromV1,
  withKindedCriteria,
  goalContentExampleV1,
  goalContentExample,
} from './goal-content.schemas';

const context = 'planning';

const goalDraftedV1Properties = {
  goalId: Id('Goal'),
  planId: Id('Plan the goal belongs to'),
  employeeId: Id('Employee'),
  gapId: Nullable(Id('Gap the goal addresses'), 'Null for a goal started without a gap'),
  ...goalContentV1Properties,
  drafter: Type.Object(
    {
      kind: Type.Union([Type.Literal('ai'), Type.Literal('deterministic')]),
      model: Nullable(Text('Language model name', 200), 'Null for the deterministic drafter'),
      fallbackReason: Nullable(
        Text('Why the deterministic drafter was used instead of the model', 500),
        'Null unless the model was configured but not used',
      ),
    },
    { additionalProperties: false },
  ),
};

const goalDraftedExampleV1 = {
  goalId: 'goal-3001',
  planId: 'plan-2001',
  employeeId: 'emp-1001',
  gapId: 'gap-7001',
  ...goalContentExampleV1,
  drafter: { kind: 'ai' as const, model: 'gpt-4o-mini', fallbackReason: null },
};

/** Stored drafts from before the motivation was kept on the goal; read through the upcaster. */
export const GoalDraftedV1 = defineEvent({
  context,
  name: 'GoalDrafted',
  version: 1,
  description:
    'A SMART goal was drafted from a gap, by a language model or the deterministic drafter; the employee owns it from here.',
  schema: Type.Object(goalDraftedV1Properties, { additionalProperties: false }),
  subjectOf: (data) => data.employeeId,
  example: goalDraftedExampleV1,
});

/** The parts of the drafting context a model may be given; never a person's identifiers. */
export const draftContextParts = [
  'target',
  'definition',
  'indicators',
  'scores',
  'weakest-indicators',
  'strongest-indicators',
  'role',
  'role-requirement',
  'facets',
  'motivation-stated',
  'rejection-feedback',
] as const;

export type DraftContextPart = (typeof draftContextParts)[number];

const DrafterV2 = Type.Object(
  {
    ...goalDraftedV1Properties.drafter.properties,
    promptVersion: Nullable(
      Text('Version of the prompt the model was given', 50),
      'Null when no model was asked (none configured, or the tenant did not opt in)',
    ),
    contextGiven: Type.Array(Type.Union(draftContextParts.map((part) => Type.Literal(part))), {
      maxItems: draftContextParts.length,
      uniqueItems: true,
      description:
        'Which parts of the context the model was given (names of parts, never their content); empty when no model was asked',
    }),
  },
  { additionalProperties: false },
);

const goalDraftedV2Properties = {
  ...goalDraftedV1Properties,
  drafter: DrafterV2,
  motivationNote: Nullable(
    Personal(Text('Why the employee wants this goal, in their words', 1000)),
    'Null when the employee gave none with the draft',
  ),
};

const goalDraftedExampleV2 = {
  ...goalDraftedExampleV1,
  drafter: {
    ...goalDraftedExampleV1.drafter,
    promptVersion: 'goal-draft-2',
    contextGiven: [
      'target' as const,
      'definition' as const,
      'indicators' as const,
      'scores' as const,
      'role' as const,
      'role-requirement' as const,
    ],
  },
  motivationNote: 'My team asked me to let them finish before I answer.',
};

/** Stored drafts from before a criterion could be met by evidence; read through the upcaster. */
export const GoalDraftedV2 = defineEvent({
  context,
  name: 'GoalDrafted',
  version: 2,
  description:
    'A SMART goal was drafted from a gap or a target, by a language model or the deterministic drafter, with the motivation the employee gave; the employee owns it from here. The drafter records the model, the prompt version and which context parts the model was given.',
  schema: Type.Object(goalDraftedV2Properties, { additionalProperties: false }),
  subjectOf: (data) => data.employeeId,
  example: goalDraftedExampleV2,
});

export const goalDraftedV1ToV2 = defineUpcaster<
  EventData<typeof GoalDraftedV1>,
  EventData<typeof GoalDraftedV2>
>({
  name: 'GoalDrafted',
  fromVersion: 1,
  // Drafts from before the prompt was versioned: which prompt and context is not known.
  upcast: (data) => ({
    ...data,
    drafter: { ...data.drafter, promptVersion: null, contextGiven: [] },
    motivationNote: null,
  }),
});

export const GoalDrafted = defineEvent({
  context,
  name: 'GoalDrafted',
  version: 3,
  description:
    'A SMART goal was drafted from a gap or a target, by a language model or the deterministic drafter, with the motivation the employee gave; the employee owns it from here. The drafter records the model, the prompt version and which context parts the model was given. Version 3: a success criterion is tagged on `kind`, measured or evidence (met by a recorded certificate, course completion, work sample or attestation).',
  schema: Type.Object(
    { ...goalDraftedV2Properties, successCriteria: goalContentProperties.successCriteria },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: { ...goalDraftedExampleV2, successCriteria: goalContentExample.successCriteria },
});

export const goalDraftedV2ToV3 = defineUpcaster<
  EventData<typeof GoalDraftedV2>,
  EventData<typeof GoalDrafted>
>({
  name: 'GoalDrafted',
  fromVersion: 2,
  upcast: (data) => ({ ...data, successCriteria: data.successCriteria.map(measuredFromV1) }),
});

const goalEditedExample = {
  goalId: 'goal-3001',
  employeeId: 'emp-1001',
  changes: { situation: 'Weekly team meetings, one-on-ones and project kick-offs.' },
  editedBy: 'emp-1001',
};

const goalEditedV1Properties = {
  goalId: Id('Goal'),
  employeeId: Id('Employee'),
  changes: GoalChangesV1,
  editedBy: Id('Who edited'),
};

/** Stored edits from before a criterion could be met by evidence; read through the upcaster. */
export const GoalEditedV1 = defineEvent({
  context,
  name: 'GoalEdited',
  version: 1,
  description: 'The employee changed the draft; the draft and every change are kept.',
  schema: Type.Object(goalEditedV1Properties, { additionalProperties: false }),
  subjectOf: (data) => data.employeeId,
  example: goalEditedExample,
});

export const GoalEdited = defineEvent({
  context,
  name: 'GoalEdited',
  version: 2,
  description:
    'The employee changed the draft; the draft and every change are kept. Version 2: changed success criteria are tagged on `kind`, measured or evidence.',
  schema: Type.Object(
    { ...goalEditedV1Properties, changes: GoalChanges },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: goalEditedExample,
});

export const goalEditedV1ToV2 = defineUpcaster<
  EventData<typeof GoalEditedV1>,
  EventData<typeof GoalEdited>
>({
  name: 'GoalEdited',
  fromVersion: 1,
  upcast: (data) => ({ ...data, changes: withKindedCriteria(data.changes) }),
});

export type GoalDraftedV1 = EventOf<typeof GoalDraftedV1>;
export type GoalDraftedV2 = EventOf<typeof GoalDraftedV2>;
export type GoalDrafted = EventOf<typeof GoalDrafted>;
export type GoalEditedV1 = EventOf<typeof GoalEditedV1>;
export type GoalEdited = EventOf<typeof GoalEdited>;
