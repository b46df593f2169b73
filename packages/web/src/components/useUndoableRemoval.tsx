import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import type { RemovedRow } from './removed-row.ts';

/** How long 撤销 stays offered after a row is deleted. */
const UNDO_SECONDS = 10;

type Removal<F, R> = {
  remove: (form: F, index: number) => { form: F; removed: RemovedRow<R> | null };
  restore: (form: F, removed: RemovedRow<R>) => F;
  /** The row's name as the message quotes it. */
  nameOf: (row: R) => string;
};

let messageCount = 0;

/**
 * Deleting a table row at once, with a message that offers 撤销: "已删除第 N 行“name”". Each deletion has its own
 * message, so several can be undone in any order.
 */
export const useUndoableRemoval = <F, R>(form: F, onChange: (form: F) => void, removal: Removal<F, R>) => {
  const { message } = App.useApp();
  // 撤销 may come after later edits: it restores into the form as it is then, through the onChange of then.
  const latest = useRef({ form, onChange });
  latest.current = { form, onChange };
  const shown = useRef(new Set<string>());

  // An undo offered by a page that is gone would write into nothing.
  useEffect(() => {
    const keys = shown.current;
    return () => {
      for (const key of keys) message.destroy(key);
    };
  }, [message]);

  const apply = (next: F) => {
    latest.current.onChange(next);
    // Until the next render brings the new form back, a second click reads this one.
    latest.current = { ...latest.current, form: next };
  };

  return (index: number) => {
    const { form: next, removed } = removal.remove(latest.current.form, index);
    if (!removed) return;
    apply(next);
    messageCount += 1;
    const key = `row-removed-${messageCount}`;
    const undo = () => {
      message.destroy(key);
      shown.current.delete(key);
      apply(removal.restore(latest.current.form, removed));
    };
    shown.current.add(key);
    message.open({
      key,
      type: 'info',
      duration: UNDO_SECONDS,
      onClose: () => shown.current.delete(key),
      content: (
        <span className="row-removed">
          已删除第 {index + 1} 行“{removal.nameOf(removed.row).trim() || '未命名'}”
          <Button type="link" size="small" onClick={undo}>
            撤销
          </Button>
        </span>
      ),
    });
  };
};
