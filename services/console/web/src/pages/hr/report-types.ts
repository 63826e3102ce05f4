// The analytics service's answers (GET /analytics/<report>), as the console reads them: every
// figure is either shown (with how many people it describes) or withheld with a reason already
// said in the reader's language (the privacy threshold: no figure about fewer than N people).

export type Figure<Value> =
  | { readonly status: 'shown'; readonly people: number; readonly value: Value }
  | { readonly status: 'withheld'; readonly reason: string };

export interface DepartmentRow<Value> {
  readonly departmentId: string | null;
  readonly departmentName: string | null;
  readonly figure: Figure<Value>;
}

/** A figure for everyone in the report, then one per department. */
export interface ByDepartment<Value> {
  readonly total: Figure<Value>;
  readonly byDepartment: readonly DepartmentRow<Value>[];
}

/** The filters as the report echoes them: the period by its label. */
export interface FilterLabels {
  readonly departmentId?: string;
  readonly roleId?: string;
  readonly competencyId?: string;
  readonly period?: string;
}

/** What every report answer carries. */
export interface ReportBase {
  /** The position in the event history the figures include. */
  readonly asOf: string;
  readonly scope: { readonly kind: 'organisation' } | { readonly kind: 'team'; managerId: string };
  readonly filters: FilterLabels;
  /** Figures about fewer people than this are withheld. */
  readonly threshold: number;
}

export interface ActivePlansValue {
  readonly employeesWithActiveGoal: number;
  readonly headcount: number;
  readonly share: number;
}

export interface ActivePlansReport extends ReportBase, ByDepartment<ActivePlansValue> {
  readonly referenceInstant: string;
  readonly overTime: readonly {
    /** 'YYYY-MM' */
    readonly month: string;
    readonly at: string;
    readonly figure: Figure<ActivePlansValue>;
  }[];
}

export interface DevelopmentFocusValue {
  readonly drafted: number;
  readonly submitted: number;
  readonly active: number;
  readonly achieved: number;
  readonly goals: number;
}

export interface DevelopmentFocusReport extends ReportBase {
  readonly competencies: readonly {
    readonly competencyId: string;
    readonly figure: Figure<DevelopmentFocusValue>;
  }[];
}

export interface GapDistribution {
  readonly below0: number;
  readonly from0to9: number;
  readonly from10to19: number;
  readonly from20to29: number;
  readonly from30: number;
}

export interface GapValue {
  readonly averageGap: number;
  readonly distribution: GapDistribution;
}

export interface GapMapReport extends ReportBase {
  readonly competencies: readonly {
    readonly competencyId: string;
    readonly figure: Figure<GapValue>;
    readonly byDepartment: readonly DepartmentRow<GapValue>[];
  }[];
}

export interface ApprovalFlowValue {
  readonly decisions: number;
  readonly medianTurnaroundSeconds: number;
  readonly p90TurnaroundSeconds: number;
  readonly rejectionRate: number;
}

export interface ApprovalFlowReport extends ReportBase, ByDepartment<ApprovalFlowValue> {
  readonly byManager: readonly {
    readonly managerId: string;
    readonly figure: Figure<ApprovalFlowValue>;
  }[];
}

export interface CheckInAdherenceValue {
  readonly due: number;
  readonly onTime: number;
  readonly share: number;
  readonly held: number;
  readonly outsideExpectedLength: {
    readonly count: number;
    readonly short: number;
    readonly long: number;
    readonly share: number;
  };
}

export interface CheckInAdherenceReport extends ReportBase, ByDepartment<CheckInAdherenceValue> {
  readonly referenceInstant: string;
  readonly expectedCheckInMinutes: { readonly min: number; readonly max: number };
}

export interface GrowthValue {
  readonly averageBehaviourDelta: number;
  readonly remeasurements: number;
  readonly robust: number;
  readonly lessRobust: number;
}

export interface GoalsAchievedValue {
  readonly evaluated: number;
  readonly achieved: number;
  readonly share: number;
}

export interface GrowthReport extends ReportBase {
  readonly competencies: readonly {
    readonly competencyId: string;
    readonly figure: Figure<GrowthValue>;
    readonly indicators: readonly {
      readonly indicatorId: string;
      readonly figure: Figure<{ readonly averageDelta: number }>;
    }[];
  }[];
  readonly goalsAchieved: Figure<GoalsAchievedValue>;
}
