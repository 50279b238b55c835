#!/usr/bin/env node
/**
 * Compile site/static_src/scss/main.scss into one compressed stylesheet:
 * site/static/limburg/css/main.css = Limburg theme tokens + NL DS component CSS + own lp-* components.
 *
 * The theme tokens are generated in memory (lib/tokens.mjs) and served to Sass through a custom importer
 * for the URL "limburg:theme", so no generated file lands in the source tree.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as sass from "sass";
import { checkContrast } from "./check-contrast.mjs";
import {
  FONT_FILES,
  NLDS_PARTIAL,
  NODE_MODULES,
  OUT_CSS,
  OUT_CSS_DIR,
  PROJECT_ROOT,
  SCSS_ENTRY,
} from "./lib/paths.mjs";
import { loadTheme, pruneTheme, references, themeToCss, TokenError } from "./lib/tokens.mjs";

function fail(message) {
  console.error(`build-css: ${message}`);
  process.exit(1);
}

// 1. Theme tokens (the contrast check runs again here, quietly, so build:css alone cannot skip it).
let theme;
try {
  theme = loadTheme();
} catch (e) {
  if (e instanceof TokenError) fail(`token error: ${e.message}`);
  throw e;
}
const failures = checkContrast(theme, { log: () => {} });
if (failures.length) fail(`${failures.length} colour pair(s) fail the contrast check; run npm run check:contrast`);

// 2. Every NL DS package @use'd must exist as compiled CSS, and every @utrecht/*-css dependency must be used.
const nlds = readFileSync(NLDS_PARTIAL, "utf8").replace(/\/\/.*$/gm, "");
const used = [...nlds.matchAll(/@use\s+"([^"]+)"/g)].map((m) => m[1]);
for (const u of used) {
  if (!existsSync(path.join(NODE_MODULES, `${u}.css`))) fail(`@use "${u}": node_modules/${u}.css does not exist`);
  if (/^@utrecht\/(design-tokens|component-library-css|components)\//.test(u)) fail(`@use "${u}" is not allowed`);
}
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"));
const usedPackages = new Set(used.map((u) => u.split("/").slice(0, 2).join("/")));
const unused = Object.keys(pkg.devDependencies).filter((d) => /^@utrecht\/.*-css$/.test(d) && !usedPackages.has(d));
if (unused.length) fail(`devDependencies not used in scss/_nlds.scss: ${unused.join(", ")}`);
for (const p of usedPackages) if (!(p in pkg.devDependencies)) fail(`${p} is used but not pinned in package.json`);

// 3. Compile twice: first without tokens to learn which custom properties the stylesheet reads, then with
//    the theme pruned to exactly those tokens (and what they reference).
function compile(themeCss) {
  const themeImporter = {
    canonicalize: (url) => (url === "limburg:theme" ? new URL("limburg:theme") : null),
    load: () => ({ contents: themeCss, syntax: "css" }),
  };
  try {
    return sass.compile(SCSS_ENTRY, {
      style: "compressed",
      sourceMap: false,
      loadPaths: [NODE_MODULES],
      importers: [themeImporter],
    }).css;
  } catch (e) {
    return fail(e.message);
  }
}
const bare = compile("/* theme tokens */");
const read = new Set(references(bare).filter((n) => !n.startsWith("_")));
const shipped = pruneTheme(theme, read);
const css = compile(themeToCss(shipped));

// 4. Sanity checks on the output.
const problems = [];
if (!css.includes(".limburg-theme{")) problems.push("does not define .limburg-theme");
if (css.includes(".utrecht-theme")) problems.push("references .utrecht-theme (Utrecht's proprietary theme)");
if (css.includes("@utrecht/design-tokens")) problems.push("references @utrecht/design-tokens");
if (/@import\b/.test(css)) problems.push("contains @import (everything must be inlined)");
for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
  const url = m[1];
  if (url.startsWith("data:")) continue;
  if (/^[a-z]+:|^\/\//i.test(url)) problems.push(`references an external URL: ${url}`);
  else if (url.startsWith("../fonts/") && !FONT_FILES.includes(url.slice("../fonts/".length))) {
    problems.push(`references a font that copy-fonts.mjs does not copy: ${url}`);
  }
}
// Own tokens read by the SCSS but defined nowhere are typos.
const defined = new Set([...css.matchAll(/--([A-Za-z0-9_-]+)\s*:/g)].map((m) => m[1]));
const undefinedOwn = [...new Set(references(css))].filter((n) => /^(lp|basis|limburg)-/.test(n) && !defined.has(n));
if (undefinedOwn.length) problems.push(`reads undefined tokens: ${undefinedOwn.map((n) => `--${n}`).join(", ")}`);
if (problems.length) fail(`output ${problems.join("; ")}`);

mkdirSync(OUT_CSS_DIR, { recursive: true });
writeFileSync(OUT_CSS, css.endsWith("\n") ? css : `${css}\n`);
console.log(
  `wrote ${path.relative(PROJECT_ROOT, OUT_CSS)} (${(Buffer.byteLength(css) / 1024).toFixed(1)} KiB; ` +
    `${shipped.tokens.size} theme tokens, ${theme.accents.size} accents, ${used.length} NL DS packages)`,
);
