import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import type { Insights } from './insights.js';

/**
 * The Sankey of the whole search (source → furthest stage → outcome) as SankeyMATIC text and as a
 * self-contained SVG. d3-sankey only computes the layout, so this runs anywhere: the server, the CLI and
 * the browser draw the same picture, and a PNG is this SVG rasterised (integrations/sankey-png.ts).
 */

/** SankeyMATIC's input language: one `Source [amount] Target` line per flow (sankeymatic.com/build). */
export function toSankeyMatic(flows: Insights['sankey']): string {
  const lines = flows.links.map(
    (l) => `${sankeyMaticName(l.source)} [${l.value}] ${sankeyMaticName(l.target)}`,
  );
  return `${lines.join('\n')}\n`;
}

/** Brackets and a leading `//` or `:` mean something to SankeyMATIC; our labels have none, but be sure. */
function sankeyMaticName(name: string): string {
  return name.replace(/[[\]]/g, '').replace(/^(\/\/|:)/, '');
}

/** Column colours: each has at least 4.5:1 contrast against white for the labels drawn beside it. */
const columnColours = ['#1f5f99', '#6a3d9a', '#2f6b31'] as const;
const textColour = '#1a1a1a';

export type SankeySvgOptions = { readonly width?: number; readonly height?: number; readonly title?: string };

export function toSankeySvg(flows: Insights['sankey'], options: SankeySvgOptions = {}): string {
  const width = options.width ?? 900;
  const height = options.height ?? 480;
  const title = options.title ?? 'Applications from source through furthest stage to outcome';
  const summary = describeSankey(flows);
  const head = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="sankey-title sankey-desc"><title id="sankey-title">${escapeXml(title)}</title><desc id="sankey-desc">${escapeXml(summary)}</desc><rect width="100%" height="100%" fill="#ffffff"/>`;
  if (flows.links.length === 0) {
    return `${head}<text x="${width / 2}" y="${height / 2}" text-anchor="middle" font-family="sans-serif" font-size="14" fill="${textColour}">No applications yet</text></svg>\n`;
  }
  const labelRoom = 130;
  const layout = sankey<{ id: string; column: number }, { value: number }>()
    .nodeId((n) => n.id)
    .nodeAlign((n) => (n as unknown as { column: number }).column)
    .nodeWidth(14)
    .nodePadding(14)
    .extent([
      [labelRoom, 10],
      [width - labelRoom, height - 10],
    ]);
  const graph = layout({
    nodes: flows.nodes.map((n) => ({ ...n })),
    links: flows.links.map((l) => ({ ...l })),
  });
  const path = sankeyLinkHorizontal();
  const parts: string[] = [head];
  for (const link of graph.links) {
    const source = link.source as { column: number };
    parts.push(
      `<path d="${path(link as never) ?? ''}" fill="none" stroke="${columnColours[source.column] ?? columnColours[0]}" stroke-opacity="0.35" stroke-width="${Math.max(1, link.width ?? 1).toFixed(2)}"/>`,
    );
  }
  for (const node of graph.nodes) {
    const x0 = node.x0 ?? 0;
    const x1 = node.x1 ?? 0;
    const y0 = node.y0 ?? 0;
    const y1 = node.y1 ?? 0;
    const isLeft = node.column === 0;
    const labelX = isLeft ? x0 - 6 : x1 + 6;
    parts.push(
      `<rect x="${x0.toFixed(2)}" y="${y0.toFixed(2)}" width="${(x1 - x0).toFixed(2)}" height="${Math.max(1, y1 - y0).toFixed(2)}" fill="${columnColours[node.column] ?? columnColours[0]}"/>`,
      `<text x="${labelX.toFixed(2)}" y="${((y0 + y1) / 2).toFixed(2)}" dy="0.35em" text-anchor="${isLeft ? 'end' : 'start'}" font-family="sans-serif" font-size="12" fill="${textColour}">${escapeXml(`${node.id} (${node.value ?? 0})`)}</text>`,
    );
  }
  parts.push('</svg>\n');
  return parts.join('');
}

/** The picture in words, for screen readers and the text summary beside the chart. */
export function describeSankey(flows: Insights['sankey']): string {
  if (flows.links.length === 0) return 'No applications yet.';
  const total = flows.links
    .filter((l) => flows.nodes.find((n) => n.id === l.source)?.column === 0)
    .reduce((sum, l) => sum + l.value, 0);
  const outcomes = flows.nodes
    .filter((n) => n.column === 2)
    .map((n) => {
      const value = flows.links.filter((l) => l.target === n.id).reduce((sum, l) => sum + l.value, 0);
      return `${n.id}: ${value}`;
    });
  return `${total} applications. Outcomes — ${outcomes.join('; ')}.`;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
