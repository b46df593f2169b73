import { App, Button, List, Popover, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { EvidenceFileView } from '../api/appeal-types.ts';
import { api, errorMessage, request } from '../api/client.ts';
import { base64Of } from '../api/file-base64.ts';
import { useApi } from '../components/useApi.ts';
import { EVIDENCE_ACCEPT, evidenceOfRow, formatSize, MAX_EVIDENCE_MB } from './evidence-format.ts';

/** An evaluation's 佐证材料, loaded once for all its rows. */
export const useEvidence = (evaluationId: string) => {
  const loaded = useApi(() => api.get<EvidenceFileView[]>(`/api/evaluations/${evaluationId}/evidence`), evaluationId);
  return { files: loaded.state === 'ready' ? loaded.data : [], reload: loaded.reload };
};

type Props = {
  evaluationId: string;
  indicatorName: string;
  files: readonly EvidenceFileView[];
  editable: boolean;
  onChanged: () => void;
};

/** The files of one list, each a download link (the server sends it as a download, typed by its content). */
export const EvidenceList = ({
  files,
  onDelete,
}: {
  files: readonly EvidenceFileView[];
  onDelete?: ((file: EvidenceFileView) => void) | undefined;
}) => (
  <List
    size="small"
    dataSource={[...files]}
    locale={{ emptyText: '暂无佐证材料' }}
    renderItem={(file) => (
      <List.Item
        actions={
          onDelete
            ? [
                <Button key="delete" type="link" size="small" danger onClick={() => onDelete(file)}>
                  删除
                </Button>,
              ]
            : []
        }
      >
        <Space size={4} wrap>
          <a href={`/api/attachments/${file.id}`} download>
            {file.fileName}
          </a>
          <Typography.Text type="secondary">{formatSize(file.sizeBytes)}</Typography.Text>
        </Space>
      </List.Item>
    )}
  />
);

/** 佐证材料 of one indicator row: the count, the files to download and, while editable, upload and delete. */
export const EvidenceControl = ({ evaluationId, indicatorName, files, editable, onChanged }: Props) => {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const mine = evidenceOfRow(files, indicatorName);
  if (!editable && mine.length === 0) return null;

  const upload = async (file: File) => {
    if (file.size > MAX_EVIDENCE_MB * 1024 * 1024) {
      message.error(`佐证材料不能超过 ${MAX_EVIDENCE_MB} MB`);
      return;
    }
    setBusy(true);
    try {
      await api.post(`/api/evaluations/${evaluationId}/evidence`, {
        indicatorName: indicatorName.trim(),
        fileName: file.name,
        contentBase64: await base64Of(file),
      });
      message.success(`已上传“${file.name}”`);
      onChanged();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = (file: EvidenceFileView) =>
    modal.confirm({
      title: `删除佐证材料“${file.fileName}”？`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await request('DELETE', `/api/evaluations/${evaluationId}/evidence/${file.id}`);
          onChanged();
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  const content = (
    <div style={{ width: 320 }} data-testid="evidence-popover">
      <EvidenceList files={mine} onDelete={editable ? remove : undefined} />
      {editable ? (
        <Upload
          accept={EVIDENCE_ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button size="small" loading={busy} disabled={indicatorName.trim() === ''}>
            上传佐证材料
          </Button>
        </Upload>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 12 }}>
        PDF、图片、Word、Excel 或纯文本，单个不超过 {MAX_EVIDENCE_MB} MB
      </Typography.Paragraph>
    </div>
  );
  return (
    <Popover trigger="click" title={`佐证材料：${indicatorName || '（未命名指标）'}`} content={content}>
      <Button
        type="link"
        size="small"
        className="evidence-trigger"
        aria-label={`${indicatorName} 佐证材料（${mine.length}）`}
      >
        佐证材料（{mine.length}）
      </Button>
    </Popover>
  );
};
