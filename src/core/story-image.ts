/**
 * The one image a story may show: its Sankey, an SVG embedded as a base64 data URI. story.ts writes it and
 * story-html.ts keeps only images with this prefix; a module of its own so neither pulls in the other.
 */
export const sankeyImagePrefix = 'data:image/svg+xml;base64,';

/** The SVG as a data URI: base64, so Markdown sees no parenthesis or space in it and the file stands alone. */
export function svgDataUri(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `${sankeyImagePrefix}${btoa(binary)}`;
}
