import type { DataSource } from 'typeorm';
import { oneBy } from '../../common/loader-utils';
import { ProgrammeDesignEntity } from './programme-design.entity';

export function createProgrammeTemplateLoaders(db: DataSource) {
  return {
    /** A programme's design row, or null for a blank programme that keeps the defaults. */
    designByProgramme: oneBy(db, ProgrammeDesignEntity, 'programmeId'),
  };
}
