/**
 * A dialog whose whole body, footer included, is one antd Form: Enter in a field submits (the OK button is
 * the form's submit button), Esc closes, and the OK button spins while the save runs.
 * Ctrl/Cmd+Enter submits from a text area too. Shared by the account screens, the date form and the quick log.
 * Closing it after the rep typed something asks first ("Discard changes to …?", see useDiscardGuard).
 * It fits the window (1024×640 and up): the body scrolls and the title and the footer's buttons stay in view.
 */
import { useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDiscardGuard } from '../forms/useDiscardGuard.js';

export interface FormModalProps<Values> {
  open: boolean;
  title: ReactNode;
  /** what the form is about, for "Discard changes to …?"; the title when it is text */
  subject?: string;
  form: FormInstance<Values>;
  onClose: () => void;
  /** Saves the values; the dialog stays open if it throws (the caller shows the problem). */
  onSubmit: (values: Values) => Promise<void>;
  initialValues?: Partial<Values>;
  okText?: ReactNode;
  width?: number;
  children: ReactNode;
}

/** The space above and below a dialog, and what its title, footer and padding take, in px. */
const DIALOG_MARGIN = 24;
const DIALOG_CHROME = 150;

export function FormModal<Values>({ open, title, subject, form, onClose, onSubmit, initialValues, okText, width, children }: FormModalProps<Values>) {
  const { t } = useTranslation('account');
  const [saving, setSaving] = useState(false);
  const requestClose = useDiscardGuard(form, subject ?? (typeof title === 'string' ? title : ''), onClose);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await onSubmit(values);
    } catch {
      // Already shown to the user by useMutation / the field errors; keep the dialog open to fix it.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={requestClose}
      width={width ?? 560}
      style={{ top: DIALOG_MARGIN, paddingBottom: 0 }}
      styles={{ body: { maxHeight: `calc(100vh - ${2 * DIALOG_MARGIN + DIALOG_CHROME}px)`, overflowY: 'auto', overflowX: 'hidden' } }}
      destroyOnHidden
      okText={okText ?? t('actions.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: saving }}
      modalRender={(dialog) => (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={submit}
          clearOnDestroy
          // Enter in a text area writes a new line, so Ctrl/Cmd+Enter saves from anywhere in the dialog.
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
          }}
        >
          {dialog}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}
