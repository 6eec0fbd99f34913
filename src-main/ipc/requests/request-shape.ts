/** The pieces every request group is made of. */
import { z } from 'zod';

export const id = z.number().int().positive();
export const empty = z.object({}).strict();
export const byAccount = z.object({ accountId: id }).strict();
export const byMessage = z.object({ messageId: id }).strict();

/** A request: its params schema and its result type (carried by a phantom). */
export function request<R>() {
  return <P extends z.ZodType>(params: P) => ({ params, result: undefined as unknown as R });
}
