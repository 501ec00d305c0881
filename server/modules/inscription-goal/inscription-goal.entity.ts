import { Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Role } from '../../kernel/roles';
import { BaseEntity } from '../../common/base.entity';
import { NOTHING, Scoped } from '../../scope/rules';
import { Cohort } from '../cohort/cohort.entity';
import { Department } from '../department/department.entity';
import { Region } from '../region/region.entity';

/** Maximum number of validated volunteers for one department (or one region) and one cohort. */
@ObjectType({ description: 'Objectif d’inscription' })
@Scoped((user) => {
  if (user.role === Role.HEAD_CENTER) return NOTHING;
  const departments = { department: { $in: user.territory.departmentIds } };
  // Never `{ region: null }`: that would match every departmental goal.
  if (user.role === Role.REFERENT_DEPARTMENT || !user.territory.regionId) return departments;
  return { $or: [departments, { region: user.territory.regionId }] };
})
@Unique({ properties: ['cohort', 'department'] })
@Unique({ properties: ['cohort', 'region'] })
@Entity()
export class InscriptionGoal extends BaseEntity {
  @ManyToOne(() => Cohort, { ref: true })
  cohort!: Ref<Cohort>;

  /** Set for a departmental goal. */
  @ManyToOne(() => Department, { ref: true, nullable: true, index: true })
  department: Ref<Department> | null = null;

  /** Set for a regional goal (department left empty). */
  @ManyToOne(() => Region, { ref: true, nullable: true, index: true })
  region: Ref<Region> | null = null;

  @Field(() => Int, { description: 'Nombre maximal de volontaires validés' })
  @Property({ type: 'integer' })
  max!: number;
}
