/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query StaffOverview {\n  staffOverview {\n    customers\n    orders\n    activeNumbers\n    availableNumbers\n  }\n}": typeof types.StaffOverviewDocument,
    "fragment StaffUser on User {\n  id\n  name\n  role\n}\n\nfragment UserErrorFields on UserError {\n  code\n  message\n  field\n}\n\nquery StaffMe {\n  me {\n    ...StaffUser\n  }\n}\n\nmutation StaffSignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    user {\n      ...StaffUser\n    }\n    errors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation StaffSignOut {\n  signOut {\n    ok\n    errors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.StaffUserFragmentDoc,
};
const documents: Documents = {
    "query StaffOverview {\n  staffOverview {\n    customers\n    orders\n    activeNumbers\n    availableNumbers\n  }\n}": types.StaffOverviewDocument,
    "fragment StaffUser on User {\n  id\n  name\n  role\n}\n\nfragment UserErrorFields on UserError {\n  code\n  message\n  field\n}\n\nquery StaffMe {\n  me {\n    ...StaffUser\n  }\n}\n\nmutation StaffSignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    user {\n      ...StaffUser\n    }\n    errors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation StaffSignOut {\n  signOut {\n    ok\n    errors {\n      ...UserErrorFields\n    }\n  }\n}": types.StaffUserFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StaffOverview {\n  staffOverview {\n    customers\n    orders\n    activeNumbers\n    availableNumbers\n  }\n}"): (typeof documents)["query StaffOverview {\n  staffOverview {\n    customers\n    orders\n    activeNumbers\n    availableNumbers\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StaffUser on User {\n  id\n  name\n  role\n}\n\nfragment UserErrorFields on UserError {\n  code\n  message\n  field\n}\n\nquery StaffMe {\n  me {\n    ...StaffUser\n  }\n}\n\nmutation StaffSignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    user {\n      ...StaffUser\n    }\n    errors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation StaffSignOut {\n  signOut {\n    ok\n    errors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["fragment StaffUser on User {\n  id\n  name\n  role\n}\n\nfragment UserErrorFields on UserError {\n  code\n  message\n  field\n}\n\nquery StaffMe {\n  me {\n    ...StaffUser\n  }\n}\n\nmutation StaffSignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    user {\n      ...StaffUser\n    }\n    errors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation StaffSignOut {\n  signOut {\n    ok\n    errors {\n      ...UserErrorFields\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;