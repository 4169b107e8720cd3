import { Role } from '../../server/src/modules/person/membership.entity';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { factories, gid } from './factories';

/** An organisation with an active pair, a barrier it raised, an owner, and a change in `status`. */
export async function changeScenario(make: ReturnType<typeof factories>, status: ChangeStatus = ChangeStatus.DRAFT) {
  const organisation = await make.organisation();
  const { pair, senior, junior } = await make.pair(organisation);
  const owner = await make.person({ organisation, roles: [Role.OWNER], name: 'Olu Owner' });
  const barrier = await make.barrier(pair);
  const change = await make.change(barrier, owner.person.id, { status });
  return { organisation, pair, senior, junior, owner, barrier, change, id: gid('Change', change.id), barrierId: gid('Barrier', barrier.id) };
}
