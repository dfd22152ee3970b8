import { Resvg } from '@resvg/resvg-js';

/**
 * An SVG rasterised to PNG without a browser (resvg, a prebuilt native binary), at twice its width for
 * sharp text on phones. Fonts come from the system; where none is installed the shapes still draw.
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 900);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    font: { loadSystemFonts: true, defaultFontFamily: 'sans-serif' },
  });
  return resvg.render().asPng();
}
