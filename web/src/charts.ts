/** ECharts, with only the pieces the dashboard uses (line, bar, graph; zoom, brush, tooltip, legend). */
import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GraphChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  ToolboxComponent,
  TitleComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export { echarts };

/** A chart that follows its container's size; returns the chart and a disposer. */
export function mountChart(el: HTMLElement): { chart: echarts.ECharts; dispose: () => void } {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  const ro = new ResizeObserver(() => chart.resize());
  ro.observe(el);
  return {
    chart,
    dispose: () => {
      ro.disconnect();
      chart.dispose();
    },
  };
}

/** red (conflict) → grey → green (cooperation) for a Goldstein value in [-10, 10] */
export function goldsteinColor(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 6));
  const grey = [140, 143, 152];
  const end = t < 0 ? [192, 57, 43] : [31, 122, 77];
  const k = Math.abs(t);
  const c = grey.map((v, i) => Math.round(v + (end[i]! - v) * k));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
