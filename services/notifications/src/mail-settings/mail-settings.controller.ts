import { Body, Controller, Get, Header, HttpCode, Inject, Post, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@talentloop/domain-kernel';
import { fold } from '@talentloop/domain-kernel';
import type { EventStore } from '@talentloop/event-store';
import type { ReadModelStore } from '@talentloop/read-models';
import {
  hrContactsDecider,
  mailPreferencesDecider,
  readUnsubscribeToken,
  type HrContactsCommand,
  type MailPreferenceCommand,
} from '@talentloop/notifications-domain';
import {
  callerOf,
  CurrentActor,
  DeciderCommand,
  EVENT_STORE,
  HtmlPage,
  Public,
  READ_MODEL_STORE,
  RequestCommandId,
  type Actor,
  type CommandCaller,
} from '@talentloop/service-kit';
import {
  streamName,
  type HrContactsSet,
  type NotificationPreferenceSet,
} from '@talentloop/contracts';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { MailLoops } from '../mails/mail.loops';
import { HrContactsDto, MailLogQueryDto, NotificationPreferenceDto } from './mail-settings.dto';
import { MAILS, type MailDocument } from '../mails/mail.documents';

/** The link of an e-mail was altered, is from another installation, or was cut short. */
export class InvalidUnsubscribeLink extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'UNSUBSCRIBE_LINK_INVALID';
}

export class UnsubscribeQueryDto {
  @ApiProperty({ description: 'The token of the unsubscribe link, as the e-mail carried it' })
  @IsString()
  @MaxLength(1024)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  token!: string;
}

const preferenceStream = (tenantId: string, employeeId: string) =>
  streamName({
    context: 'notifications',
    aggregate: 'notificationPreference',
    tenantId,
    id: employeeId,
  });

const hrContactsStream = (tenantId: string) =>
  streamName({ context: 'notifications', aggregate: 'hrContacts', tenantId, id: 'hr-contacts' });

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * How people are e-mailed: each person's preference (off, immediately, daily digest), the
 * one-click unsubscribe of RFC 8058 every e-mail links to, and the tenant's HR contacts.
 */
