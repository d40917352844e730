import { useEffect, useState } from 'preact/hooks';

/** Any observable source (Dexie liveQuery, browser events) → state, re-subscribed when deps change. */
export function useSubscription<T>(
  subscribe: (next: (value: T) => void, fail: (error: unknown) => void) => () => void,
  deps: unknown[],
): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({
    value: undefined,
    error: undefined,
  });
  // The caller states what the subscription depends on.
  useEffect(
    () =>
      subscribe(
        (value) => setState({ value, error: undefined }),
        (error) => setState((s) => ({ value: s.value, error })),
      ),
    deps,
  );
  return state;
}
