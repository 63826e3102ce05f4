import {
  Command,
  CommandHandler,
  type ICommandHandler,
  type IQueryHandler,
  Query,
  QueryHandler,
} from '@nestjs/cqrs';
import {
  latestVersion,
  roleProfileDecider,
  RoleProfileNotFound,
  type RoleProfile,
  type RoleProfileState,
} from '@talentloop/assessment-domain';
import type { Actor } from '@talentloop/service-kit';
import { AssessmentStore } from '../shared/assessment-store';
import { commandContext } from '../shared/request-context';
import type { DefineRoleProfileDto } from './define-role-profile.dto';

export class DefineRoleProfileCommand extends Command<RoleProfile> {
  constructor(
    readonly actor: Actor,
    readonly roleId: string,
    readonly body: DefineRoleProfileDto,
    readonly commandId: string,
  ) {
    super();
  }
}

const profileOf = (roleId: string, state: RoleProfileState): RoleProfile => {
  if (state.status === 'undefined') throw new RoleProfileNotFound(roleId);
  return state.profile;
};

@CommandHandler(DefineRoleProfileCommand)
export class DefineRoleProfileHandler implements ICommandHandler<DefineRoleProfileCommand> {
  constructor(private readonly store: AssessmentStore) {}

  async execute({ actor, roleId, body, commandId }: DefineRoleProfileCommand) {
    const framework = latestVersion(await this.store.framework(actor.tenantId, body.frameworkId));
    const { state } = await this.store.run(
      roleProfileDecider,
      'roleProfile',
      roleId,
      { type: 'DefineRoleProfile', data: { roleId, ...body, framework } },
      commandContext(actor, commandId),
    );
    return profileOf(roleId, state);
  }
}

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
