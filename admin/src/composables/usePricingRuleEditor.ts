import type { Failure } from '@shared/failure';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { useMessage, type SelectOption } from 'naive-ui';
import { computed, nextTick, ref, shallowRef } from 'vue';
import {
  CreatePricingRuleDocument,
  PricingCountryOptionsDocument,
  PricingDidGroupsDocument,
  UpdatePricingRuleDocument,
  type PreviewPricingRuleQueryVariables,
  type PricingRuleFieldsFragment,
} from '../gql/graphql';
import { describeFailure } from '../lib/failure';
import { formatDateTime, NUMBER_KIND_LABELS } from '../lib/format';
import { firstRuleField, ruleFieldId, ruleFieldLabel, splitRuleErrors, type RuleErrors, type RuleField } from '../lib/ruleFields';
import { emptyRuleForm, formToInput, isBlankField, ruleToForm, type RuleFormValues } from '../lib/ruleForm';
import { useDebounced } from './useDebounced';
import { usePricingPreview } from './usePricingPreview';

/** How long the form waits after the last change before asking for a preview. */
export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The pricing rule drawer: the form, what it converts to, the live preview of that input, the
 * options of the scope pickers, and saving (create, or update of `editing`). Errors for a form
 * item come from three places, nearest first: the form's own checks, the last save's payload
 * (until the form changes), and the latest preview (what saving would be refused for).
 */
