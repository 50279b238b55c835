// Paths and file lists shared by the build scripts.
import path from "node:path";
import { PROJECT_ROOT, STATIC_SRC } from "./tokens.mjs";

export { PROJECT_ROOT, STATIC_SRC };
export const NODE_MODULES = path.join(PROJECT_ROOT, "node_modules");
export const SCSS_DIR = path.join(STATIC_SRC, "scss");
export const SCSS_ENTRY = path.join(SCSS_DIR, "main.scss");
export const NLDS_PARTIAL = path.join(SCSS_DIR, "_nlds.scss");

// Generated output (gitignored). Django serves it as {% static 'limburg/css/main.css' %}.
export const OUT_DIR = path.join(PROJECT_ROOT, "site", "static", "limburg");
export const OUT_CSS_DIR = path.join(OUT_DIR, "css");
export const OUT_CSS = path.join(OUT_CSS_DIR, "main.css");
export const OUT_FONTS_DIR = path.join(OUT_DIR, "fonts");

// Self-hosted font files (must match scss/base/_fonts.scss).
export const FONT_PACKAGE = "@fontsource-variable/source-sans-3";
export const FONT_FILES = [
  "source-sans-3-latin-wght-normal.woff2",
  "source-sans-3-latin-wght-italic.woff2",
  "source-sans-3-latin-ext-wght-normal.woff2",
  "source-sans-3-latin-ext-wght-italic.woff2",
];
export const FONT_LICENSE = { from: "LICENSE", to: "source-sans-3-OFL.txt" };
