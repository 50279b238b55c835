#!/usr/bin/env node
// Copy the self-hosted font files (and their licence) next to the CSS: site/static/limburg/fonts/.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { FONT_FILES, FONT_LICENSE, FONT_PACKAGE, NODE_MODULES, OUT_FONTS_DIR, PROJECT_ROOT } from "./lib/paths.mjs";

const pkgDir = path.join(NODE_MODULES, FONT_PACKAGE);
mkdirSync(OUT_FONTS_DIR, { recursive: true });
const copies = [
  ...FONT_FILES.map((f) => [path.join(pkgDir, "files", f), path.join(OUT_FONTS_DIR, f)]),
  [path.join(pkgDir, FONT_LICENSE.from), path.join(OUT_FONTS_DIR, FONT_LICENSE.to)],
];
for (const [from, to] of copies) {
  if (!existsSync(from)) {
    console.error(`copy-fonts: ${path.relative(PROJECT_ROOT, from)} does not exist (run npm ci; check ${FONT_PACKAGE})`);
    process.exit(1);
  }
  copyFileSync(from, to);
  console.log(`copied ${path.relative(PROJECT_ROOT, to)}`);
}
