import type { FilterField } from './searchParams';

// Structural, like @shared/failure: an ApolloError fits, and tests stay plain.
interface ErrorLike {
  networkError?: unknown;
  graphQLErrors?: readonly { message: string; extensions?: Readonly<Record<string, unknown>> }[];
}

/** The API's `extensions.field` paths of the search filter, by the page's input names. */
const FIELD_PATHS: Record<string, FilterField> = {
  'filter.regionId': 'region',
  'filter.areaCode': 'area',
  'filter.contains': 'contains',
  'filter.features': 'features',
  'filter.kind': 'kind',
  'filter.maxMonthlyPrice': 'max',
};

export interface SearchErrors {
  /** VALIDATION messages to show next to the named inputs. */
  fields: Partial<Record<FilterField, string>>;
  /** True when something else went wrong too (network, server, another argument): show an alert. */
  other: boolean;
}

/** Sorts a failed search into messages for the filter inputs and "anything else". */
export function splitSearchErrors(error: unknown): SearchErrors {
  const result: SearchErrors = { fields: {}, other: false };
  if (!error) return result;
  const { networkError, graphQLErrors = [] } = error as ErrorLike;
  if (networkError || graphQLErrors.length === 0) result.other = true;
  for (const item of graphQLErrors) {
    const path = item.extensions?.field;
    const name = Array.isArray(path) ? path.join('.') : '';
    const field = item.extensions?.code === 'VALIDATION' ? FIELD_PATHS[name] : undefined;
    if (field === undefined) result.other = true;
    else result.fields[field] ??= item.message;
  }
  return result;
}
