import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { type AlikeOrganisation, alikeOrganisations, changesInForceAtTwelveMonths } from './barrier-link.service';

export interface CaseReachRows {
  organisations: AlikeOrganisation[];
  inForce: Set<string>;
}

export function createBarrierLinkLoaders(db: DataSource) {
  return {
    /** Per case id: the organisations with an alike barrier (server-side only) and which adopted changes are in force at 12 months. */
    reach: new DataLoader<string, CaseReachRows>(async (caseIds) => {
      const rows = await alikeOrganisations(db, caseIds);
      const inForce = await changesInForceAtTwelveMonths(db, [...new Set(rows.flatMap((r) => r.adoptedChangeIds))]);
      return caseIds.map((id) => ({ organisations: rows.filter((r) => r.caseId === id), inForce }));
    }),
  };
}
