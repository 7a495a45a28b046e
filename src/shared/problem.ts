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
  spans: z
    .array(z.object({ field: z.string(), start: z.number().int(), end: z.number().int(), text: z.string(), kind: z.string() }))
    .optional()
    .describe('Personal identifiers found in free text (incidents): each span of a field, its kind and its characters [start, end).'),
});
export type TProblem = z.infer<typeof ZProblem>;
