import type { Role } from '../gql/graphql';
import { roleDescriptions, roleLabels } from '../labels';

export function RoleBadges({ roles, isPlatformAdmin = false, label = 'Roles' }: { roles: readonly Role[]; isPlatformAdmin?: boolean; label?: string }) {
  if (roles.length === 0 && !isPlatformAdmin) return null;
  return (
    <ul className="badges" aria-label={label}>
      {isPlatformAdmin && (
        <li className="badge badge--admin" title="Creates organisations and grants programme managers.">
          Platform admin
        </li>
      )}
      {roles.map((role) => (
        <li key={role} className={`badge badge--${role.toLowerCase().replace(/_/g, '-')}`} title={roleDescriptions[role]}>
          {roleLabels[role]}
        </li>
      ))}
    </ul>
  );
}
