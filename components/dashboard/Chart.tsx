import { useEffect, useRef } from 'react';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

/** ECharts is loaded beside the page, not before it: the figures and tables are on screen while it arrives. */
let loading: Promise<typeof import('./echarts-setup')> | null = null;
const loadECharts = () => (loading ??= import('./echarts-setup'));

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** jsdom and a hidden tab report no width: the chart is then drawn at this size and resized when laid out. */
const FALLBACK_WIDTH = 560;

/** Product titles and review words come from the console: the tooltip draws text, never HTML. */
export const TEXT_TOOLTIP: TooltipComponentOption = { trigger: 'item', renderMode: 'richText', confine: true };

export function Chart(props: { option: ChartOption; height: number; label: string; onPick?: (seriesIndex: number, dataIndex: number) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(props.onPick);
  useEffect(() => {
    pick.current = props.onPick;
  });
  useEffect(() => {
    const el = ref.current!;
    let stop = () => undefined as void;
    let gone = false;
    void loadECharts().then(({ echarts }) => {
      if (gone) return;
      const chart = echarts.init(el, undefined, { renderer: 'svg', width: el.clientWidth || FALLBACK_WIDTH, height: props.height });
      chart.setOption({ animation: false, ...props.option });
      chart.on('click', (p) => pick.current?.(p.seriesIndex ?? 0, p.dataIndex));
      // Printing lays the page out at the paper's width without running scripts: with its viewBox the SVG scales to
      // the printed column (dashboard.css) instead of being cut off.
      const scalable = () => el.querySelector('svg')?.setAttribute('viewBox', `0 0 ${chart.getWidth()} ${chart.getHeight()}`);
      scalable();
      const resize = () => {
        chart.resize({ width: el.clientWidth || FALLBACK_WIDTH, height: props.height });
        scalable();
      };
      const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
      observer?.observe(el);
      window.addEventListener('beforeprint', resize);
      stop = () => {
        observer?.disconnect();
        window.removeEventListener('beforeprint', resize);
        chart.dispose();
      };
    });
    return () => {
      gone = true;
      stop();
    };
  }, [props.option, props.height]);
  return <div ref={ref} className="chart" role="img" aria-label={props.label} style={{ height: props.height }} />;
}

/** A short axis label for a long product title (the table beside the chart has it whole). */
export function shortLabel(text: string, max = 12): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
