// A chart as a standalone SVG document: for the SVG and PNG downloads and the printed report.
// Drawn from the same ChartData as the uPlot chart on screen, with its title, legend and the
// "cite this result" line, so an exported picture leads back to the exact scenario.
import type { ChartData } from './chart';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Round tick values: about `count` of them between lo and hi. */
function ticks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * `text` in lines of at most `max` characters, broken between words: the cite line (scenario,
 * fingerprint, runs and seed) must reach the picture whole, since it is how the figure is
 * reproduced.
 */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function chartSvg(d: ChartData, title: string, cite: string, width = 960, height = 540): string {
  const citeX = 16;
  // About 6.6 px a character at 12 px (system-ui), so a line stays inside the picture.
  const citeLines = wrap(cite, Math.floor((width - citeX - 16) / 6.6));
  // The legend in rows as wide as the picture (three or four compared names ran off its edge).
  const items = [...d.lines.map((l) => ({ label: l.label, color: l.color, band: false })), ...d.bands.map((b) => ({ label: b.label, color: b.color, band: true }))];
  const placed: { x: number; row: number }[] = [];
  let [px, row] = [110, 0];
  for (const item of items) {
    const w = 40 + item.label.length * 7.5;
    if (px > 110 && px + w > width - 16) [px, row] = [110, row + 1];
    placed.push({ x: px, row });
    px += w;
  }
  const pad = { left: 110, right: 20, top: 44, bottom: 82 + 18 * row + 15 * citeLines.length };
  const w = width - pad.left - pad.right;
  const h = height - pad.top - pad.bottom;
  const values = [...d.lines.flatMap((l) => l.values), ...d.bands.flatMap((b) => [...b.lower, ...b.upper])].filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  // Small positive figures (money from zero) start the axis at zero.
  if (lo > 0 && lo < hi * 0.2) lo = 0;
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const yTicks = ticks(lo, hi, 5);
  lo = Math.min(lo, yTicks[0] ?? lo);
  hi = Math.max(hi, yTicks[yTicks.length - 1] ?? hi);
  const n = Math.max(1, d.x.length - 1);
  const X = (i: number) => pad.left + (w * i) / n;
  const Y = (v: number) => pad.top + h - ((v - lo) / (hi - lo)) * h;
  const path = (vs: (number | null)[]) => {
    let s = '';
    let pen = false;
    vs.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      s += `${pen ? 'L' : 'M'}${X(i).toFixed(1)},${Y(v).toFixed(1)}`;
      pen = true;
    });
    return s;
  };
  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  parts.push(`<text x="${pad.left}" y="28" font-size="20" font-weight="600">${esc(title)}</text>`);
  for (const t of yTicks) {
    parts.push(`<line x1="${pad.left}" x2="${pad.left + w}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${pad.left - 8}" y="${(Y(t) + 4).toFixed(1)}" font-size="13" text-anchor="end">${esc((d.axisFormat ?? d.format)(t))}</text>`);
  }
  const every = Math.max(1, Math.ceil(d.x.length / 10));
  d.x.forEach((label, i) => {
    if (i % every === 0) parts.push(`<text x="${X(i).toFixed(1)}" y="${pad.top + h + 20}" font-size="13" text-anchor="middle">${esc((d.xFormat ?? String)(label))}</text>`);
  });
  for (const b of d.bands) {
    const upper = b.upper.map((v, i) => [i, v] as const).filter(([, v]) => v !== null) as [number, number][];
    const lower = b.lower.map((v, i) => [i, v] as const).filter(([, v]) => v !== null) as [number, number][];
    if (upper.length && lower.length) {
      const pts = [...upper.map(([i, v]) => `${X(i).toFixed(1)},${Y(v).toFixed(1)}`), ...lower.reverse().map(([i, v]) => `${X(i).toFixed(1)},${Y(v).toFixed(1)}`)];
      parts.push(`<polygon points="${pts.join(' ')}" fill="${esc(b.color)}"/>`);
    }
  }
  for (const l of d.lines) {
    parts.push(`<path d="${path(l.values)}" fill="none" stroke="${esc(l.color)}" stroke-width="${(l.width ?? 2) * 1.5}"${l.dash ? ` stroke-dasharray="${l.dash.join(' ')}"` : ''}/>`);
  }
  if (d.marker) {
    const x = X(d.marker.index).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${pad.top}" y2="${pad.top + h}" stroke="#047857" stroke-width="2" stroke-dasharray="4 4"/>`);
    // In the right third the label goes left of the line, so it is not cut at the edge.
    const left = d.marker.index > n * (2 / 3);
    parts.push(`<text x="${Number(x) + (left ? -6 : 6)}" y="${pad.top + 16}" font-size="13" fill="#047857"${left ? ' text-anchor="end"' : ''}>${esc(d.marker.label)}</text>`);
  }
  parts.push(`<line x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${pad.top + h}" stroke="#9ca3af"/>`);
  items.forEach((item, i) => {
    const { x: lx, row: r } = placed[i]!;
    const ly = pad.top + h + 48 + 18 * r;
    const dash = d.lines[i]?.dash;
    parts.push(item.band ? `<rect x="${lx}" y="${ly - 10}" width="24" height="12" fill="${esc(item.color)}"/>` : `<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${esc(item.color)}" stroke-width="3"${dash ? ` stroke-dasharray="${dash.join(' ')}"` : ''}/>`);
    parts.push(`<text x="${lx + 30}" y="${ly}" font-size="13">${esc(item.label)}</text>`);
  });
  citeLines.forEach((line, i) => {
    parts.push(`<text x="${citeX}" y="${height - 14 - 15 * (citeLines.length - 1 - i)}" font-size="12" fill="#4b5563">${esc(line)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">${parts.join('')}</svg>`;
}

/** The SVG as a PNG (drawn on a canvas at twice its size, for sharp printing). */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
