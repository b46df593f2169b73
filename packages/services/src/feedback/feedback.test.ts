import { randomBytes } from 'node:crypto';
import { generateForm } from '@jixiao/core/testing';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '../../testing/service-fixtures.ts';
import { createUser } from '../accounts/create-user.ts';
import type { Actor } from '../context.ts';
import { approveEvaluation } from '../evaluations/approve-evaluation.ts';
import { createDraft } from '../evaluations/create-draft.ts';
import { publishEvaluation } from '../evaluations/publish-evaluation.ts';
import { submitEvaluation } from '../evaluations/submit-evaluation.ts';
import { convertFeedbackToRectification } from './convert-feedback-to-rectification.ts';
import { draftFeedbackReply } from './draft-feedback-reply.ts';
import { hideFeedback } from './hide-feedback.ts';
import { listFeedback } from './list-feedback.ts';
import { listPublishedFeedbackOf } from './list-published-feedback.ts';
import { publishFeedback } from './publish-feedback.ts';
import { FEEDBACK_PER_HOUR, FEEDBACK_PER_REPORT_PER_DAY, submitPublicFeedback } from './submit-public-feedback.ts';

const sourceKey = randomBytes(32);

describe.each(testDatabaseKinds())('public feedback on %s', (kind) => {
  let fixture: ServiceFixture;
  let published: string;
  let otherPublished: string;
  let seed = 700;

  /** A published evaluation of the unit, taken through the workflow by the fixture's people. */
  const publishedOf = async (filler: Actor, organizationId: string, approver: Actor, department: Actor) => {
    const { ctx, actors } = fixture;
    seed += 1;
    const draft = await createDraft(ctx, filler, {
      organizationId,
      form: { ...generateForm(seed), fiscalYear: 2023, projectName: `反馈项目${seed}` },
    });
    await submitEvaluation(ctx, filler, { evaluationId: draft.id });
    await approveEvaluation(ctx, approver, { evaluationId: draft.id });
    await approveEvaluation(ctx, department, { evaluationId: draft.id });
    await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId: draft.id });
    await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId: draft.id });
    return draft.id;
  };

  let address = 0;
  /** A fresh address per message unless one is named, so the flood limits only bite where a test means them to. */
  const send = (evaluationId: string, body: string, extra: { address?: string; website?: string } = {}) => {
    address += 1;
    return submitPublicFeedback(fixture.ctx, {
      evaluationId,
      body,
      contact: '138 0000 0000',
      sourceKey,
      address: extra.address ?? `10.0.${Math.floor(address / 250)}.${address % 250}`,
      website: extra.website,
    });
  };
  const pendingIn = async (actor: Actor, body: string) =>
    (await listFeedback(fixture.ctx, actor)).find((item) => item.body === body);

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    const { actors, organizations } = fixture;
    published = await publishedOf(
      actors.unit_filler,
      organizations.unit,
      actors.unit_approver,
      actors.department_reviewer,
    );
    const make = async (username: string, role: 'unit_approver' | 'department_reviewer', organizationId: string) => {
      const user = await createUser(fixture.ctx, null, {
        username,
        displayName: username,
        password: TEST_PASSWORD,
        roles: [{ organizationId, role }],
      });
      return { userId: user.id, username: user.username, displayName: user.displayName, roles: user.roles };
    };
    otherPublished = await publishedOf(
      actors.otherFiller,
      organizations.otherUnit,
      await make('fb.other.approver', 'unit_approver', organizations.otherUnit),
      await make('fb.other.department', 'department_reviewer', organizations.otherDepartment),
    );
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('holds a message for moderation, stores markup verbatim, and keeps no address', async () => {
    const body = '<script>alert("x")</script> 征收补偿款何时到位？';
    const receipt = await send(published, body);
    expect(receipt.message).toContain('审核');
    const item = await pendingIn(fixture.actors.finance_reviewer, body);
    expect(item).toMatchObject({ status: 'pending', body, contact: '138 0000 0000', canModerate: true });
    const stored = await fixture.ctx.db
      .selectFrom('public_feedback')
      .selectAll()
      .where('id', '=', item?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(stored.source_hash).not.toContain('10.0.');
    expect(await listPublishedFeedbackOf(fixture.ctx, published)).toEqual([]);
  });

  it('drops a honeypot message while answering as if it were kept', async () => {
    const body = '机器人填写的垃圾内容广告';
    const receipt = await send(published, body, { website: 'http://spam.example' });
    expect(receipt.accepted).toBe(true);
    expect(await pendingIn(fixture.actors.finance_reviewer, body)).toBeUndefined();
  });

  it('refuses a report that is not published or does not exist', async () => {
    const { ctx, actors, organizations } = fixture;
    const draft = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: { ...generateForm(9), fiscalYear: 2023, projectName: '未公开项目' },
    });
    await expect(send(draft.id, '未公开的报告也想反馈')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(send('00000000-0000-4000-8000-000000000000', '不存在的报告')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('limits one address per report per day and per hour overall, not another address', async () => {
    const flood = '203.0.113.7';
    for (let index = 0; index < FEEDBACK_PER_REPORT_PER_DAY; index += 1) {
      await send(published, `同一地址第 ${index + 1} 条反馈`, { address: flood });
    }
    await expect(send(published, '同一地址超出当日限额', { address: flood })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    for (let index = FEEDBACK_PER_REPORT_PER_DAY; index < FEEDBACK_PER_HOUR; index += 1) {
      await send(otherPublished, `同一地址另一报告第 ${index} 条`, { address: flood });
    }
    await expect(send(otherPublished, '同一地址超出每小时限额', { address: flood })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    await expect(send(published, '另一个地址仍可提交', { address: '203.0.113.8' })).resolves.toMatchObject({
      accepted: true,
    });
  });

  it('lets the unit draft a reply that the moderator publishes, and shows it on the portal', async () => {
    const { ctx, actors } = fixture;
    const body = '请问该项目的绩效目标是否已经完成？';
    await send(published, body);
    const pending = await pendingIn(actors.unit_filler, body);
    expect(pending).toMatchObject({ canDraftReply: true, canModerate: false, contact: null });
    const drafted = await draftFeedbackReply(ctx, actors.unit_approver, {
      feedbackId: pending?.id ?? '',
      draft: '目标已于年底完成。',
    });
    expect(drafted).toMatchObject({ replyDraft: '目标已于年底完成。', replyDraftedBy: 'approver' });
    await expect(
      publishFeedback(ctx, actors.unit_approver, { feedbackId: drafted.id, reply: '单位自行公开' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      publishFeedback(ctx, actors.department_reviewer, { feedbackId: drafted.id, reply: ' ' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const done = await publishFeedback(ctx, actors.department_reviewer, {
      feedbackId: drafted.id,
      reply: '目标已于 2023 年底完成，详见报告第三部分。',
    });
    expect(done).toMatchObject({ status: 'published', moderatedBy: 'department' });
    await expect(
      draftFeedbackReply(ctx, actors.unit_filler, { feedbackId: drafted.id, draft: '再改一次' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const portal = await listPublishedFeedbackOf(ctx, published);
    expect(portal).toEqual([
      expect.objectContaining({
        body,
        reply: '目标已于 2023 年底完成，详见报告第三部分。',
        repliedAt: expect.any(String),
      }),
    ]);
    expect(portal[0]).not.toHaveProperty('contact');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'public_feedback')
      .where('entity_id', '=', done.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'public_feedback.submit',
      'public_feedback.draft_reply',
      'public_feedback.publish',
    ]);
  });

  it('hides a message with a reason, and turns one into a 整改 item in the same transaction', async () => {
    const { ctx, actors } = fixture;
    await send(published, '这条留言含有无关广告内容');
    const spam = await pendingIn(actors.finance_reviewer, '这条留言含有无关广告内容');
    const hidden = await hideFeedback(ctx, actors.finance_reviewer, {
      feedbackId: spam?.id ?? '',
      reason: '与报告无关',
    });
    expect(hidden).toMatchObject({ status: 'hidden', hideReason: '与报告无关' });
    await expect(
      hideFeedback(ctx, actors.finance_reviewer, { feedbackId: hidden.id, reason: '再次' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });

    await send(published, '项目现场施工围挡长期未拆除');
    const problem = await pendingIn(actors.finance_reviewer, '项目现场施工围挡长期未拆除');
    const converted = await convertFeedbackToRectification(ctx, actors.finance_reviewer, {
      feedbackId: problem?.id ?? '',
      description: '施工围挡未按期拆除',
      measure: '一个月内拆除并恢复路面',
      deadline: '2099-06-30',
    });
    expect(converted.rectificationItemId).toEqual(expect.any(String));
    const item = await ctx.db
      .selectFrom('rectification_items')
      .selectAll()
      .where('id', '=', converted.rectificationItemId ?? '')
      .executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      source_kind: 'feedback',
      source_ref: converted.id,
      source_text: '项目现场施工围挡长期未拆除',
      organization_id: fixture.organizations.unit,
    });
    await expect(
      convertFeedbackToRectification(ctx, actors.finance_reviewer, {
        feedbackId: converted.id,
        description: '重复',
        deadline: '2099-06-30',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    // A failed item (a deadline in the past) leaves the message unlinked: one transaction.
    await send(published, '路灯夜间经常不亮存在隐患');
    const second = await pendingIn(actors.finance_reviewer, '路灯夜间经常不亮存在隐患');
    await expect(
      convertFeedbackToRectification(ctx, actors.finance_reviewer, {
        feedbackId: second?.id ?? '',
        description: '路灯维护不到位',
        deadline: '2000-01-01',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await pendingIn(actors.finance_reviewer, '路灯夜间经常不亮存在隐患'))?.rectificationItemId).toBeNull();
  });

  it('shows each unit only its own messages and a department only its units', async () => {
    const { ctx, actors } = fixture;
    await send(otherPublished, '教育项目的问题反馈内容');
    const finance = await listFeedback(ctx, actors.finance_reviewer);
    expect(finance.some((item) => item.evaluationId === otherPublished)).toBe(true);
    expect(finance.some((item) => item.evaluationId === published)).toBe(true);
    for (const actor of [actors.unit_filler, actors.department_reviewer]) {
      const seen = await listFeedback(ctx, actor);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((item) => item.evaluationId === published)).toBe(true);
    }
    const other = await listFeedback(ctx, actors.otherFiller);
    expect(other.every((item) => item.evaluationId === otherPublished)).toBe(true);
    expect(await listFeedback(ctx, actors.admin)).toEqual([]);
    const ours = finance.find((item) => item.evaluationId === published && item.status === 'pending');
    await expect(
      draftFeedbackReply(ctx, actors.otherFiller, { feedbackId: ours?.id ?? '', draft: '越权起草' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const theirs = finance.find((item) => item.evaluationId === otherPublished);
    await expect(
      hideFeedback(ctx, actors.department_reviewer, { feedbackId: theirs?.id ?? '', reason: '越权' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
