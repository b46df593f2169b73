import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Card, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { BulkAuditDetail, BulkAuditView } from '../api/bulk-types.ts';
import { api, errorMessage } from '../api/client.ts';
import { base64Of } from '../api/file-base64.ts';
import { Loading } from '../components/Loading.tsx';
import { type Loaded, useApi } from '../components/useApi.ts';
import { BulkAuditResult, STACK_STYLE } from './BulkAuditResult.tsx';
import { isActive, MAX_ZIP_BYTES, progressPercent, STATUS_TEXT, withLiveJob } from './bulk-audit-data.ts';

const POLL_MS = 1000;

/** The job in view (none without an id), fetched again every second while it is queued or running. */
const usePolledJob = (id: string | undefined): Loaded<BulkAuditDetail> | null => {
  const [loaded, setLoaded] = useState<Loaded<BulkAuditDetail> | null>(null);
  useEffect(() => {
    if (!id) {
      setLoaded(null);
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const job = await api.get<BulkAuditDetail>(`/api/bulk-audits/${id}`);
        if (!live) return;
        setLoaded({ state: 'ready', data: job });
        if (isActive(job.status)) timer = setTimeout(load, POLL_MS);
      } catch (error) {
        if (live) setLoaded({ state: 'error', message: errorMessage(error), status: null });
      }
    };
    setLoaded({ state: 'loading' });
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id]);
  return loaded;
};

const JobStatus = ({ job }: { job: BulkAuditView }) => (
  <Tag color={STATUS_TEXT[job.status].color}>{STATUS_TEXT[job.status].label}</Tag>
);

/** The job in view: its progress while it runs, then its result or the reason it failed. */
const BulkAuditJob = ({ job }: { job: Loaded<BulkAuditDetail> }) => {
  if (job.state === 'loading') return <Loading />;
  if (job.state === 'error') return <Alert type="error" showIcon title={job.message} />;
  const { data } = job;
  return (
    <div style={STACK_STYLE}>
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>{data.fileName}</Typography.Text>
            <JobStatus job={data} />
            <Typography.Text type="secondary">
              上传于 {new Date(data.createdAt).toLocaleString('zh-CN')} · 规则集 {data.ruleSetId}
            </Typography.Text>
          </Space>
          <Progress
            percent={progressPercent(data)}
            status={data.status === 'failed' ? 'exception' : data.status === 'done' ? 'success' : 'active'}
            format={() => `${data.done} / ${data.total} 个文件`}
            aria-label="审核进度"
          />
          {data.error ? <Alert type="error" showIcon title={data.error} /> : null}
        </Space>
      </Card>
      {data.summary ? <BulkAuditResult jobId={data.id} summary={data.summary} /> : null}
    </div>
  );
};

/**
 * 批量审核 for the 主管部门 and 财政局 reviewers: upload a zip of self-evaluation reports, watch it being
 * audited, read the result per report and download it; earlier uploads stay listed.
 */
const BulkAuditPage = () => {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const jobs = useApi(() => api.get<{ items: BulkAuditView[] }>('/api/bulk-audits'), 'bulk-audits');
  const [uploading, setUploading] = useState(false);
  // The job in view is polled here, and the list shows it as polled: the bar and the list never disagree.
  const job = usePolledJob(id);
  const live = job?.state === 'ready' ? job.data : null;
  const ended = live !== null && !isActive(live.status);
  const { reload } = jobs;
  // Its end also changes the list's 说明 and times: read the list again once.
  useEffect(() => {
    if (ended) reload();
  }, [ended, reload]);

  const upload = async (file: File) => {
    if (file.size > MAX_ZIP_BYTES) {
      message.error(`压缩包超过 ${MAX_ZIP_BYTES / 1024 / 1024} MB，请分成几个上传`);
      return;
    }
    setUploading(true);
    try {
      const contentBase64 = await base64Of(file);
      const job = await api.post<BulkAuditView>('/api/bulk-audits', { fileName: file.name, contentBase64 });
      message.success(`已开始审核“${file.name}”中的 ${job.total} 个文件`);
      jobs.reload();
      navigate(`/app/bulk-audits/${job.id}`);
    } catch (error) {
      message.error(`上传失败：${errorMessage(error)}`);
    } finally {
      setUploading(false);
    }
  };

  return (
    <div style={STACK_STYLE}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        批量审核
      </Typography.Title>
      <Typography.Text type="secondary">
        把收到的自评报告（Word .docx、Excel .xlsx / .xls、带文字层的 PDF、.txt、.md、.json）打包成一个 .zip 上传（不超过
        100 MB），系统在后台逐份读取、复核计分并审核，完成后可按文件、单位、等级和审核发现筛选，并下载 Excel / 网页 /
        JSON 汇总。
      </Typography.Text>
      <Upload.Dragger
        accept=".zip,application/zip"
        multiple={false}
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(file) => {
          void upload(file);
          // The file is sent as JSON by upload(), not by the component's own request.
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{uploading ? '正在上传…' : '点击或拖入自评报告压缩包（.zip）'}</p>
        <p className="ant-upload-hint">
          压缩包内的子文件夹会一并审核；其他格式的文件列为“已跳过”并说明原因，隐藏文件和 __MACOSX 会被忽略。
        </p>
      </Upload.Dragger>

      {job ? <BulkAuditJob job={job} /> : null}

      <Card size="small" title="我的批量审核">
        {jobs.state === 'error' ? <Alert type="error" showIcon title={jobs.message} /> : null}
        <Table<BulkAuditView>
          rowKey="id"
          size="small"
          loading={jobs.state === 'loading'}
          dataSource={jobs.state === 'ready' ? withLiveJob(jobs.data.items, live) : []}
          pagination={false}
          locale={{ emptyText: '还没有上传过压缩包' }}
          rowClassName={(job) => (job.id === id ? 'ant-table-row-selected' : '')}
          columns={[
            {
              title: '压缩包',
              dataIndex: 'fileName',
              render: (name: string, job) => <Link to={`/app/bulk-audits/${job.id}`}>{name}</Link>,
            },
            {
              title: '上传时间',
              dataIndex: 'createdAt',
              width: 170,
              render: (value: string) => new Date(value).toLocaleString('zh-CN'),
            },
            { title: '状态', dataIndex: 'status', width: 90, render: (_status, job) => <JobStatus job={job} /> },
            {
              title: '进度',
              dataIndex: 'done',
              width: 100,
              align: 'right',
              render: (done: number, job) => `${done} / ${job.total}`,
            },
            {
              title: '说明',
              dataIndex: 'error',
              render: (error: string | null) =>
                error ? <Typography.Text type="danger">{error}</Typography.Text> : null,
            },
          ]}
        />
      </Card>
    </div>
  );
};

export default BulkAuditPage;
