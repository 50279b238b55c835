/**
 * WCAG 2.1 contrast ratio, implemented from the definitions in the spec:
 * https://www.w3.org/TR/WCAG21/#dfn-relative-luminance and #dfn-contrast-ratio
 */

const NAMED = {
  white: [255, 255, 255, 1],
  black: [0, 0, 0, 1],
  transparent: [0, 0, 0, 0],
};

/** Parse a CSS colour literal (#rgb, #rgba, #rrggbb, #rrggbbaa, rgb(), rgba(), white/black/transparent). */
export function parseColor(input) {
  const value = input.trim().toLowerCase();
  if (value in NAMED) return NAMED[value];
  let m = value.match(/^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/);
  if (m) {
    let hex = m[1];
    if (hex.length <= 4) hex = [...hex].map((c) => c + c).join("");
    const n = (i) => parseInt(hex.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), hex.length === 8 ? n(6) / 255 : 1];
  }
  m = value.match(/^rgba?\(([^)]*)\)$/);
  if (m) {
    const parts = m[1].split(/[\s,/]+/).filter(Boolean);
    if (parts.length < 3) throw new Error(`cannot parse colour "${input}"`);
    const channel = (p) => (p.endsWith("%") ? (parseFloat(p) * 255) / 100 : parseFloat(p));
    const alpha = parts[3] === undefined ? 1 : parts[3].endsWith("%") ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
    return [channel(parts[0]), channel(parts[1]), channel(parts[2]), alpha];
  }
  throw new Error(`cannot parse colour "${input}" (use hex or rgb() values for colour tokens)`);
}

/** Composite a possibly translucent foreground over an opaque background. */
export function composite(fg, bg) {
  const a = fg[3];
  return [0, 1, 2].map((i) => fg[i] * a + bg[i] * (1 - a)).concat(1);
}

/** WCAG 2.1 relative luminance of an sRGB colour (0..255 channels). */
export function relativeLuminance([r, g, b]) {
  const lin = (c8) => {
    const c = c8 / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio (L1 + 0.05) / (L2 + 0.05), L1 the lighter. fg may be translucent; bg must be opaque. */
export function contrastRatio(fgColor, bgColor) {
  const bg = parseColor(bgColor);
  if (bg[3] !== 1) throw new Error(`background "${bgColor}" is not opaque; check against the colour behind it`);
  const fg = composite(parseColor(fgColor), bg);
  const l1 = relativeLuminance(fg);
  const l2 = relativeLuminance(bg);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

export function toHex(color) {
  const [r, g, b, a] = parseColor(color);
  const h = (n) => Math.round(n).toString(16).padStart(2, "0");
  return `#${h(r)}${h(g)}${h(b)}${a < 1 ? h(a * 255) : ""}`;
}
