import { useState } from 'react';
import { App, Button, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../api/errors';
import { ErrorAlert } from '../../lib/ui';

export interface FieldSpec {
  name: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  placeholder?: string;
  initial?: string;
  type?: 'text' | 'date';
}

/**
 * A command button. With `fields` it asks for them first (a reason, a decision number...) in a dialog;
 * the API's Vietnamese message shows in the dialog when the command is refused.
 */
export function ActionButton({
  children,
  title,
  fields,
  run,
  invalidate = [],
  success,
  ...button
}: {
  children: string;
  title?: string;
  fields?: FieldSpec[];
  run: (values: Record<string, string>) => Promise<unknown>;
  invalidate?: unknown[][];
  success?: string;
} & Omit<ButtonProps, 'onClick' | 'children' | 'title'>) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Record<string, string>>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      message.success(success ?? 'Đã thực hiện');
      await Promise.all(invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
    onError: (error) => {
      if (!fields?.length) message.error(describeError(error));
    },
  });
  if (!fields?.length) {
    return (
      <Button {...button} loading={mutation.isPending} onClick={() => mutation.mutate({})}>
        {children}
      </Button>
    );
  }
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal
        open={open}
        title={title ?? children}
        okText="Xác nhận"
        cancelText="Hủy"
        confirmLoading={mutation.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <ErrorAlert error={mutation.error} />
        <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)} preserve={false}>
          {fields.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              initialValue={f.initial}
              rules={f.required === false ? [] : [{ required: true, whitespace: true, message: `Vui lòng nhập ${f.label.toLowerCase()}` }]}
            >
              {f.multiline ? (
                <Input.TextArea rows={3} placeholder={f.placeholder} />
              ) : (
                <Input type={f.type ?? 'text'} placeholder={f.placeholder} />
              )}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
