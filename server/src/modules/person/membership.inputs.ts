import { ArrayMinSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from './membership.entity';

@InputType()
export class UpdateMembershipInput {
  @Field(() => ID)
  membershipId: string;

  @Field(() => [Role], { description: 'The complete new set of roles.' })
  @ArrayMinSize(1, { message: 'Choose at least one role.' })
  roles: Role[];

  @Field(() => String, { nullable: true, description: 'Null or empty clears it.' })
  @IsOptional()
  @Length(0, 120, { message: 'Keep the job title under 120 characters.' })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Null or empty clears it.' })
  @IsOptional()
  @Length(0, 120, { message: 'Keep the division under 120 characters.' })
  division?: string | null;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID)
  membershipId: string;
}
