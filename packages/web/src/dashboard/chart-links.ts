/**
 * Every count a chart draws carries the page behind it as `link` in its data item; ECharts hands the clicked
 * item back as it was given, so one click handler serves every chart.
 */
export type Linked = { link: string };

/** The page a clicked chart item leads to, or null for an item that leads nowhere (a mark line, an empty slice). */
export const linkOf = (data: unknown): string | null => {
  if (typeof data !== 'object' || data === null) return null;
  const link: unknown = Reflect.get(data, 'link');
  return typeof link === 'string' && link.startsWith('/app/') ? link : null;
};
