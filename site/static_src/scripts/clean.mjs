#!/usr/bin/env node
// Remove the generated CSS and fonts (only the folders this build writes).
import { rmSync } from "node:fs";
import path from "node:path";
import { OUT_CSS_DIR, OUT_FONTS_DIR, PROJECT_ROOT } from "./lib/paths.mjs";

for (const dir of [OUT_CSS_DIR, OUT_FONTS_DIR]) {
  rmSync(dir, { recursive: true, force: true });
  console.log(`removed ${path.relative(PROJECT_ROOT, dir)}/`);
}
