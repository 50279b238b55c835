/**
 * Limburg theme tokens: load, fork, resolve and serialise.
 *
 * The theme is a build-time fork of the EUPL-1.2 licensed
 * `@nl-design-system-unstable/voorbeeld-design-tokens` (pinned exactly in package.json):
 *
 *   1. read the package's compiled `dist/theme.css` (one `.voorbeeld-theme { --token: value; ... }` block);
 *   2. rename the `--voorbeeld-*` prefix to `--limburg-*` (names and `var()` references);
 *   3. apply `site/static_src/tokens/limburg.tokens.json`: the Limburg palette, overrides of existing
 *      tokens (must exist, to catch typos and upstream renames) and additions (must not exist yet);
 *   4. keep only what the shipped CSS needs: every `--utrecht-*` and `--lp-*` token plus everything
 *      they reference, transitively (the Amsterdam, Den Haag, Lux, RHC ... tokens are dropped);
 *   5. serialise under `.limburg-theme`.
 *
 * No `@utrecht/design-tokens` (proprietary Utrecht branding) is read or shipped.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const STATIC_SRC = path.resolve(here, "..", "..");
export const PROJECT_ROOT = path.resolve(STATIC_SRC, "..", "..");
export const TOKENS_FILE = path.join(STATIC_SRC, "tokens", "limburg.tokens.json");

const require = createRequire(path.join(PROJECT_ROOT, "package.json"));

export class TokenError extends Error {}

const VAR_RE = /var\(\s*--([A-Za-z0-9_-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g;

/** Parse the custom properties of one rule block (`selector { ... }`) of a CSS file. */
export function parseCustomProperties(css, selector) {
  const noComments = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const start = noComments.indexOf(`${selector} {`);
  if (start === -1) throw new TokenError(`selector ${selector} not found in base theme`);
  const open = noComments.indexOf("{", start);
  const close = noComments.indexOf("}", open);
  const body = noComments.slice(open + 1, close);
  const tokens = new Map();
  for (const m of body.matchAll(/--([A-Za-z0-9_-]+)\s*:\s*([^;]*);/g)) {
    tokens.set(m[1], m[2].trim());
  }
  if (tokens.size === 0) throw new TokenError(`no custom properties found under ${selector}`);
  return tokens;
}

