import { Empty } from 'antd';
import { PageTitle } from '../../layout/Shell';

export default function AgencyArea() {
  return (
    <>
      <PageTitle>Đang xây dựng</PageTitle>
      <Empty description="Chức năng đang được hoàn thiện" />
    </>
  );
}
