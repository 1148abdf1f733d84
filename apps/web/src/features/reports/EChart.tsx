import { Box } from "@mantine/core";
import type { EChartsType } from "echarts/core";
import { useEffect, useRef } from "react";
import type { ChartOption } from "./chart-options";
import { echarts } from "./echarts";

interface EChartProps {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the figures are in its tooltips and the tiles). */
  label: string;
}

/** An ECharts instance in a div: created once, options replaced on change, resized with its box. */
export function EChart({ option, height, label }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <Box ref={ref} h={height} w="100%" role="img" aria-label={label} />;
}
