import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../generated/prisma/enums';
import { UserError } from '../../graphql/errors';

registerEnumType(Role, {
  name: 'Role',
  description: 'What an account may do.',
  valuesConfig: {
    CUSTOMER: { description: 'Buys and runs numbers.' },
    SUPPORT: { description: 'NumNinja staff: reads everything, acts on orders and numbers.' },
    ADMIN: { description: 'NumNinja staff with full control, including pricing and staff accounts.' },
  },
});

@ObjectType({ description: 'A NumNinja account.' })
export class User {
  @Field(() => ID, { description: 'Stable id of the account.' })
  id!: string;

  @Field(() => String, { description: 'Sign-in email, lower-cased.' })
  email!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => Role, { description: 'Role of the account.' })
  role!: Role;

  @Field(() => Date, { description: 'When the account was created.' })
  createdAt!: Date;
}

@InputType({ description: 'Fields to create an account.' })
export class SignUpInput {
  @Field(() => String, { description: 'Email address; becomes the sign-in name.' })
  email!: string;

  @Field(() => String, { description: 'At least 10 characters.' })
  password!: string;

  @Field(() => String, { description: 'Display name, 1–100 characters.' })
  name!: string;
}

@InputType({ description: 'Credentials to sign in.' })
export class SignInInput {
  @Field(() => String, { description: 'Email address of the account.' })
  email!: string;

  @Field(() => String, { description: 'Password of the account.' })
  password!: string;
}

@ObjectType({ description: 'Result of signUp / signIn.' })
export class AuthPayload {
  @Field(() => User, { nullable: true, description: 'The signed-in account; null on failure.' })
  user?: User | null;

  @Field(() => String, {
    nullable: true,
    description: 'Session token for API clients (`Authorization: Bearer <token>`). Browsers also get it as an httpOnly cookie.',
  })
  token?: string | null;

  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Result of signOut.' })
export class SignOutPayload {
  @Field(() => Boolean, { description: 'True when a session was ended (or there was none).' })
  ok!: boolean;

  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}
