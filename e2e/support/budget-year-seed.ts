import type { DeclarationView, Me, MonitoringRoundView, MonitoringView } from '@jixiao/core';
import { demoDeclarationForm, demoMonitoringFigures } from '@jixiao/services';
import type { Page } from 'playwright-core';
import { DEMO_USERS } from './server.ts';

type Method = 'GET' | 'POST' | 'PUT';

/** The API as the person signed in on `page`, with the CSRF token the server set at sign-in. */
const apiOf = async (page: Page, baseUrl: string) => {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'jixiao_csrf')?.value ?? '';
  return async <T>(method: Method, path: string, body?: unknown): Promise<T> => {
    const response = await page.request.fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'x-csrf-token': decodeURIComponent(csrf) },
      ...(body === undefined ? {} : { data: body }),
    });
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  };
};

export type BudgetYearSeed = { returnedId: string; approvedId: string; monitoringId: string };

/**
 * Through the API, for pages that need the year before the evaluation to exist (screenshots, the phone check): a
 * declaration the department returned for its missing cost indicator, one approved up to the bureau, a monitoring
 * round at 31 July and the unit's report on the approved one, behind schedule with one indicator 完全不可能.
 */
export const seedBudgetYear = async (
  signedIn: (username: string) => Promise<Page>,
  baseUrl: string,
  fiscalYear: number,
): Promise<BudgetYearSeed> => {
  const as = async (username: string) => apiOf(await signedIn(username), baseUrl);
  const filler = await as(DEMO_USERS.filler);
  const me = await filler<Me>('GET', '/api/auth/me');
  const organizationId = me.roles.find((grant) => grant.role === 'unit_filler')?.organizationId;
  const reviewers = [DEMO_USERS.unitApprover, DEMO_USERS.departmentReviewer, DEMO_USERS.financeReviewer];

  const declare = async (projectName: string, withCost: boolean) => {
    const view = await filler<DeclarationView>('POST', '/api/declarations', {
      organizationId,
      form: demoDeclarationForm(projectName, fiscalYear, withCost),
    });
    await filler('POST', `/api/declarations/${view.id}/submit`, {});
    return view.id;
  };

  const returnedId = await declare('征收工作经费（示例申报）', false);
  await (await as(DEMO_USERS.unitApprover))('POST', `/api/declarations/${returnedId}/approve`, {});
  await (await as(DEMO_USERS.departmentReviewer))('POST', `/api/declarations/${returnedId}/return`, {
    reason: '未设置成本指标，请补充户均征收补偿成本后重新报送',
  });

  const approvedId = await declare('棚户区改造征收补偿项目', true);
  for (const username of reviewers) {
    await (await as(username))('POST', `/api/declarations/${approvedId}/approve`, {});
  }

  const round = await (await as(DEMO_USERS.financeReviewer))<MonitoringRoundView>('POST', '/api/monitoring-rounds', {
    fiscalYear,
    asOf: `${fiscalYear}-07-31`,
    dueDate: `${fiscalYear}-08-15`,
  });
  const draft = await filler<MonitoringView>('POST', '/api/monitoring-reports', {
    roundId: round.id,
    declarationId: approvedId,
  });
  const report = demoMonitoringFigures(draft.report);
  await filler('PUT', `/api/monitoring-reports/${draft.id}`, { report, version: draft.version });
  return { returnedId, approvedId, monitoringId: draft.id };
};