/** Every custom property a CSS value (or a whole stylesheet) reads, including those in var() fallbacks. */
export function references(value) {
  return [...value.matchAll(/var\(\s*--([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
}

function renamePrefix(value, from, to) {
  return value.replace(new RegExp(`--${from}-`, "g"), `--${to}-`);
}

/** Load the token source and build the complete Limburg theme. */
export function loadTheme() {
  const source = JSON.parse(readFileSync(TOKENS_FILE, "utf8"));
  const { base } = source;
  const basePath = require.resolve(`${base.package}/${base.file}`);
  const basePkg = JSON.parse(readFileSync(require.resolve(`${base.package}/package.json`), "utf8"));
  if (basePkg.version !== base.version) {
    throw new TokenError(
      `${base.package} is ${basePkg.version}, the token source was written for ${base.version}; ` +
        `review the upstream changes and update "base.version" in ${path.relative(PROJECT_ROOT, TOKENS_FILE)}`,
    );
  }
  const upstream = parseCustomProperties(readFileSync(basePath, "utf8"), base.selector);

  // 2. rename the theme prefix
  const tokens = new Map();
  for (const [name, value] of upstream) {
    const renamed = name.startsWith(`${base.prefix}-`) ? `${source.prefix}${name.slice(base.prefix.length)}` : name;
    tokens.set(renamed, renamePrefix(value, base.prefix, source.prefix));
  }

  // 3a. palette: must cover every palette colour the base references, and nothing else is allowed to be new
  const paletteUsed = [...tokens.keys()].filter((n) => n.startsWith(`${source.prefix}-kleuren-`));
  const palette = flattenPalette(source.palette, `${source.prefix}-kleuren`);
  const missing = paletteUsed.filter((n) => !palette.has(n));
  if (missing.length) throw new TokenError(`palette lacks colours the base theme uses: ${missing.join(", ")}`);
  for (const [name, value] of palette) tokens.set(name, value);

  // 3b. overrides of existing tokens
  for (const [name, value] of Object.entries(source.overrides)) {
    if (name.startsWith("$")) continue;
    if (!tokens.has(name)) throw new TokenError(`override of unknown token --${name} (typo or upstream rename?)`);
    tokens.set(name, value);
  }
  // 3c. additions (tokens the base does not define: missing component tokens and our own --lp-*)
  for (const [name, value] of Object.entries(source.additions)) {
    if (name.startsWith("$")) continue;
    if (tokens.has(name)) throw new TokenError(`addition --${name} already exists in the base theme; move it to "overrides"`);
    tokens.set(name, value);
  }

  // 3d. the accent palette for policy themes
  const accents = new Map();
  for (const [name, def] of Object.entries(source.accents)) {
    if (name.startsWith("$")) continue;
    if (!/^[a-z]+$/.test(name)) throw new TokenError(`accent name "${name}" must be lowercase letters`);
    accents.set(name, { accent: def.accent, text: def.text, label: def.label });
  }
  if (!accents.has(source.defaultAccent)) throw new TokenError(`defaultAccent "${source.defaultAccent}" is not an accent`);

  // 4. keep only what is needed
  const roots = [...tokens.keys()].filter((n) => n.startsWith("utrecht-") || n.startsWith("lp-"));
  const accentValues = [...accents.values()].flatMap((a) => [a.accent, a.text]);
  const keep = new Set();
  const stack = [...roots, ...accentValues.flatMap(references)];
  while (stack.length) {
    const name = stack.pop();
    if (keep.has(name)) continue;
    keep.add(name);
    if (tokens.has(name)) stack.push(...references(tokens.get(name)));
  }
  const kept = new Map([...tokens].filter(([n]) => keep.has(n)));

  const theme = { source, tokens: kept, accents, selector: source.selector };
  // every reference must resolve (a var() without fallback pointing nowhere is a broken token)
  const dangling = [];
  for (const [name, value] of kept) {
    for (const m of value.matchAll(VAR_RE)) {
      if (!kept.has(m[1]) && m[2] === undefined) dangling.push(`--${name} -> --${m[1]}`);
    }
  }
  if (dangling.length) throw new TokenError(`unresolvable token references:\n  ${dangling.join("\n  ")}`);
  return theme;
}

function flattenPalette(palette, prefix) {
  const out = new Map();
  for (const [hue, scale] of Object.entries(palette)) {
    if (hue.startsWith("$")) continue;
    if (typeof scale === "string") out.set(`${prefix}-${hue}`, scale);
    else for (const [step, value] of Object.entries(scale)) out.set(`${prefix}-${hue}-${step}`, value);
  }
  return out;
}

/**
 * Return a copy of the theme that keeps only the tokens in `names` and what they reference (transitively).
 * Used by the CSS build to ship only the tokens the compiled stylesheet actually reads.
 */
export function pruneTheme(theme, names) {
  const keep = new Set();
  const accentRefs = [...theme.accents.values()].flatMap((a) => [...references(a.accent), ...references(a.text)]);
  const stack = [...names, ...accentRefs];
  while (stack.length) {
    const name = stack.pop();
    if (keep.has(name) || !theme.tokens.has(name)) continue;
    keep.add(name);
    stack.push(...references(theme.tokens.get(name)));
  }
  return { ...theme, tokens: new Map([...theme.tokens].filter(([n]) => keep.has(n))) };
}

/** Resolve a token (name without `--`) or a raw value to its final literal value. */
export function resolve(theme, nameOrValue, extra = new Map(), seen = new Set()) {
  let value = nameOrValue.startsWith("--") || nameOrValue.includes("(") || nameOrValue.startsWith("#")
    ? nameOrValue
    : lookup(theme, nameOrValue, extra);
  if (value.startsWith("--")) value = `var(${value})`;
  return value.replace(VAR_RE, (_, ref, fallback) => {
    if (seen.has(ref)) throw new TokenError(`circular token reference at --${ref}`);
    const has = extra.has(ref) || theme.tokens.has(ref);
    if (!has) {
      if (fallback === undefined) throw new TokenError(`token --${ref} is not defined`);
      return resolve(theme, fallback.trim(), extra, seen);
    }
    return resolve(theme, lookup(theme, ref, extra), extra, new Set([...seen, ref]));
  });
}

function lookup(theme, name, extra) {
  if (extra.has(name)) return extra.get(name);
  if (theme.tokens.has(name)) return theme.tokens.get(name);
  throw new TokenError(`token --${name} is not defined`);
}

/** Serialise the theme as plain CSS (readable; sass compresses it later). */
export function themeToCss(theme) {
  const { selector, tokens, accents, source } = theme;
  const lines = [
    "/*!",
    " * Limburg theme for NL Design System components.",
    ` * Derived from ${source.base.package}@${source.base.version} (EUPL-1.2, NL Design System community).`,
    " * Generated by site/static_src/scripts/build-css.mjs from site/static_src/tokens/limburg.tokens.json.",
    " */",
    `${selector} {`,
  ];
  const def = accents.get(source.defaultAccent);
  for (const [name, value] of [...tokens].sort(([a], [b]) => a.localeCompare(b))) lines.push(`  --${name}: ${value};`);
  lines.push(`  --lp-accent: ${def.accent};`, `  --lp-accent-text: ${def.text};`, "}");
  for (const [name, a] of accents) {
    lines.push(`${selector} .lp-accent--${name} {`);
    lines.push(`  --lp-accent: ${a.accent};`, `  --lp-accent-text: ${a.text};`, "}");
  }
  return `${lines.join("\n")}\n`;
}
