import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Input, List, Space, Tag, Typography } from 'antd';
import { getSession } from '../../auth/session';
import { PageTitle } from '../../layout/Shell';
import { LEVEL_LABELS, label } from '../../lib/labels';
import { formatDate } from '../../lib/format';
import { QueryState } from '../../lib/ui';
import { tone } from '../../lib/tone';
import { ActionButton } from '../shared/ActionButton';
import { enc } from '../shared/councils';
import { getJson, post, useFieldName } from '../shared/queries';

interface Innovation {
  dossierId: string;
  title: string;
  summary: string;
  fieldCode: string;
  year: number;
  authors: string[];
  nominatingUnitName?: string;
  acceptances: Array<{ level: string; gradeLabel: string; score: number; accepted: boolean }>;
  applications: Array<{ unitId: string; unitName: string; appliedFrom: string; effect: string }>;
}

const RECORDERS = new Set(['unit-officer', 'agency-officer', 'standing-body']);

/** Cơ sở dữ liệu sáng kiến: accepted works, their field and effect, and every unit that applied them. */
export default function InnovationsPage() {
  const [q, setQ] = useState('');
  const fieldName = useFieldName();
  const role = getSession()?.user.role ?? '';
  const query = useQuery({
    queryKey: ['innovations', q],
    queryFn: () => getJson<Innovation[]>('councils', `/innovations${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ''}`),
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <PageTitle>Cơ sở dữ liệu sáng kiến</PageTitle>
      <Typography.Paragraph>
        Các sáng kiến, giải pháp đã được Hội đồng nghiệm thu: lĩnh vực, hiệu quả và các đơn vị đã áp dụng (nhân rộng).
      </Typography.Paragraph>
      <Input.Search
        allowClear
        aria-label="Tìm sáng kiến"
        placeholder="Tên sáng kiến, tác giả, đơn vị áp dụng (không cần dấu)"
        style={{ width: 420, marginBottom: 16 }}
        onSearch={setQ}
      />
      <QueryState query={query} empty="Chưa có sáng kiến nào được nghiệm thu">
        {(rows) => (
          <List
            dataSource={rows}
            renderItem={(w) => (
              <List.Item>
                <Card
                  size="small"
                  style={{ width: '100%' }}
                  title={w.title}
                  extra={<Tag>{fieldName(w.fieldCode)}</Tag>}
                  actions={
                    RECORDERS.has(role)
                      ? [
                          <ActionButton
                            key="apply"
                            title="Ghi nhận áp dụng tại đơn vị khác"
                            fields={[
                              { name: 'unitId', label: 'Mã đơn vị áp dụng', initial: getSession()?.user.unitId },
                              { name: 'appliedFrom', label: 'Áp dụng từ ngày', type: 'date' },
                              { name: 'effect', label: 'Hiệu quả áp dụng', multiline: true },
                            ]}
                            run={(v) => post('councils', `/innovations/${enc(w.dossierId)}/applications`, v)}
                            invalidate={[['innovations']]}
                            success="Đã ghi nhận việc áp dụng"
                          >
                            Ghi nhận áp dụng
                          </ActionButton>,
                        ]
                      : []
                  }
                >
                  <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                    <Descriptions.Item label="Tác giả">{w.authors.join(', ')}</Descriptions.Item>
                    <Descriptions.Item label="Đơn vị đề cử">{w.nominatingUnitName ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="Hiệu quả" span={2}>
                      {w.summary || '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label="Nghiệm thu" span={2}>
                      <Space wrap>
                        {w.acceptances
                          .filter((a) => a.accepted)
                          .map((a) => (
                            <Tag key={a.level} color={tone('success')}>
                              {label(LEVEL_LABELS, a.level)}: {a.gradeLabel} ({a.score} điểm)
                            </Tag>
                          ))}
                      </Space>
                    </Descriptions.Item>
                    <Descriptions.Item label={`Đơn vị đã áp dụng (${w.applications.length})`} span={2}>
                      {w.applications.length
                        ? w.applications.map((a) => (
                            <div key={a.unitId}>
                              <strong>{a.unitName}</strong> (từ {formatDate(a.appliedFrom)}): {a.effect}
                            </div>
                          ))
                        : 'Chưa có đơn vị khác áp dụng'}
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </>
  );
}
