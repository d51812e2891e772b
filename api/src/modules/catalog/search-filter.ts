import { z } from 'zod';
import { DidGroupKind, NumberFeature } from '../../generated/prisma/enums';
import { badInput } from '../../graphql/errors';
import { AvailableNumberSort, type AvailableNumberFilter } from './catalog.types';
import { vanityToDigits } from './vanity';

const uuid = z.uuid();

export interface SearchCriteria {
  /** Null when the filter named no country; [] when it named one that does not exist (empty result). */
  countryIso: string | null;
  countryId: string | null;
  /** A country id that cannot exist (malformed) — answered with an empty page, not an error. */
  impossible: boolean;
  regionId: string | null;
  areaCode: string | null;
  containsDigits: string | null;
  features: NumberFeature[];
  kind: DidGroupKind | null;
  maxMonthlyPrice: number | null;
  sort: AvailableNumberSort;
}

/** Validates a search filter; bad values are VALIDATION errors naming the field, unknown ids just match nothing. */
export function parseSearchFilter(filter: AvailableNumberFilter, sort: AvailableNumberSort | null | undefined): SearchCriteria {
  let impossible = false;
  const id = (v: string | null | undefined) => {
    if (v === null || v === undefined || v === '') return null;
    if (!uuid.safeParse(v).success) impossible = true;
    return v;
  };

  const contains = filter.contains?.trim() || null;
  if (contains !== null && !/^[0-9A-Za-z]{1,15}$/.test(contains)) {
    throw badInput('`contains` takes 1–15 digits or letters (letters map to keypad digits).', ['filter', 'contains']);
  }
  const areaCode = filter.areaCode?.trim() || null;
  if (areaCode !== null && !/^\d{1,6}$/.test(areaCode)) {
    throw badInput('`areaCode` takes 1–6 digits.', ['filter', 'areaCode']);
  }
  const iso = filter.countryIso?.trim().toUpperCase() || null;
  if (iso !== null && !/^[A-Z]{2}$/.test(iso)) {
    throw badInput('`countryIso` takes a two-letter ISO code, e.g. "US".', ['filter', 'countryIso']);
  }
  const max = filter.maxMonthlyPrice ?? null;
  if (max !== null && max < 0) {
    throw badInput('`maxMonthlyPrice` cannot be negative.', ['filter', 'maxMonthlyPrice']);
  }

  return {
    countryIso: iso,
    countryId: id(filter.countryId),
    regionId: id(filter.regionId),
    impossible,
    areaCode,
    containsDigits: contains ? vanityToDigits(contains) : null,
    features: [...new Set(filter.features ?? [])],
    kind: filter.kind ?? null,
    maxMonthlyPrice: max,
    sort: sort ?? AvailableNumberSort.PRICE_ASC,
  };
}
