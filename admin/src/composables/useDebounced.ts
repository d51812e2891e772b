import { onScopeDispose, shallowRef, watch, type Ref } from 'vue';

/**
 * `source`'s value, `ms` after it last changed: a burst of keystrokes becomes one update.
 * `flush` applies the latest value at once (when a form opens, say).
 */
export function useDebounced<T>(source: () => T, ms: number): { value: Readonly<Ref<T>>; flush: () => void } {
  const value = shallowRef(source());
  let timer: ReturnType<typeof setTimeout> | undefined;

  watch(source, (next) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      value.value = next;
    }, ms);
  });
  onScopeDispose(() => clearTimeout(timer));

  return {
    value,
    flush() {
      clearTimeout(timer);
      value.value = source();
    },
  };
}
