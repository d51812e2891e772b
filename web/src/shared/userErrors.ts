/**
 * What a form needs of a payload's `UserError`. Structural, so this shared code does not depend on
 * either app's generated types; both apps' `UserErrorFieldsFragment` fit it.
 */
export interface UserErrorLike {
  message: string;
  /** The input field at fault, e.g. `["email"]`; null when the error is not about one field. */
  field: readonly string[] | null;
}

export interface SplitUserErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  general: string[];
}

/**
 * Sorts a payload's `errors` into the form fields they name and the rest. A path is matched
 * whole (`["address", "city"]` is the field `address.city`); errors naming a field the form does
 * not show become general, so no message is lost.
 */
export function splitUserErrors<F extends string>(
  errors: readonly UserErrorLike[],
  formFields: readonly F[],
): SplitUserErrors<F> {
  const result: SplitUserErrors<F> = { fields: {}, general: [] };
  for (const error of errors) {
    const name = error.field?.join('.');
    const field = formFields.find((candidate) => candidate === name);
    if (field === undefined) {
      result.general.push(error.message);
    } else if (result.fields[field] === undefined) {
      result.fields[field] = error.message;
    }
  }
  return result;
}
