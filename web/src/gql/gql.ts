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
    "fragment MoneyFields on Money {\n  amount\n  currency\n  formatted\n}\n\nfragment CatalogCountry on Country {\n  id\n  isoCode\n  name\n  callingCode\n  availableCount\n  lowestMonthlyPrice {\n    ...MoneyFields\n  }\n}\n\nfragment CatalogNumber on AvailableNumber {\n  id\n  e164\n  nationalFormat\n  internationalFormat\n  areaCode\n  areaName\n  kind\n  features\n  available\n  region {\n    id\n    name\n    code\n  }\n  setupPrice {\n    ...MoneyFields\n  }\n  monthlyPrice {\n    ...MoneyFields\n  }\n}\n\nquery CatalogCountries {\n  countries {\n    ...CatalogCountry\n  }\n}\n\nquery CatalogRegions($countryId: ID!) {\n  regions(countryId: $countryId) {\n    id\n    name\n    code\n    availableCount\n  }\n}\n\nquery CatalogAreaCodes($countryId: ID!, $regionId: ID) {\n  areaCodes(countryId: $countryId, regionId: $regionId) {\n    code\n    name\n    availableCount\n  }\n}\n\nquery SearchNumbers($filter: AvailableNumberFilter!, $sort: AvailableNumberSort, $first: Int, $after: String) {\n  availableNumbers(filter: $filter, sort: $sort, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...CatalogNumber\n      }\n    }\n  }\n}\n\nquery NumberDetail($id: ID!) {\n  availableNumber(id: $id) {\n    ...CatalogNumber\n    country {\n      ...CatalogCountry\n    }\n  }\n}": typeof types.MoneyFieldsFragmentDoc,
    "fragment SessionUser on User {\n  id\n  email\n  name\n  role\n  createdAt\n}\n\nfragment UserErrorFields on UserError {\n  code\n  message\n  field\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    user {\n      ...SessionUser\n    }\n    errors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    user {\n      ...SessionUser\n    }\n    errors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignOut {\n  signOut {\n    ok\n    errors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.SessionUserFragmentDoc,
};
const documents: Documents = {
    "fragment MoneyFields on Money {\n  amount\n  currency\n  formatted\n}\n\nfragment CatalogCountry on Country {\n  id\n  isoCode\n  name\n  callingCode\n  availableCount\n  lowestMonthlyPrice {\n    ...MoneyFields\n  }\n}\n\nfragment CatalogNumber on AvailableNumber {\n  id\n  e164\n  nationalFormat\n  internationalFormat\n  areaCode\n  areaName\n  kind\n  features\n  available\n  region {\n    id\n    name\n    code\n  }\n  setupPrice {\n    ...MoneyFields\n  }\n  monthlyPrice {\n    ...MoneyFields\n  }\n}\n\nquery CatalogCountries {\n  countries {\n    ...CatalogCountry\n  }\n}\n\nquery CatalogRegions($countryId: ID!) {\n  regions(countryId: $countryId) {\n    id\n    name\n    code\n    availableCount\n  }\n}\n\nquery CatalogAreaCodes($countryId: ID!, $regionId: ID) {\n  areaCodes(countryId: $countryId, regionId: $regionId) {\n    code\n    name\n    availableCount\n  }\n}\n\nquery SearchNumbers($filter: AvailableNumberFilter!, $sort: AvailableNumberSort, $first: Int, $after: String) {\n  availableNumbers(filter: $filter, sort: $sort, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...CatalogNumber\n      }\n    }\n  }\n}\n\nquery NumberDetail($id: ID!) {\n  availableNumber(id: $id) {\n    ...CatalogNumber\n    country {\n      ...CatalogCountry\n    }\n  }\n}": types.MoneyFieldsFragmentDoc,
    "fragment SessionUser on User {\n  id\n  email\n  name\n  role\n  createdAt\n}\n\nfragment UserErrorFields on UserError {\n  code\n  message\n  field\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    user {\n      ...SessionUser\n    }\n    errors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    user {\n      ...SessionUser\n    }\n    errors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignOut {\n  signOut {\n    ok\n    errors {\n      ...UserErrorFields\n    }\n  }\n}": types.SessionUserFragmentDoc,
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
export function graphql(source: "fragment MoneyFields on Money {\n  amount\n  currency\n  formatted\n}\n\nfragment CatalogCountry on Country {\n  id\n  isoCode\n  name\n  callingCode\n  availableCount\n  lowestMonthlyPrice {\n    ...MoneyFields\n  }\n}\n\nfragment CatalogNumber on AvailableNumber {\n  id\n  e164\n  nationalFormat\n  internationalFormat\n  areaCode\n  areaName\n  kind\n  features\n  available\n  region {\n    id\n    name\n    code\n  }\n  setupPrice {\n    ...MoneyFields\n  }\n  monthlyPrice {\n    ...MoneyFields\n  }\n}\n\nquery CatalogCountries {\n  countries {\n    ...CatalogCountry\n  }\n}\n\nquery CatalogRegions($countryId: ID!) {\n  regions(countryId: $countryId) {\n    id\n    name\n    code\n    availableCount\n  }\n}\n\nquery CatalogAreaCodes($countryId: ID!, $regionId: ID) {\n  areaCodes(countryId: $countryId, regionId: $regionId) {\n    code\n    name\n    availableCount\n  }\n}\n\nquery SearchNumbers($filter: AvailableNumberFilter!, $sort: AvailableNumberSort, $first: Int, $after: String) {\n  availableNumbers(filter: $filter, sort: $sort, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...CatalogNumber\n      }\n    }\n  }\n}\n\nquery NumberDetail($id: ID!) {\n  availableNumber(id: $id) {\n    ...CatalogNumber\n    country {\n      ...CatalogCountry\n    }\n  }\n}"): (typeof documents)["fragment MoneyFields on Money {\n  amount\n  currency\n  formatted\n}\n\nfragment CatalogCountry on Country {\n  id\n  isoCode\n  name\n  callingCode\n  availableCount\n  lowestMonthlyPrice {\n    ...MoneyFields\n  }\n}\n\nfragment CatalogNumber on AvailableNumber {\n  id\n  e164\n  nationalFormat\n  internationalFormat\n  areaCode\n  areaName\n  kind\n  features\n  available\n  region {\n    id\n    name\n    code\n  }\n  setupPrice {\n    ...MoneyFields\n  }\n  monthlyPrice {\n    ...MoneyFields\n  }\n}\n\nquery CatalogCountries {\n  countries {\n    ...CatalogCountry\n  }\n}\n\nquery CatalogRegions($countryId: ID!) {\n  regions(countryId: $countryId) {\n    id\n    name\n    code\n    availableCount\n  }\n}\n\nquery CatalogAreaCodes($countryId: ID!, $regionId: ID) {\n  areaCodes(countryId: $countryId, regionId: $regionId) {\n    code\n    name\n    availableCount\n  }\n}\n\nquery SearchNumbers($filter: AvailableNumberFilter!, $sort: AvailableNumberSort, $first: Int, $after: String) {\n  availableNumbers(filter: $filter, sort: $sort, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...CatalogNumber\n      }\n    }\n  }\n}\n\nquery NumberDetail($id: ID!) {\n  availableNumber(id: $id) {\n    ...CatalogNumber\n    country {\n      ...CatalogCountry\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionUser on User {\n  id\n  email\n  name\n  role\n  createdAt\n}\n\nfragment UserErrorFields on UserError {\n  code\n  message\n  field\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    user {\n      ...SessionUser\n    }\n    errors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    user {\n      ...SessionUser\n    }\n    errors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignOut {\n  signOut {\n    ok\n    errors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["fragment SessionUser on User {\n  id\n  email\n  name\n  role\n  createdAt\n}\n\nfragment UserErrorFields on UserError {\n  code\n  message\n  field\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    user {\n      ...SessionUser\n    }\n    errors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    user {\n      ...SessionUser\n    }\n    errors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignOut {\n  signOut {\n    ok\n    errors {\n      ...UserErrorFields\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;