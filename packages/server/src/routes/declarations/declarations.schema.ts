import { type DeclarationStatus, declarationFormSchema, safeText } from '@jixiao/core';
import { z } from 'zod';
import { uploadedFile } from '../evidence/evidence.schema.ts';

const DECLARATION_STATUSES = [
  'draft',
  'submitted',
  'department_review',
  'finance_review',
  'returned',
  'approved',
] as const satisfies readonly DeclarationStatus[];

export const listDeclarationsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(DECLARATION_STATUSES).optional(),
  /** A unit or a department (its units), within what the caller may see. */
  organizationId: z.uuid().optional(),
});

export const createDeclarationBody = z.strictObject({
  organizationId: z.uuid(),
  form: declarationFormSchema,
});

/** The file travels as base64 inside JSON, as evaluation imports do. */
export const importDeclarationBody = z.strictObject({
  organizationId: z.uuid(),
  ...uploadedFile.shape,
});

export const updateDeclarationBody = z.strictObject({
  form: declarationFormSchema,
  version: z.number().int().min(1),
});

export const DECLARATION_STEPS = ['submit', 'withdraw', 'approve', 'return'] as const;

export const stepDeclarationBody = z.strictObject({
  reason: safeText().max(2000).optional(),
  /** Refuses the step (409) if the declaration changed since this version was read. */
  version: z.number().int().min(1).optional(),
});

export const adjustDeclarationBody = z.strictObject({
  reason: safeText().min(1).max(2000),
});

export const DECLARATION_DOCUMENTS = ['document.xlsx', 'document.pdf'] as const;
