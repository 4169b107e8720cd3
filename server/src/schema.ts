import 'reflect-metadata';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { repoRoot } from './config';
import { authChecker } from './common/auth-checker';
import { TextInputMiddleware } from './common/text-input';
import { AuthResolver } from './modules/auth/auth.resolver';
import { BarrierResolver } from './modules/barrier/barrier.resolver';
import { ChangeResolver, SessionPromptsResolver } from './modules/change/change.resolver';
import { CommentResolver } from './modules/comment/comment.resolver';
import { HistoryEventResolver } from './modules/history/history.resolver';
import { NotificationResolver, ViewerNotificationsResolver } from './modules/notification/notification.resolver';
import { DashboardQuestionnaireResolver, QuestionnaireResolver } from './modules/evaluation/evaluation.resolver';
import {
  AdoptedChangeResolver,
  InsightResolver,
  OverdueChangeResolver,
  OverdueOwnerResolver,
  PairActivityEntryResolver,
  PairActivityResolver,
} from './modules/insight/insight.resolver';
import { IdentifierResolver } from './modules/identifier/identifier.resolver';
import { MailResolver, ViewerMailResolver } from './modules/mail/mail.resolver';
import { InvitationResolver } from './modules/invitation/invitation.resolver';
import { IdentityProviderResolver, OrganisationIdentityProviderResolver } from './modules/identity/identity-provider.resolver';
import { OrganisationProvisioningResolver, ProvisioningResolver } from './modules/scim/scim-token.resolver';
import { BarrierCaseResolver, CaseAdaptationResolver, ChangeCaseResolver, SharedCaseResolver } from './modules/library/library.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { OrganisationResolver } from './modules/organisation/organisation.resolver';
import { MentoringSessionResolver, PairResolver, ProgrammePairsResolver } from './modules/pair/pair.resolver';
import { MembershipAuditEntryResolver, OrganisationMembershipAuditResolver } from './modules/membership-audit/membership-audit.resolver';
import { MembershipResolver, PersonResolver } from './modules/person/person.resolver';
import { ProgrammeResolver } from './modules/programme/programme.resolver';
import { PairSchedulingResolver, SchedulingResolver } from './modules/scheduling/scheduling.resolver';
import { BarrierRaisingSetResolver, GroupSessionInviteeResolver, GroupSessionResolver } from './modules/group-session/group-session.resolver';
import { JournalResolver, PairGoalsResolver, ProgrammeGoalsResolver } from './modules/journal/journal.resolver';

export const resolvers = [
  AuthResolver,
  NodeResolver,
  OrganisationResolver,
  IdentifierResolver,
  PersonResolver,
  MembershipResolver,
  OrganisationMembershipAuditResolver,
  MembershipAuditEntryResolver,
  InvitationResolver,
  SharedCaseResolver,
  CaseAdaptationResolver,
  BarrierCaseResolver,
  ChangeCaseResolver,
  ProgrammeResolver,
  PairResolver,
  MentoringSessionResolver,
  ProgrammePairsResolver,
  BarrierResolver,
  ChangeResolver,
  SessionPromptsResolver,
  CommentResolver,
  HistoryEventResolver,
  NotificationResolver,
  ViewerNotificationsResolver,
  InsightResolver,
  PairActivityResolver,
  PairActivityEntryResolver,
  OverdueOwnerResolver,
  OverdueChangeResolver,
  AdoptedChangeResolver,
  QuestionnaireResolver,
  DashboardQuestionnaireResolver,
  MailResolver,
  ViewerMailResolver,
  IdentityProviderResolver,
  OrganisationIdentityProviderResolver,
  ProvisioningResolver,
  OrganisationProvisioningResolver,
  SchedulingResolver,
  PairSchedulingResolver,
  GroupSessionResolver,
  GroupSessionInviteeResolver,
  BarrierRaisingSetResolver,
  JournalResolver,
  PairGoalsResolver,
  ProgrammeGoalsResolver,
] as const;

export const schemaFile = path.join(repoRoot, 'schema', 'schema.graphql');

export function createSchema(options: { emit?: boolean } = {}): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    // Every argument's text is checked and trimmed before validation and before any resolver runs.
    globalMiddlewares: [TextInputMiddleware],
    emitSchemaFile: options.emit ? { path: schemaFile, sortedSchema: true } : false,
  });
}
