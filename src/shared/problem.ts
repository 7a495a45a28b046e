import { z } from 'zod';

/** RFC 9457 problem details, with a field-level list for validation errors. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), message: z.string() }))
    .optional()
    .describe('One entry per invalid field, e.g. { field: "query.limit", message: "must be at most 500" }'),
});
export type TProblem = z.infer<typeof ZProblem>;
