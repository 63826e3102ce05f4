import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  RoleProfileNotFound,
  type RoleProfile,
  type RoleProfileState,
} from '@talentloop/assessment-domain';
import { AssessmentStore } from '../shared/assessment-store';

/** The current version of the role profile; RoleProfileNotFound while it has none. */
export const profileOf = (roleId: string, state: RoleProfileState): RoleProfile => {
  if (state.status === 'undefined') throw new RoleProfileNotFound(roleId);
  return state.profile;
};

export class GetRoleProfileQuery extends Query<RoleProfile> {
  constructor(
    readonly tenantId: string,
    readonly roleId: string,
  ) {
    super();
  }
}

@QueryHandler(GetRoleProfileQuery)
export class GetRoleProfileHandler implements IQueryHandler<GetRoleProfileQuery> {
  constructor(private readonly store: AssessmentStore) {}

  async execute({ tenantId, roleId }: GetRoleProfileQuery) {
    return profileOf(roleId, await this.store.roleProfile(tenantId, roleId));
  }
}
