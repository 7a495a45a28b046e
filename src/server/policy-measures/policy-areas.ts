import { and, asc, eq } from 'drizzle-orm';
import { ZPolicyAreaInput, ZPolicyAreaUpdate, type TPolicyArea } from '../../shared/policy-measures';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { isUniqueViolation } from '../db/constraint-errors';
import { policyAreas } from '../db/schema/index';
import { AppError, type FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';

const columns = { code: policyAreas.code, name: policyAreas.name, description: policyAreas.description, retired: policyAreas.retired };

/** The areas, in their order; reference data every signed-in user may read. */
export async function listPolicyAreas(db: Executor): Promise<{ items: TPolicyArea[] }> {
  const rows = await db.select(columns).from(policyAreas).orderBy(asc(policyAreas.sortOrder), asc(policyAreas.name));
  return { items: rows };
}

/** A field error when the area does not exist or is retired (a retired area stays on old records but takes no new ones). */
export async function areaProblem(db: Executor, code: string, field: string, keep?: string): Promise<FieldError | undefined> {
  if (code === keep) return undefined;
  const [area] = await db.select({ retired: policyAreas.retired }).from(policyAreas).where(eq(policyAreas.code, code)).limit(1);
  if (!area) return { field, message: `"${code}" is not a policy area: see GET /api/v1/policy-areas` };
  if (area.retired) return { field, message: `"${code}" is retired: choose another policy area` };
  return undefined;
}

const codeTaken = (code: string, name?: string) =>
  new AppError('conflict', `A policy area with the code "${code}" already exists${name ? ` (${name})` : ''}: choose another code.`, [
    { field: 'body.code', message: `"${code}" is taken: choose another code` },
  ]);

/** Administrators add an area (settings are theirs, as with incident categories). */
export async function createPolicyArea(db: Executor, raw: unknown, context: AuditContext, actor: Actor): Promise<TPolicyArea> {
  requirePermission(actor, 'users.manage');
  const input = parseInput(ZPolicyAreaInput, raw);
  return db
    .transaction(async (tx) => {
      const [taken] = await tx.select({ name: policyAreas.name }).from(policyAreas).where(eq(policyAreas.code, input.code)).limit(1);
      if (taken) throw codeTaken(input.code, taken.name);
      const [created] = await tx
        .insert(policyAreas)
        .values({ code: input.code, name: input.name, description: input.description, sortOrder: 1000 })
        .returning(columns);
      await recordAudit(tx, context, { action: 'policy_area.created', recordType: 'policy_area', recordId: input.code, change: input, classification: 'U' });
      return created!;
    })
    .catch((error: unknown) => {
      // Two administrators adding the same code at once: both checks pass, the key decides.
      if (isUniqueViolation(error, 'policy_areas_pkey')) throw codeTaken(input.code);
      throw error;
    });
}

/** Renames, describes or retires an area. */
export async function updatePolicyArea(db: Executor, code: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TPolicyArea> {
  requirePermission(actor, 'users.manage');
  const input = parseInput(ZPolicyAreaUpdate, raw);
  return db.transaction(async (tx) => {
    const [current] = await tx.select(columns).from(policyAreas).where(eq(policyAreas.code, code)).limit(1);
    if (!current) throw AppError.notFound('Policy area');
    const change = Object.fromEntries(
      Object.entries(input)
        .filter(([key, value]) => value !== undefined && value !== current[key as keyof typeof current])
        .map(([key, value]) => [key, { from: current[key as keyof typeof current], to: value }]),
    );
    if (Object.keys(change).length === 0) return current;
    const set = Object.fromEntries(Object.entries(change).map(([key, value]) => [key, value.to]));
    const [updated] = await tx
      .update(policyAreas)
      .set(set)
      .where(and(eq(policyAreas.code, code)))
      .returning(columns);
    await recordAudit(tx, context, { action: 'policy_area.updated', recordType: 'policy_area', recordId: code, change, classification: 'U' });
    return updated!;
  });
}
