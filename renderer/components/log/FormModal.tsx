/**
 * A dialog whose whole body, footer included, is one antd Form: Enter in a field submits (the OK button is
 * the form's submit button), Esc closes, and the OK button spins while the save runs.
 * Ctrl/Cmd+Enter submits from a text area too. Shared by the account screens, the date form and the quick log.
 */
import { useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

export interface FormModalProps<Values> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<Values>;
  onClose: () => void;
  /** Saves the values; the dialog stays open if it throws (the caller shows the problem). */
  onSubmit: (values: Values) => Promise<void>;
  initialValues?: Partial<Values>;
  okText?: ReactNode;
  width?: number;
  children: ReactNode;
}

export function FormModal<Values>({ open, title, form, onClose, onSubmit, initialValues, okText, width, children }: FormModalProps<Values>) {
  const { t } = useTranslation('account');
  const [saving, setSaving] = useState(false);

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
      onCancel={onClose}
      width={width ?? 560}
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