export function usePricingRuleEditor({ onSaved }: { onSaved: (rule: PricingRuleFieldsFragment | null) => void }) {
  const message = useMessage();
  const show = ref(false);
  const editing = shallowRef<PricingRuleFieldsFragment | null>(null);
  const values = ref<RuleFormValues>(emptyRuleForm());
  const submitted = ref(false);
  let keys = 0;
  const nextKey = () => ++keys;

  /** A rule in force keeps its target and changes now: the API starts its successor at once. */
  const inForce = computed(() => editing.value?.status === 'ACTIVE');
  const conversion = computed(() =>
    formToInput(values.value, { now: Date.now(), startsWhenSaved: inForce.value, currency: editing.value?.currency ?? null }),
  );
  const inputKey = computed(() => JSON.stringify(conversion.value.input));

  // --- Live preview -------------------------------------------------------------------------
  const request = computed<PreviewPricingRuleQueryVariables | null>(() =>
    show.value && conversion.value.input ? { input: conversion.value.input, replacingRuleId: editing.value?.id ?? null } : null,
  );
  const debounced = useDebounced(() => request.value, PREVIEW_DEBOUNCE_MS);
  const preview = usePricingPreview(debounced.value);
  /** The latest answer, while the form still converts to an input (an older answer says nothing about a half-typed form). */
  const currentPreview = computed(() => (conversion.value.input ? preview.preview.value : null));
  const previewErrors = computed<RuleErrors>(() => splitRuleErrors(currentPreview.value?.errors ?? []));
  /** Why there is no preview yet: the first thing the form still needs. */
  const previewWaitsFor = computed(() => {
    if (conversion.value.input) return null;
    const field = firstRuleField(conversion.value.errors);
    return field ? `${ruleFieldLabel(field)} — ${conversion.value.errors[field]}` : null;
  });
  const belowCostMessage = computed(() => {
    const result = currentPreview.value;
    if (!result?.belowCost) return null;
    const error = result.errors.find((e) => e.field?.join('.') === 'input.volumeTiers');
    return error?.message ?? 'At its biggest volume discount this rule would sell some SKUs below cost.';
  });

  // --- Errors per form item -----------------------------------------------------------------
  const saveErrors = shallowRef<{ key: string; errors: RuleErrors } | null>(null);
  const saveFailure = shallowRef<Failure | null>(null);
  /** A save's errors judged the input it was given; once the form changes they may no longer hold. */
  const currentSaveErrors = computed(() => (saveErrors.value?.key === inputKey.value ? saveErrors.value.errors : null));
  const localErrors = computed(() => {
    const errors = conversion.value.errors;
    if (submitted.value) return errors;
    return Object.fromEntries(Object.entries(errors).filter(([field]) => !isBlankField(values.value, field as RuleField))) as typeof errors;
  });
  const fieldErrors = computed<Partial<Record<RuleField, string>>>(() => ({
    ...previewErrors.value.fields,
    ...currentSaveErrors.value?.fields,
    ...localErrors.value,
  }));
  const generalErrors = computed(() => currentSaveErrors.value?.general ?? []);

  // --- Scope pickers ------------------------------------------------------------------------
  const countries = useQuery(PricingCountryOptionsDocument, null, () => ({ enabled: show.value }));
  const countryOptions = computed<SelectOption[]>(() =>
    (countries.result.value?.countries ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.isoCode})${c.enabled ? '' : ' · hidden'}` })),
  );
  const groups = useQuery(
    PricingDidGroupsDocument,
    () => ({ countryId: values.value.countryId ?? '' }),
    () => ({ enabled: show.value && values.value.scope === 'DID_GROUP' && !!values.value.countryId }),
  );
  const groupOptions = computed<SelectOption[]>(() =>
    (groups.result.value?.didGroups ?? []).map((g) => ({
      value: g.id,
      label: `${g.areaName}${g.areaCode ? ` (${g.areaCode})` : ''} · ${NUMBER_KIND_LABELS[g.kind]} · +${g.prefix}${g.active ? '' : ' · no longer offered'}`,
    })),
  );
  const optionFailures = computed(() => ({
    countries: countries.error.value ? describeFailure(countries.error.value).message : null,
    groups: groups.error.value ? describeFailure(groups.error.value).message : null,
  }));

  // --- Open, save ---------------------------------------------------------------------------
  function open(rule: PricingRuleFieldsFragment | null) {
    editing.value = rule;
    values.value = rule ? ruleToForm(rule, nextKey) : emptyRuleForm();
    submitted.value = false;
    saveErrors.value = null;
    saveFailure.value = null;
    preview.reset();
    show.value = true;
    // A rule being edited is complete already: show what it does without waiting.
    debounced.flush();
  }

  function focus(field: RuleField | null) {
    if (!field) return;
    void nextTick(() => {
      const element = document.getElementById(ruleFieldId(field));
      element?.focus();
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    });
  }

  /** Where the keyboard starts when the drawer has opened: what a new rule needs first, or the markup of one being changed. */
  function focusFirst() {
    const field: RuleField = editing.value || values.value.scope === 'GLOBAL' ? 'markupPercent' : 'countryId';
    document.getElementById(ruleFieldId(field))?.focus();
  }

  const create = useMutation(CreatePricingRuleDocument, { throws: 'always' });
  const update = useMutation(UpdatePricingRuleDocument, { throws: 'always' });
  const saving = computed(() => create.loading.value || update.loading.value);

  function savedText(rule: PricingRuleFieldsFragment | null): string {
    if (rule?.status === 'SCHEDULED') return `Rule saved. It takes effect ${formatDateTime(rule.effectiveFrom)}.`;
    if (inForce.value) return 'New version saved and in force; the previous one is retired. Prices follow within seconds.';
    return 'Rule saved. Prices follow within seconds.';
  }

  async function save() {
    if (saving.value) return;
    submitted.value = true;
    saveFailure.value = null;
    const { input, errors } = conversion.value;
    if (!input) {
      focus(firstRuleField(errors));
      return;
    }
    const key = inputKey.value;
    try {
      const rule = editing.value;
      const payload = rule
        ? (await update.mutate({ id: rule.id, input }))?.data?.updatePricingRule
        : (await create.mutate({ input }))?.data?.createPricingRule;
      if (!payload) {
        saveFailure.value = describeFailure(null);
        return;
      }
      if (payload.errors.length > 0) {
        const split = splitRuleErrors(payload.errors);
        saveErrors.value = { key, errors: split };
        focus(firstRuleField(split.fields));
        return;
      }
      message.success(savedText(payload.rule));
      show.value = false;
      onSaved(payload.rule);
    } catch (cause) {
      saveFailure.value = describeFailure(cause);
    }
  }

  return {
    show,
    editing,
    inForce,
    values,
    open,
    focusFirst,
    save,
    saving,
    saveFailure,
    fieldErrors,
    generalErrors,
    countryOptions,
    countriesLoading: countries.loading,
    groupOptions,
    groupsLoading: groups.loading,
    optionFailures,
    preview: {
      result: currentPreview,
      loading: preview.loading,
      failure: preview.failure,
      retry: preview.retry,
      waitsFor: previewWaitsFor,
      general: computed(() => previewErrors.value.general),
      belowCostMessage,
    },
  };
}

export type PricingRuleEditor = ReturnType<typeof usePricingRuleEditor>;
