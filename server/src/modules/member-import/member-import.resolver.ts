import { Ctx, Mutation, Resolver } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { DomainError, InputArg, mutate, UserErrorCode } from '../../common/errors';
import { idOf } from '../../common/relay';
import type { Context } from '../../context';
import { Role } from '../person/membership.entity';
import { ImportMembersInput } from './member-import.inputs';
import { ImportMembersPayload } from './member-import.payloads';
import { ImportAction, MemberImportService } from './member-import.service';
import { ImportRow } from './member-import.type';

@Resolver()
export class MemberImportResolver {
  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => ImportMembersPayload, {
    description: 'Import people from a CSV: a dry run shows every row and its problems; a real run imports all rows, inviting new members, or none.',
  })
  importMembers(@InputArg(ImportMembersInput) input: ImportMembersInput, @Ctx() ctx: Context) {
    return mutate(ImportMembersPayload, input, async () => {
      const outcome = await new MemberImportService(ctx).run(idOf(input.organisationId, 'Organisation'), input.csv, input.dryRun);
      const rows = outcome.rows.map(ImportRow.from);
      const payload = {
        rows,
        imported: outcome.imported,
        created: rows.filter((r) => r.action === ImportAction.CREATE).length,
        updated: rows.filter((r) => r.action === ImportAction.UPDATE).length,
      };
      const faulty = rows.filter((r) => r.problems.length > 0).length;
      if (faulty > 0 && !input.dryRun) {
        return { ...payload, userErrors: [new DomainError(UserErrorCode.INVALID_INPUT, `${faulty} of ${rows.length} rows have problems: nothing was imported.`, ['input', 'csv']).toUserError()] };
      }
      return payload;
    });
  }
}
