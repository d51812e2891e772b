import { getCurrentScope, onScopeDispose, readonly, ref, type Ref } from 'vue';

const TICK_MS = 1000;
const now = ref(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | null = null;

/**
 * The current time in ms, ticking every second: countdowns and "live items" counts follow it.
 * One timer serves every component that asks, and it stops when the last one unmounts.
 */
export function useNow(): Readonly<Ref<number>> {
  users += 1;
  if (timer === null) {
    now.value = Date.now();
    timer = setInterval(() => {
      now.value = Date.now();
    }, TICK_MS);
  }
  if (getCurrentScope()) {
    onScopeDispose(() => {
      users -= 1;
      if (users === 0 && timer !== null) {
        clearInterval(timer);
        timer = null;
      }
    });
  }
  return readonly(now);
}
