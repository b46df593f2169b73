import {
  compareBudgetYear,
  type DeclarationForm,
  declarationFormSchema,
  type EvaluationForm,
  type Finding,
  findRuleSet,
  type MonitoringReport,
  monitoringReportSchema,
  requireRuleSet,
} from '@jixiao/core';
import {
  type Db,
  type Evaluation,
  findApprovedDeclarationForProject,
  findLatestSubmittedMonitoringReport,
  type MonitoringReportListRow,
  type TargetDeclaration,
} from '@jixiao/db';

/** The earlier stages of one project's year: the approved declaration in force and the latest submitted monitoring. */
export type BudgetYearStages = {
  declaration: { row: TargetDeclaration; form: DeclarationForm } | null;
  monitoring: { row: MonitoringReportListRow; report: MonitoringReport } | null;
};

type Project = { organizationId: string; fiscalYear: number; projectName: string };

/** A stored declaration or report that no longer reads is left out of the comparison rather than failing the evaluation. */
const declarationForm = (row: TargetDeclaration): DeclarationForm | null => {
  const parsed = declarationFormSchema.safeParse(row.form);
  return parsed.success ? parsed.data : null;
};

const monitoringReport = (row: MonitoringReportListRow): MonitoringReport | null => {
  const parsed = monitoringReportSchema.safeParse(row.report);
  return parsed.success ? { ...parsed.data, asOf: row.as_of } : null;
};

export const budgetYearStagesOf = async (db: Db, project: Project): Promise<BudgetYearStages> => {
  const [declaration, monitoring] = await Promise.all([
    findApprovedDeclarationForProject(db, project),
    findLatestSubmittedMonitoringReport(db, project),
  ]);
  const form = declaration ? declarationForm(declaration) : null;
  const report = monitoring ? monitoringReport(monitoring) : null;
  return {
    declaration: declaration && form ? { row: declaration, form } : null,
    monitoring: monitoring && report ? { row: monitoring, report } : null,
  };
};

export const budgetYearProjectOf = (
  evaluation: Pick<Evaluation, 'organization_id' | 'fiscal_year' | 'project_name'>,
): Project => ({
  organizationId: evaluation.organization_id,
  fiscalYear: evaluation.fiscal_year,
  projectName: evaluation.project_name,
});

/**
 * TARGET_CHANGED_AFTER_APPROVAL, WEIGHT_CHANGED_AFTER_APPROVAL, INDICATOR_SET_CHANGED, MONITORING_WARNING_UNADDRESSED
 * for an evaluation's form, read when the evaluation is shown: a declaration can be adjusted (调整) after the
 * evaluation's revision was scored, so these are not stored with the revision.
 */
export const budgetYearFindingsOf = async (
  db: Db,
  evaluation: Pick<Evaluation, 'organization_id' | 'fiscal_year' | 'project_name' | 'rule_set_id'>,
  form: EvaluationForm,
): Promise<Finding[]> => {
  const stages = await budgetYearStagesOf(db, budgetYearProjectOf(evaluation));
  if (!stages.declaration && !stages.monitoring) return [];
  return compareBudgetYear(
    form,
    stages.declaration?.form ?? null,
    stages.monitoring?.report ?? null,
    findRuleSet(evaluation.rule_set_id) ?? requireRuleSet(),
  ).findings;
};
