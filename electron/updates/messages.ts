/** What the update dialogs say, in the user's language, from the locale resources (`settings:updateDialog.*`). */
import { translator } from '../../core/i18n/translator.js';
import type { Settings } from '../../core/model/schemas.js';

export type UpdateLanguage = Settings['language'];

export interface UpdateDialogText {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
}

/** The "ready: restart now / later" and "refused" dialogs; in the first, button 0 installs. */
export function updateDialogText(language: UpdateLanguage, kind: 'ready' | 'refused', version: string): UpdateDialogText {
  const t = translator(language, 'settings');
  return {
    title: t('updateDialog.title'),
    message: t(`updateDialog.${kind}.message`, { version }),
    detail: t(`updateDialog.${kind}.detail`),
    buttons: kind === 'ready' ? [t('updateDialog.ready.install'), t('updateDialog.ready.later')] : [t('updateDialog.refused.ok')],
  };
}
