import { Type } from '@sinclair/typebox';
import { Personal } from '../../personal-data';
import { defineEvent, type EventOf } from '../../event-definition';
import { Id, IsoDateTime } from '../../metadata';
import { Language, Nullable, Text } from '../shared.schemas';

const context = 'assessment';

export const EmployeeSynced = defineEvent({
  context,
  name: 'EmployeeSynced',
  version: 1,
  description:
    "The employee's record as the customer's HRIS holds it now; sent on every change, idempotent.",
  schema: Type.Object(
    {
      employeeId: Id('Employee'),
      externalId: Text('Id of the employee in the HRIS', 128),
      displayName: Personal(Text('Name shown in the product', 200)),
      email: Personal(
        Type.String({ format: 'email', maxLength: 254, description: 'Work e-mail address' }),
      ),
      roleId: Id('Current role'),
      departmentId: Id('Current department'),
      departmentName: Text('Name of the department', 200),
      managerId: Nullable(Id('Current manager'), 'Null for employees without a manager'),
      preferredLanguage: Language,
      employmentStatus: Type.Union([Type.Literal('active'), Type.Literal('left')], {
        description: 'Employees who left keep their history but leave the headcount',
      }),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    employeeId: 'emp-1001',
    externalId: 'HR-88213',
    displayName: 'Sanne de Vries',
    email: 'sanne.devries@example.com',
    roleId: 'team-lead',
    departmentId: 'dept-operations',
    departmentName: 'Operations',
    managerId: 'emp-0007',
    preferredLanguage: 'nl',
    employmentStatus: 'active',
  },
});

export const ReportingLineChanged = defineEvent({
  context,
  name: 'ReportingLineChanged',
  version: 1,
  description:
    'The employee got another manager; pending approvals move to the new manager from effectiveAt.',
  schema: Type.Object(
    {
      employeeId: Id('Employee'),
      previousManagerId: Nullable(Id('Manager until now'), 'Null when there was none'),
      newManagerId: Nullable(Id('Manager from effectiveAt'), 'Null when there is none'),
      effectiveAt: IsoDateTime('From when the new manager decides'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    employeeId: 'emp-1001',
    previousManagerId: 'emp-0007',
    newManagerId: 'emp-0031',
    effectiveAt: '2026-03-01T00:00:00.000Z',
  },
});

export type EmployeeSynced = EventOf<typeof EmployeeSynced>;
export type ReportingLineChanged = EventOf<typeof ReportingLineChanged>;
