import { Repeater } from '@graphql-yoga/subscription';

/**
 * For each burst of events, loads the current state once and pushes it. Events that arrive while a
 * load runs or while the client has not taken the last value collapse into one more load, so a
 * transaction touching ten rows of one order costs one or two reloads, not ten, and a slow client
 * never queues stale states. `load` returning null (gone, or no longer visible) pushes nothing.
 */
export function reloadOnEvents<T>(events: AsyncIterable<unknown>, load: () => Promise<T | null>): Repeater<T> {
  return new Repeater<T>(async (push, stop) => {
    const it = events[Symbol.asyncIterator]();
    let dirty = false;
    let draining: Promise<void> | null = null;
    const drain = async () => {
      try {
        while (dirty) {
          dirty = false;
          const value = await load();
          if (value !== null) await push(value);
        }
      } finally {
        draining = null;
      }
    };
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    for (;;) {
      const next = await Promise.race([it.next(), stopped]);
      if (next.done) break;
      dirty = true;
      draining ??= drain().catch((err: unknown) => stop(err));
    }
    await it.return?.();
    stop();
  });
}

/** Each event mapped through `load` in order; null results are skipped. */
export function loadEach<E, T>(events: AsyncIterable<E>, load: (event: E) => Promise<T | null>): Repeater<T> {
  return new Repeater<T>(async (push, stop) => {
    const it = events[Symbol.asyncIterator]();
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    try {
      for (;;) {
        const next = await Promise.race([it.next(), stopped]);
        if (next.done) break;
        const value = await load(next.value as E);
        if (value !== null) await push(value);
      }
    } catch (err) {
      stop(err);
    } finally {
      await it.return?.();
      stop();
    }
  });
}
