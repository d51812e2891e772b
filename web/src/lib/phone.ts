/**
 * An E.164 number for people, where the grouping is certain without a numbering plan library:
 * North American numbers read "+1 (415) 555-0123". Others stay E.164 ("+442079460018"), which is
 * unambiguous. (Order lines carry only `e164`; catalog numbers come formatted by the API.)
 */
export function formatE164(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (nanp) return `+1 (${nanp[1]}) ${nanp[2]}-${nanp[3]}`;
  return e164;
}
