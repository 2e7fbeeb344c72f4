import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only the chart types the dashboard draws, and the SVG renderer (sharp on paper when printed). Loaded by the
// dashboard page only, after its figures are on screen: ECharts never reaches the content script or the side panel.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
