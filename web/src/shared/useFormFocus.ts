import { onMounted, watch } from 'vue';
import type { Form } from './useForm';
import type { UserErrorLike } from './userErrors';

/**
 * Keeps the keyboard where the person needs to look: on the first field when the form appears, on
 * the first field a server error names when a payload comes back, and on the first invalid field
 * when a submit is refused. Inputs are found by id, so forms need no template refs.
 */
export function useFormFocus<F extends string>(
  form: Form<F>,
  inputId: (name: F) => string,
  userErrors: () => readonly UserErrorLike[],
) {
  const focus = (name: F) => document.getElementById(inputId(name))?.focus();

  // The HTML autofocus attribute only works on a full page load, not after client-side navigation.
  onMounted(() => {
    const first = form.names[0];
    if (first !== undefined) focus(first);
  });

  watch(userErrors, (errors) => {
    const field = form.applyUserErrors(errors);
    if (field) focus(field);
  });

  return {
    /** Checks every field; true when the form may be sent, otherwise focuses the first problem. */
    validate(): boolean {
      const invalid = form.check();
      if (invalid) focus(invalid);
      return invalid === null;
    },
  };
}
