import { Alert, App, Button, Card, List } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { DeclarationListItem } from '../api/budget-year-types.ts';
import { ApiError, api, errorMessage, query } from '../api/client.ts';
import type { EvaluationView } from '../api/types.ts';
import { useApi } from '../components/useApi.ts';
import { declarationsToEvaluate } from './monitoring-ops.ts';

/** The existing evaluation a refused start names, when the server offers one. */
const existingEvaluationOf = (error: unknown): string | null => {
  if (!(error instanceof ApiError)) return null;
  const { existing } = error.context;
  if (typeof existing !== 'object' || existing === null || !('evaluationId' in existing)) return null;
  return typeof existing.evaluationId === 'string' ? existing.evaluationId : null;
};

/**
 * 从绩效目标生成自评: for each approved declaration of the unit without a self-evaluation yet, a draft pre-filled
 * with the approved indicators, targets and weights (and the monitoring), opened in the editor.
 */
export const FromDeclarationCard = ({ evaluations }: { evaluations: readonly EvaluationView[] }) => {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const declarations = useApi(
    () => api.get<{ items: DeclarationListItem[] }>(`/api/declarations${query({ status: 'approved' })}`),
    'approved-declarations',
  );
  if (declarations.state === 'error') return <Alert type="error" showIcon title={declarations.message} />;
  const offered = declarations.state === 'ready' ? declarationsToEvaluate(declarations.data.items, evaluations) : [];
  if (offered.length === 0) return null;
  const start = async (declarationId: string) => {
    setBusy(declarationId);
    try {
      const view = await api.post<EvaluationView>('/api/evaluations/from-declaration', { declarationId });
      message.success('已按批复的绩效目标生成自评草稿');
      navigate(`/app/evaluations/${view.id}`);
    } catch (error) {
      const existing = existingEvaluationOf(error);
      if (existing) navigate(`/app/evaluations/${existing}`);
      else message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title="可从绩效目标生成自评" data-testid="from-declaration">
      <List
        size="small"
        dataSource={offered}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button
                key="start"
                type="primary"
                size="small"
                loading={busy === item.id}
                onClick={() => void start(item.id)}
              >
                从绩效目标生成自评
              </Button>,
            ]}
          >
            {item.fiscalYear} 年度 · {item.projectName}
          </List.Item>
        )}
      />
    </Card>
  );
};
