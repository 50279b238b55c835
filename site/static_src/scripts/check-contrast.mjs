#!/usr/bin/env node
/**
 * Build-time WCAG contrast check of the Limburg theme (run by `npm run build` before compiling).
 *
 * Text pairs need >= 4.5:1 (WCAG 2.1 SC 1.4.3), non-text pairs (focus indicator, form control borders,
 * accent borders/badges) >= 3:1 (SC 1.4.11). The pairs live in tokens/limburg.tokens.json under
 * "contrast"; every accent adds "text on accent" and "accent vs white" pairs. Exits 1 when any pair fails.
 */
import { contrastRatio, toHex } from "./lib/contrast.mjs";
import { loadTheme, resolve, TokenError } from "./lib/tokens.mjs";

const MIN = { text: 4.5, "non-text": 3 };

export function collectPairs(theme) {
  const pairs = [];
  for (const kind of ["text", "non-text"]) {
    for (const p of theme.source.contrast[kind]) pairs.push({ kind, ...p });
  }
  for (const [name, a] of theme.accents) {
    pairs.push({ kind: "text", label: `Accent "${name}": --lp-accent-text on --lp-accent`, fg: a.text, bg: a.accent });
    pairs.push({ kind: "non-text", label: `Accent "${name}": --lp-accent vs white`, fg: a.accent, bg: "#ffffff" });
    pairs.push({ kind: "non-text", label: `Accent "${name}": --lp-accent vs page background`, fg: a.accent, bg: "lp-color-background" });
  }
  return pairs;
}

export function checkContrast(theme, { log = console.log } = {}) {
  const failures = [];
  const rows = [];
  for (const pair of collectPairs(theme)) {
    const min = MIN[pair.kind];
    let fgValue, bgValue, ratio, error;
    try {
      fgValue = resolve(theme, pair.fg);
      bgValue = resolve(theme, pair.bg);
      ratio = contrastRatio(fgValue, bgValue);
    } catch (e) {
      error = e.message;
    }
    const ok = !error && ratio + 1e-9 >= min;
    rows.push({ ...pair, min, fgValue, bgValue, ratio, ok, error });
    if (!ok) failures.push(rows.at(-1));
  }
  const w = Math.max(...rows.map((r) => r.label.length));
  log(`Limburg theme contrast check (WCAG 2.1: text >= ${MIN.text}:1, non-text >= ${MIN["non-text"]}:1)`);
  for (const r of rows) {
    const status = r.ok ? "ok  " : "FAIL";
    const detail = r.error
      ? `error: ${r.error}`
      : `${r.ratio.toFixed(2).padStart(5)}:1 (min ${r.min})  ${toHex(r.fgValue)} on ${toHex(r.bgValue)}`;
    log(`  ${status} ${r.kind.padEnd(8)} ${r.label.padEnd(w)}  ${detail}`);
  }
  return failures;
}

/** A token name as CSS (--name); raw values such as var(--x) or #fff as they are. */
const show = (x) => (/^[a-z][a-z0-9-]*$/.test(x) ? `--${x}` : x);

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  try {
    const theme = loadTheme();
    const failures = checkContrast(theme);
    if (failures.length) {
      console.error(`\nContrast check FAILED: ${failures.length} pair(s) below the WCAG minimum:`);
      for (const f of failures) {
        const ratio = f.error ?? `${f.ratio.toFixed(2)}:1 < ${f.min}:1`;
        console.error(`  - ${f.label} (${show(f.fg)} on ${show(f.bg)}): ${ratio}`);
      }
      console.error("Fix the colours in site/static_src/tokens/limburg.tokens.json.");
      process.exit(1);
    }
    console.log(`\nAll ${collectPairs(theme).length} colour pairs pass.`);
  } catch (e) {
    if (e instanceof TokenError) {
      console.error(`Token error: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}
