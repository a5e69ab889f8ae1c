/**
 * Closing a form the rep has started filling asks first: "Discard changes to <what>?". A form nothing was
 * typed into closes at once. Every form dialog (FormModal, the account drawer) closes through this, so Esc,
 * the × and Cancel behave the same everywhere.
 */
import { useCallback, useRef } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

/** Returns `requestClose`: closes when the form is untouched, else asks and closes only if the rep agrees. */
export function useDiscardGuard(form: FormInstance, what: string, onClose: () => void): () => void {
  const { t } = useTranslation('common');
  const { modal } = App.useApp();
  const asking = useRef(false);
  return useCallback(() => {
    if (!form.isFieldsTouched()) {
      onClose();
      return;
    }
    if (asking.current) return;
    asking.current = true;
    modal.confirm({
      title: what ? t('discard.title', { what }) : t('discard.titleAny'),
      content: t('discard.body'),
      okText: t('discard.ok'),
      okButtonProps: { danger: true },
      cancelText: t('discard.keep'),
      autoFocusButton: 'cancel',
      onOk: () => {
        asking.current = false;
        onClose();
      },
      onCancel: () => {
        asking.current = false;
      },
    });
  }, [form, what, onClose, modal, t]);
}
