import { DEFAULT_RULE_SET_ID, type EvaluationForm, evaluate, findRuleSet, type RuleSet } from '@jixiao/core';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, errorMessage } from '../api/client.ts';
import type { EvaluationDetail } from '../api/evaluation-types.ts';
import type { EvaluationView } from '../api/types.ts';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'conflict' }
  | { kind: 'failed'; message: string };

const backupKey = (id: string) => `jixiao-draft-backup:${id}`;

/** The rule set an evaluation is scored under ("national-2020@1.0.0" → national-2020). */
export const ruleSetOf = (label: string): RuleSet => {
  const found = findRuleSet(label.split('@')[0] ?? '') ?? findRuleSet(DEFAULT_RULE_SET_ID);
  if (!found) throw new Error('缺少默认规则集');
  return found;
};

/**
 * One draft being edited: the form as typed, its live score, and saving with the version it was loaded at.
 * A stale save (409) leaves the typed form in place and in localStorage; `overwrite` saves it over the newer
 * version once the person has chosen to.
 */
export const useDraft = (detail: EvaluationDetail, onSaved: (view: EvaluationView) => void) => {
  const [form, setForm] = useState<EvaluationForm>(() => detail.form as EvaluationForm);
  const [version, setVersion] = useState(detail.version);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const ruleSet = useMemo(() => ruleSetOf(detail.ruleSet), [detail.ruleSet]);
  // Typing stays responsive on long forms: the score follows a deferred copy of the form.
  const deferredForm = useDeferredValue(form);
  const result = useMemo(() => evaluate(deferredForm, ruleSet), [deferredForm, ruleSet]);
  const formRef = useRef(form);
  formRef.current = form;

  const change = useCallback(
    (next: EvaluationForm) => {
      setForm(next);
      setState((current) => (current.kind === 'conflict' ? current : { kind: 'dirty' }));
      try {
        localStorage.setItem(backupKey(detail.id), JSON.stringify({ version, form: next }));
      } catch {
        // A full or disabled storage only loses the extra backup; the form itself stays in memory.
      }
    },
    [detail.id, version],
  );

  const save = useCallback(
    async (expectedVersion: number = version): Promise<boolean> => {
      setState({ kind: 'saving' });
      const sent = formRef.current;
      try {
        const view = await api.put<EvaluationView>(`/api/evaluations/${detail.id}`, { expectedVersion, form: sent });
        setVersion(view.version);
        setState(formRef.current === sent ? { kind: 'saved' } : { kind: 'dirty' });
        localStorage.removeItem(backupKey(detail.id));
        onSaved(view);
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409 && error.code === 'CONFLICT') {
          setState({ kind: 'conflict' });
        } else {
          setState({ kind: 'failed', message: errorMessage(error) });
        }
        return false;
      }
    },
    [detail.id, version, onSaved],
  );

  /** After a conflict: save what is on screen over the newest version. */
  const overwrite = useCallback(async () => {
    const latest = await api.get<EvaluationDetail>(`/api/evaluations/${detail.id}`);
    return save(latest.version);
  }, [detail.id, save]);

  useEffect(() => {
    if (state.kind !== 'dirty' && state.kind !== 'conflict') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.kind]);

  return { form, change, version, state, save, overwrite, result, ruleSet };
};
