import { ArrayMinSize, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
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

  @Field(() => Int, { nullable: true, description: 'Ordered level from 1 (most junior) to 20 (most senior); null clears it, leaving it out keeps it.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'Give a grade from 1 (most junior) to 20 (most senior).' })
  @Max(20, { message: 'Give a grade from 1 (most junior) to 20 (most senior).' })
  grade?: number | null;

  @Field(() => ID, { nullable: true, description: "The line manager's Membership id; null clears it, leaving it out keeps it." })
  @IsOptional()
  lineManagerId?: string | null;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID)
  membershipId: string;
}
