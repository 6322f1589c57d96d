#!/usr/bin/env bash
# Copies the npm packages' built files into the Python package (and axe-core into the browser
# tests), so that installing and running Regiekompas never needs Node.js. Run by `make assets`
# after changing frontend/package.json; commit the result.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
dest=../src/regiekompas/web/static/vendor
cp node_modules/@utrecht/component-library-css/dist/index.css "$dest/utrecht-components.css"
cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css "$dest/voorbeeld-theme.css"
cp node_modules/htmx.org/dist/htmx.min.js "$dest/htmx.min.js"
cp node_modules/axe-core/axe.min.js ../tests/browser/vendor/axe.min.js
node -e '
const lock = require("./package-lock.json").packages;
const names = ["@utrecht/component-library-css", "@nl-design-system-unstable/voorbeeld-design-tokens", "htmx.org", "axe-core"];
for (const n of names) console.log(n + "@" + lock["node_modules/" + n].version + " (" + lock["node_modules/" + n].license + ")");
' > "$dest/VERSIONS.txt"
cat "$dest/VERSIONS.txt"
