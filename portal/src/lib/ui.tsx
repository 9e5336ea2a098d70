import type { ReactNode } from 'react';
import { tone } from './tone';
import { Alert, Empty, Result, Spin, Tag } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { describeError } from '../api/errors';
import { DOSSIER_STATUS_COLORS, DOSSIER_STATUS_LABELS, label } from './labels';

/** Loading, error and empty states designed once, used by every page. */
export function QueryState<T>({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: UseQueryResult<T>;
  empty?: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <div style={{ padding: 32, textAlign: 'center' }} role="status" aria-live="polite">
        <Spin tip="Đang tải dữ liệu..." size="large">
          <div style={{ minHeight: 48 }} />
        </Spin>
      </div>
    );
  }
  if (query.isError) {
    return <Alert type="error" showIcon message="Không tải được dữ liệu" description={describeError(query.error)} role="alert" />;
  }
  const data = query.data;
  if (isEmpty ? isEmpty(data) : Array.isArray(data) && data.length === 0) {
    return <Empty description={empty ?? 'Chưa có dữ liệu'} />;
  }
  return <>{children(data)}</>;
}

export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon message={describeError(error)} role="alert" style={{ marginBottom: 16 }} />;
}

export function DossierStatusTag({ status }: { status: string }) {
  return <Tag color={tone(DOSSIER_STATUS_COLORS[status] ?? 'default')}>{label(DOSSIER_STATUS_LABELS, status)}</Tag>;
}

export function NotFound() {
  return <Result status="404" title="Không tìm thấy trang" subTitle="Đường dẫn không tồn tại hoặc bạn không có quyền xem." />;
}

/** List answers are arrays today; some services may page them as {items}. */
export function itemsOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)) return (data as { items: T[] }).items;
  return [];
}