@ApiTags('mail')
@Controller()
export class MailSettingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly loops: MailLoops,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  private setPreference(
    caller: CommandCaller,
    employeeId: string,
    preference: NotificationPreferenceDto['preference'],
    via: 'settings' | 'unsubscribe-link',
  ) {
    return this.commands.execute(
      new DeciderCommand(
        mailPreferencesDecider,
        preferenceStream(caller.tenantId, employeeId),
        (_state, { now }): MailPreferenceCommand => ({
          type: 'SetNotificationPreference',
          employeeId,
          preference,
          via,
          at: now.toISOString(),
        }),
        caller,
      ),
    );
  }

  /** As the person's stream says now: an answer right after a change includes it. */
  private async preferenceOf(tenantId: string, employeeId: string) {
    const events = await this.store.readStream(preferenceStream(tenantId, employeeId));
    return fold(mailPreferencesDecider, events as unknown as NotificationPreferenceSet[]);
  }

  @Get('notification-preferences/me')
  @ApiOperation({ summary: 'How the caller is e-mailed: off, immediately, or a daily digest' })
  async myPreference(@CurrentActor() actor: Actor) {
    return { preference: await this.preferenceOf(actor.tenantId, actor.userId) };
  }

  @Put('notification-preferences/me')
  @ApiOperation({
    summary: 'Choose how the caller is e-mailed',
    description:
      'off stops every e-mail, also those already planned; daily-digest gathers them into one e-mail a day (check-in invites included as a list). Setting the same preference again changes nothing.',
  })
  async setMyPreference(
    @CurrentActor() actor: Actor,
    @Body() { preference }: NotificationPreferenceDto,
    @RequestCommandId() commandId: string,
  ) {
    await this.setPreference(callerOf(actor, commandId), actor.userId, preference, 'settings');
    return { preference };
  }

  @Public()
  @HtmlPage()
  @Get('unsubscribe')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({
    summary: 'The page an unsubscribe link opens: one button that turns the e-mails off',
    description:
      'Opening the link changes nothing (link checkers open every link); the button posts to the same address. No token is needed: the link itself is signed.',
  })
  unsubscribePage(@Query() { token }: UnsubscribeQueryDto) {
    this.read(token);
    const action = `unsubscribe?token=${encodeURIComponent(token)}`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head><body><form method="post" action="${escapeHtml(action)}"><p>Stop the e-mails from Talentloop? / Geen e-mails meer van Talentloop?</p><button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe / Afmelden</button></form></body></html>`;
  }

  @Public()
  @Post('unsubscribe')
  @HttpCode(200)
  @ApiOperation({
    summary: 'One-click unsubscribe (RFC 8058): the e-mails to the link’s person are turned off',
    description:
      'What mail clients post for `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. The link is signed per person; an altered one is refused (400). A second click changes nothing.',
  })
  async unsubscribe(@Query() { token }: UnsubscribeQueryDto) {
    const who = this.read(token);
    await this.setPreference(
      { tenantId: who.tenantId, actorId: who.employeeId },
      who.employeeId,
      'off',
      'unsubscribe-link',
    );
    return { preference: 'off' };
  }

  private read(token: string) {
    const who = readUnsubscribeToken(this.loops.secretNow(), token);
    if (who === null)
      throw new InvalidUnsubscribeLink(
        'The unsubscribe link is not valid: it was altered or cut short.',
      );
    return who;
  }

  @Get('notification-settings/hr-contacts')
  @ApiOperation({ summary: 'Who receives the e-mails addressed to HR' })
  async hrContacts(@CurrentActor() actor: Actor) {
    const events = await this.store.readStream(hrContactsStream(actor.tenantId));
    return {
      employeeIds: [...fold(hrContactsDecider, events as unknown as HrContactsSet[])],
    };
  }

  @Put('notification-settings/hr-contacts')
  @ApiOperation({
    summary: 'Set who receives the e-mails addressed to HR (approvals overdue, remeasurements due)',
  })
  async setHrContacts(
    @CurrentActor() actor: Actor,
    @Body() { employeeIds }: HrContactsDto,
    @RequestCommandId() commandId: string,
  ) {
    await this.commands.execute(
      new DeciderCommand(
        hrContactsDecider,
        hrContactsStream(actor.tenantId),
        (_state, { now }): HrContactsCommand => ({
          type: 'SetHrContacts',
          employeeIds,
          setBy: actor.userId,
          at: now.toISOString(),
        }),
        callerOf(actor, commandId),
      ),
    );
    return { employeeIds };
  }

  @Get('mails')
  @ApiOperation({
    summary: "The tenant's mail log, newest first: who was told what, and where each mail stands",
    description:
      'Ids, kinds and states only (no names, addresses or texts). `state=dead` lists the dead letters; `suppressed` the mails not sent because the person turned e-mail off, left or was erased. Each mail keeps its last 10 attempts.',
  })
  async mails(@CurrentActor() actor: Actor, @Query() query: MailLogQueryDto) {
    const found = await this.readModels.findStored<MailDocument>(MAILS, {
      where: {
        tenantId: actor.tenantId,
        ...(query.state !== undefined && { state: query.state }),
        ...(query.recipientId !== undefined && { recipientId: query.recipientId }),
      },
      sort: { createdAt: -1 },
      limit: query.limit ?? 50,
    });
    return {
      mails: found.map(({ id, doc }) => ({
        mailId: id,
        kind: doc.kind,
        role: doc.role,
        recipientId: doc.recipientId,
        employeeId: doc.facts.employeeId,
        goalId: doc.facts.goalId,
        cause: doc.cause,
        state: doc.state,
        digest: doc.digest,
        attempts: doc.attempts,
        createdAt: doc.createdAt,
        sendAt: doc.state === 'pending' ? doc.sendAt : null,
        sentAt: doc.sentAt,
        messageId: doc.messageId,
        log: doc.log,
      })),
    };
  }
}
