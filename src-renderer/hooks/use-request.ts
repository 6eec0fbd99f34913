import { useCallback, useEffect, useState } from 'react';
import type { Method, ParamsOf, ResultOf } from '../../src-main/ipc/contract';
import type { ErrorShape } from '../../src-main/errors/error-codes';
import { useClient } from '../client/client-context';
import { toErrorShape } from '../client/wren-client';

export interface RequestState<T> {
  /** The result for the current params; null while the first answer for them is awaited. */
  data: T | null;
  error: ErrorShape | null;
  loading: boolean;
  /** Asks again with the same params, keeping the old result on screen meanwhile. */
  reload(): void;
}

interface Answer<T> {
  key: string | null;
  data: T | null;
  error: ErrorShape | null;
}

const NO_ANSWER: Answer<never> = { key: null, data: null, error: null };

/** One request, re-sent whenever its params change; `null` params mean "nothing to ask yet". */
export function useRequest<M extends Method>(method: M, params: ParamsOf<M> | null): RequestState<ResultOf<M>> {
  const client = useClient();
  const key = params === null ? null : JSON.stringify(params);
  const [answer, setAnswer] = useState<Answer<ResultOf<M>>>(NO_ANSWER);
  // A new key forgets the answer kept: asked again later (params null in between, or another key), an old
  // answer for the same params would pass for current until the new one came (the Local Folders listed at the
  // first run, shown as empty after the last account went). React's "adjust state while rendering" pattern.
  const [answeredKey, setAnsweredKey] = useState(key);
  if (answeredKey !== key) {
    setAnsweredKey(key);
    setAnswer(NO_ANSWER);
  }
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setLoading(true);
    client.request(method, JSON.parse(key) as ParamsOf<M>).then(
      (data) => current && setAnswer({ key, data, error: null }),
      (error: unknown) => current && setAnswer({ key, data: null, error: toErrorShape(error) }),
    ).finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [client, method, key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const isCurrent = key !== null && answer.key === key;
  return {
    data: isCurrent ? answer.data : null,
    error: isCurrent ? answer.error : null,
    loading: key !== null && (loading || !isCurrent),
    reload,
  };
}
