import { emptyForm } from '@jixiao/core';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage } from '../api/client.ts';
import { base64Of } from '../api/file-base64.ts';
import type { EvaluationListItem, EvaluationView, Page } from '../api/types.ts';
import { useSession } from '../auth/session.ts';
import { FromDeclarationCard } from '../budget-year/FromDeclarationCard.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { EvaluationList, PAGE_SIZE } from './EvaluationList.tsx';
import { filterFromSearch, searchOf, withoutFilter } from './evaluation-filters.ts';
import { canImportInto, type ImportObstacle, importObstacleOf } from './import-obstacle.ts';

type ImportWarning = { code: string; message: string; where: string };
type ImportResult = {
  evaluation: EvaluationView;
  warnings: ImportWarning[];
  /** Drafts made from the file's further 自评表 (a department's disclosure holds one per project). */
  additional: { evaluation: EvaluationView; warnings: ImportWarning[] }[];
};

const IMPORT_TYPES = '.txt,.md,.csv,.json,.docx,.xlsx,.xls,.pdf';

/**
 * The evaluations one may see, under the URL's filters (the dashboard's counts link here). A filler also starts an
 * empty draft or imports a report file into a new draft; a reviewer opens one to review it.
 */
const EvaluationsPage = () => {
  const me = useSession();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const organizationId = me.roles.find((role) => role.role === 'unit_filler')?.organizationId;
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(searchParams), [searchParams]);
  const filterKey = searchOf(filter);
  // Another filter starts again at its first page.
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const list = useApi(
    () => api.get<Page<EvaluationListItem>>(`/api/evaluations${searchOf(filter, { page, pageSize: PAGE_SIZE })}`),
    `${filterKey}#${page}`,
  );
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  type ImportOptions = {
    confirmUnitMismatch?: boolean;
    into?: { evaluationId: string; expectedVersion: number };
  };

  const importFile = async (file: File, options: ImportOptions = {}) => {
    if (!organizationId) return;
    setImporting(true);
    try {
      const contentBase64 = await base64Of(file);
      const result = await api.post<ImportResult>('/api/evaluations/import', {
        organizationId,
        fileName: file.name,
        contentBase64,
        ...options,
      });
      message.success(
        options.into
          ? `已将“${file.name}”导入为已有自评的新版本`
          : result.additional.length > 0
            ? `已导入“${file.name}”：${result.additional.length + 1} 张自评表，已分别建立草稿`
            : `已导入“${file.name}”为草稿`,
      );
      list.reload();
      // The editor shows what the reader could not take as written; see EditorLocationState.
      navigate(`/app/evaluations/${result.evaluation.id}`, {
        state: {
          importedFrom: file.name,
          importWarnings: result.warnings.map((warning) => `${warning.message}（${warning.where}）`),
        },
      });
    } catch (error) {
      const obstacle = importObstacleOf(error);
      if (obstacle) askAbout(obstacle, file, options);
      else message.error(`导入失败：${errorMessage(error)}`);
    } finally {
      setImporting(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  /** The import was held back with a way forward: show what was read and let the unit choose. */
  const askAbout = (obstacle: ImportObstacle, file: File, options: ImportOptions) => {
    if (obstacle.kind === 'unit-mismatch') {
      modal.confirm({
        title: '文件中的单位与您的单位不符',
        width: 560,
        content: (
          <Space orientation="vertical">
            <Typography.Text>{obstacle.message}</Typography.Text>
            <ul>
              {obstacle.forms.map((form) => (
                <li key={form.projectName}>
                  项目“{form.projectName || '未命名项目'}”：实施单位 {form.statedUnit || '（未填）'}，主管部门{' '}
                  {form.statedDepartment || '（未填）'}
                </li>
              ))}
            </ul>
            <Typography.Text type="secondary">
              将导入到：{obstacle.unitName}
              {obstacle.departmentName ? `（主管部门：${obstacle.departmentName}）` : ''}
            </Typography.Text>
          </Space>
        ),
        okText: '确认是本单位的，导入',
        cancelText: '取消',
        onOk: () => importFile(file, { ...options, confirmUnitMismatch: true }),
      });
      return;
    }
    const { existing } = obstacle;
    let dialog: { destroy: () => void } | undefined;
    const content = (
      <Space orientation="vertical">
        <Typography.Text>{obstacle.message}。</Typography.Text>
        <Link to={`/app/evaluations/${existing.evaluationId}`} onClick={() => dialog?.destroy()}>
          打开已有的自评“{existing.projectName}”（{existing.fiscalYear} 年度）
        </Link>
        {canImportInto(existing) ? (
          <Typography.Text type="secondary">
            也可以把这个文件导入为这份自评的新版本，原有内容保留在版本记录中。
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">
            这份自评已送审或已审核，不能再导入新版本；如需修改，请联系审核人退回。
          </Typography.Text>
        )}
      </Space>
    );
    dialog = canImportInto(existing)
      ? modal.confirm({
          title: '本单位已有该项目本年度的自评',
          width: 560,
          content,
          okText: '导入为新版本',
          cancelText: '取消',
          onOk: () =>
            importFile(file, {
              ...options,
              into: { evaluationId: existing.evaluationId, expectedVersion: existing.version },
            }),
        })
      : modal.info({ title: '本单位已有该项目本年度的自评', width: 560, content, okText: '知道了' });
  };

  const create = async (values: { projectName: string; fiscalYear: number }) => {
    if (!organizationId) return;
    try {
      const form = { ...emptyForm(), projectName: values.projectName, fiscalYear: values.fiscalYear };
      const view = await api.post<EvaluationView>('/api/evaluations', { organizationId, form });
      setCreating(false);
      navigate(`/app/evaluations/${view.id}`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={organizationId ? '自评填报' : '自评列表'}>
        {organizationId ? (
          <Space wrap>
            <Button type="primary" onClick={() => setCreating(true)}>
              新建自评
            </Button>
            <Button loading={importing} onClick={() => fileInput.current?.click()}>
              导入自评表文件
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept={IMPORT_TYPES}
              aria-label="选择要导入的自评表文件"
              style={{ display: 'none' }}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void importFile(file);
              }}
            />
          </Space>
        ) : null}
      </PageHeader>
      {organizationId ? (
        <Typography.Text type="secondary">
          可导入 Word（.docx）、Excel（.xlsx / .xls）、带文字层的
          PDF（.pdf）、文本（.txt）、Markdown（.md）或本系统导出的 JSON；导入后生成草稿，核对后送审。
        </Typography.Text>
      ) : null}
      {list.state === 'error' ? <Alert type="error" showIcon title={list.message} /> : null}
      {/* It compares the declarations with the unit's evaluations, so it needs the list unfiltered. */}
      {list.state === 'ready' && organizationId && filterKey === '' ? (
        <FromDeclarationCard evaluations={list.data.items} />
      ) : null}
      <EvaluationList
        list={list}
        filter={filter}
        onRemoveFilter={(key) => setSearchParams(searchOf(withoutFilter(filter, key)))}
        page={page}
        onPage={(next) => setPaging({ filterKey, page: next })}
        showUnit={!organizationId}
      />
      <Modal open={creating} title="新建自评" footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={create} initialValues={{ fiscalYear: new Date().getFullYear() - 1 }}>
          <Form.Item label="项目名称" name="projectName" rules={[{ required: true, message: '请输入项目名称' }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item label="预算年度" name="fiscalYear" rules={[{ required: true, message: '请输入预算年度' }]}>
            <InputNumber min={2000} max={2100} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            创建草稿
          </Button>
        </Form>
      </Modal>
    </Space>
  );
};

export default EvaluationsPage;
