import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TitleComponent, TooltipComponent, SVGRenderer]);

const number = new Intl.NumberFormat('vi-VN');

/** A bar chart of counts (Apache ECharts, only the parts used, SVG). */
export default function Chart({ title, data }: { title: string; data: Array<[string, number]> }) {
  return (
    <div role="img" aria-label={`${title}: ${data.map(([k, v]) => `${k} ${number.format(v)}`).join(', ')}`}>
      <ReactEChartsCore
        echarts={echarts}
        style={{ height: 300 }}
        option={{
          title: { text: title, textStyle: { fontSize: 14 } },
          tooltip: { valueFormatter: (v: number) => number.format(v) },
          xAxis: { type: 'category', data: data.map(([k]) => k) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', data: data.map(([, v]) => v), itemStyle: { color: '#b71c1c' } }],
        }}
      />
    </div>
  );
}
