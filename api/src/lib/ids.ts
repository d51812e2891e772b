/** A UUID in canonical form. Ids from clients are checked with it before they reach a `::uuid` cast. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
