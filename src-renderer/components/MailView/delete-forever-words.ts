import type { Translate } from '../../i18n/translate';
import type { DeletePlan } from './delete-plan';

/** The delete-for-good confirmation's sentence: one message is "this message", several are counted, a mixed delete says both parts. */
export function deleteForeverWords(plan: DeletePlan, t: Translate): string {
  const count = plan.forGood.length;
  if (plan.toTrash.length > 0) return t('deleteForever.mixedText', { count, moved: plan.toTrash.length });
  return t(count === 1 ? 'deleteForever.text.one' : 'deleteForever.text.other', { count });
}
