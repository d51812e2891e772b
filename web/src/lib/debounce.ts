export interface Debounced {
  /** (Re)starts the wait; `fn` runs once the calls stop for `ms`. */
  (): void;
  /** Drops a pending run. */
  cancel(): void;
  /** Runs a pending run now. */
  flush(): void;
}

/** Runs `fn` once calls have stopped for `ms`, e.g. applying a text filter after typing pauses. */
export function debounce(fn: () => void, ms: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const run = () => {
    cancel();
    fn();
  };
  const debounced = () => {
    cancel();
    timer = setTimeout(run, ms);
  };
  debounced.cancel = cancel;
  debounced.flush = () => {
    if (timer !== null) run();
  };
  return debounced;
}
