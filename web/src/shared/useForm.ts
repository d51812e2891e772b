import { computed, reactive, ref } from 'vue';
import { splitUserErrors, type UserErrorLike } from './userErrors';
import type { Validator } from './validators';

interface ServerError {
  message: string;
  /** The value the server judged; the message is stale once the user changes it. */
  value: string;
}

/**
 * Form state for small text-field forms: client rules shown while typing, server `UserError`s
 * shown until the field changes (they are authoritative for the value they were given).
 */
export function useForm<F extends string>(rules: Record<F, Validator>) {
  const names = Object.keys(rules) as F[];
  const values = reactive(Object.fromEntries(names.map((name) => [name, '']))) as Record<F, string>;
  const touched = reactive(Object.fromEntries(names.map((name) => [name, false]))) as Record<F, boolean>;
  const serverErrors = reactive({}) as Partial<Record<F, ServerError>>;
  const general = ref<string[]>([]);
  const submitted = ref(false);

  function errorOf(name: F): string | null {
    const server = serverErrors[name];
    if (server && server.value === values[name]) return server.message;
    // Empty, untouched fields stay quiet so a fresh form is not a wall of red.
    const show = submitted.value || touched[name] || values[name] !== '';
    return show ? rules[name](values[name]) : null;
  }

  const firstInvalid = computed(() => names.find((name) => rules[name](values[name]) !== null) ?? null);

  return {
    /** The field names, in the order the rules were given (the form's order). */
    names,
    values,
    general,
    errorOf,
    statusOf: (name: F) => (errorOf(name) ? ('error' as const) : undefined),
    touch(name: F) {
      touched[name] = true;
    },
    /** Marks the form as submitted and returns the first field that still fails its rule. */
    check(): F | null {
      submitted.value = true;
      general.value = [];
      return firstInvalid.value;
    },
    /** Shows a payload's errors; returns the first field that got one, for focusing. */
    applyUserErrors(errors: readonly UserErrorLike[]): F | null {
      const split = splitUserErrors(errors, names);
      for (const name of names) {
        const message = split.fields[name];
        if (message === undefined) delete serverErrors[name];
        else serverErrors[name] = { message, value: values[name] };
      }
      general.value = split.general;
      return names.find((name) => split.fields[name] !== undefined) ?? null;
    },
  };
}

export type Form<F extends string> = ReturnType<typeof useForm<F>>;
