/** What the update dialogs say, in the user's language (the main process has no i18next; see notificationMessages.ts). */
import type { Settings } from '../../core/model/schemas.js';

export type UpdateLanguage = Settings['language'];

export interface UpdateDialogText {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
}

const MESSAGES = {
  en: {
    ready: (version: string): UpdateDialogText => ({
      title: 'Rounds update',
      message: `Rounds ${version} is ready to install`,
      detail: 'Restart now to install it? Everything you saved stays as it is, and Rounds opens again after the update.',
      buttons: ['Restart now', 'Later'],
    }),
    refused: (version: string): UpdateDialogText => ({
      title: 'Rounds update',
      message: `The update to Rounds ${version} was refused`,
      detail: 'It is not signed by the publisher of Rounds, so it was not installed. Rounds keeps working as it is; if this happens again, tell your administrator.',
      buttons: ['OK'],
    }),
  },
  'zh-CN': {
    ready: (version: string): UpdateDialogText => ({
      title: '巡访更新',
      message: `巡访 ${version} 已下载，可以安装`,
      detail: '现在重启以安装更新吗？已保存的内容不受影响，更新完成后巡访会重新打开。',
      buttons: ['立即重启', '稍后'],
    }),
    refused: (version: string): UpdateDialogText => ({
      title: '巡访更新',
      message: `已拒绝巡访 ${version} 的更新`,
      detail: '该更新没有巡访发布者的有效签名，因此没有安装。巡访仍可照常使用；如果再次出现，请告知管理员。',
      buttons: ['确定'],
    }),
  },
} as const;

/** The "ready: restart now / later" and "refused" dialogs; in the first, button 0 installs. */
export function updateDialogText(language: UpdateLanguage, kind: 'ready' | 'refused', version: string): UpdateDialogText {
  return MESSAGES[language][kind](version);
}
