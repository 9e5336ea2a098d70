import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

const number = new Intl.NumberFormat('vi-VN');

/** One stack of a stacked bar chart: its name and one value per category. */
export interface StackSeries {
  name: string;
  values: number[];
  color?: string;
}

/**
 * A bar chart of counts (Apache ECharts, only the parts used, SVG): one bar per entry of `data`, or, with
 * `categories` and `stacks`, one stacked bar per category (e.g. dossiers by status, per level).
 */
export default function Chart({
  title,
  data = [],
  categories,
  stacks,
}: {
  title: string;
  data?: Array<[string, number]>;
  categories?: string[];
  stacks?: StackSeries[];
}) {
  const stacked = categories && stacks;
  const described = stacked
    ? categories.map((c, i) => `${c}: ${stacks.map((s) => `${s.name} ${number.format(s.values[i] ?? 0)}`).join(', ')}`).join('; ')
    : data.map(([k, v]) => `${k} ${number.format(v)}`).join(', ');
  return (
    <div role="img" aria-label={`${title}: ${described}`}>
      <ReactEChartsCore
        echarts={echarts}
        style={{ height: stacked ? 340 : 300 }}
        option={{
          title: { text: title, textStyle: { fontSize: 14 } },
          tooltip: { valueFormatter: (v: number) => number.format(v), ...(stacked ? { trigger: 'axis' } : {}) },
          ...(stacked ? { legend: { top: 28, type: 'scroll' }, grid: { top: 72 } } : {}),
          xAxis: { type: 'category', data: stacked ? categories : data.map(([k]) => k) },
          yAxis: { type: 'value', minInterval: 1 },
          series: stacked
            ? stacks.map((s) => ({
                type: 'bar',
                stack: 'total',
                name: s.name,
                data: s.values,
                ...(s.color ? { itemStyle: { color: s.color } } : {}),
              }))
            : [{ type: 'bar', data: data.map(([, v]) => v), itemStyle: { color: '#b71c1c' } }],
        }}
      />
    </div>
  );
}
