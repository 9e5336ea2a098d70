import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { api, data } from '../../api/client';
import { PageTitle } from '../../layout/Shell';
import { LEVEL_LABELS, label } from '../../lib/labels';
import { fold, formatDate } from '../../lib/format';
import { QueryState, itemsOf } from '../../lib/ui';

interface AwardedWork {
  proposalId: string;
  dossierId: string;
  title: string;
  awardName: string;
  recipients: Array<{ name: string; kind?: string }>;
  decisionNumber: string;
  decisionDate: string;
}
interface AwardedWorksDoc {
  _id: string;
  year: number;
  level: string;
  fieldCode: string;
  works: AwardedWork[];
}

/** "Gương người Việt đoàn kết sáng tạo": awarded works, for everyone, no sign-in. */
export default function ShowcasePage() {
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<string>();
  const query = useQuery({
    queryKey: ['public', 'awarded-works', level],
    queryFn: async () =>
      itemsOf<AwardedWorksDoc>(
        await data(api.recognition.GET('/public/awarded-works', { params: { query: level ? { level } : {} } } as never)),
      ),
  });
  const rows = useMemo(() => {
    const needle = fold(q.trim());
    return (query.data ?? []).flatMap((doc) =>
      doc.works
        .filter((w) => !needle || fold(`${w.title} ${w.recipients.map((r) => r.name).join(' ')} ${w.awardName}`).includes(needle))
        .map((w) => ({ ...w, year: doc.year, level: doc.level, fieldCode: doc.fieldCode })),
    );
  }, [query.data, q]);
  return (
    <>
      <PageTitle>Gương người Việt đoàn kết sáng tạo</PageTitle>
      <Typography.Paragraph>Các công trình, giải pháp, sáng kiến đã được khen thưởng.</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          placeholder="Tìm theo tên công trình, tác giả (không cần dấu)"
          aria-label="Tìm kiếm công trình"
          style={{ width: 380 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Select
          allowClear
          placeholder="Cấp khen thưởng"
          aria-label="Cấp khen thưởng"
          style={{ width: 200 }}
          value={level}
          onChange={setLevel}
          options={Object.entries(LEVEL_LABELS).map(([value, l]) => ({ value, label: l }))}
        />
      </Space>
      <QueryState query={query} empty="Chưa có công trình nào được khen thưởng" isEmpty={() => rows.length === 0}>
        {() => (
          <List
            grid={{ gutter: 16, xs: 1, md: 2, xl: 3 }}
            dataSource={rows}
            renderItem={(w) => (
              <List.Item>
                <Card title={<span data-testid="awarded-title">{w.title}</span>} size="small">
                  <p>
                    <strong>Tác giả:</strong> {w.recipients.map((r) => r.name).join(', ')}
                  </p>
                  <p>
                    <strong>Hình thức:</strong> {w.awardName}
                  </p>
                  <p>
                    <strong>Quyết định:</strong> Số {w.decisionNumber}, ngày {formatDate(w.decisionDate)}
                  </p>
                  <Tag>{label(LEVEL_LABELS, w.level)}</Tag>
                  <Tag>Năm {w.year}</Tag>
                </Card>
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </>
  );
}
