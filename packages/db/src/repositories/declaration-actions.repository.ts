import type { Insertable } from 'kysely';
import type { Db } from '../connect.ts';
import type { DeclarationActionRow, DeclarationActionsTable } from '../schema.ts';

export const insertDeclarationAction = async (
  db: Db,
  row: Insertable<DeclarationActionsTable>,
): Promise<DeclarationActionRow> =>
  db.insertInto('declaration_actions').values(row).returningAll().executeTakeFirstOrThrow();

export type DeclarationActionWithActor = DeclarationActionRow & { actor_name: string };

/** One declaration's actions, oldest first, with who took each. */
export const listDeclarationActions = async (db: Db, declarationId: string): Promise<DeclarationActionWithActor[]> =>
  db
    .selectFrom('declaration_actions as a')
    .innerJoin('users as u', 'u.id', 'a.actor_id')
    .selectAll('a')
    .select('u.display_name as actor_name')
    .where('a.declaration_id', '=', declarationId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
