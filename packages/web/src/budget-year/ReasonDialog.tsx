import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';

type Props = {
  open: boolean;
  title: string;
  hint: string;
  okText: string;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<void>;
};

/** Asks for the reason an action needs (退回, 调整); it cannot be confirmed empty. */
export const ReasonDialog = ({ open, title, hint, okText, onCancel, onConfirm }: Props) => {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ disabled: reason.trim() === '', loading: busy }}
      onCancel={onCancel}
      afterClose={() => setReason('')}
      onOk={async () => {
        setBusy(true);
        try {
          await onConfirm(reason.trim());
        } finally {
          setBusy(false);
        }
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Input.TextArea
        aria-label={`${title}原因`}
        rows={4}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
    </Modal>
  );
};
