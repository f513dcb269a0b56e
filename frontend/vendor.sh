#!/usr/bin/env bash
# Refreshes the vendored front-end files from the locked npm packages.
# The app itself never needs Node: the copies below are committed.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
static=../src/steunwijzer/core/static/vendor
mkdir -p "$static/utrecht" "$static/leaflet" ../tests/browser/vendor
cp node_modules/@utrecht/component-library-css/dist/index.css "$static/utrecht/component-library.css"
cp node_modules/@utrecht/design-tokens/dist/theme.css "$static/utrecht/design-tokens.css"
cp node_modules/htmx.org/dist/htmx.min.js "$static/htmx.min.js"
# Leaflet without its source-map comment (the map is not shipped; collectstatic's manifest
# would look for it), with the images its CSS names.
sed '/^\/\/# sourceMappingURL=/d' node_modules/leaflet/dist/leaflet.js > "$static/leaflet/leaflet.js"
cp -r node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images "$static/leaflet/"
cp node_modules/axe-core/axe.min.js ../tests/browser/vendor/axe.min.js
for f in @utrecht/component-library-css @utrecht/design-tokens htmx.org leaflet axe-core; do
  printf '%s %s\n' "$f" "$(node -p "require('./node_modules/$f/package.json').version")"
done > "$static/VERSIONS.txt"
echo "vendored into $static"
