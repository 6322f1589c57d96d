#!/usr/bin/env bash
# Lint the API's OpenAPI document with Spectral and the NL API Design Rules ruleset
# (docs/api.md, "Linting"). Installs the npm packages into frontend/node_modules (git-ignored,
# nothing is saved to package.json), writes the document as this installation serves it to
# var/openapi.json (with an https address, as in production) and lints it.
#
# The ruleset is the Dutch government's package @developer-overheid-nl/adr-rulesets from
# npm. When npm cannot give it (it was not in the registry this machine reaches on
# 2026-12-03), the script says so and lints with tools/adr-standin.yaml, our own rules for the
# ADR points an OpenAPI document can show, on top of Spectral's OpenAPI rules.
#
# Usage: bash tools/api_lint.sh        exit 0 when no error-level finding, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
SPECTRAL_VERSION=6.16.3
RULESET_PACKAGE=@developer-overheid-nl/adr-rulesets
PY=${PYTHON:-.venv/bin/python}

mkdir -p var
REGIEKOMPAS_DEV=true REGIEKOMPAS_DATA_DIR="$PWD/var" \
REGIEKOMPAS_BASE_URL="${REGIEKOMPAS_BASE_URL:-https://regiekompas.example.nl}" \
DEFAULT_FROM_EMAIL="${DEFAULT_FROM_EMAIL:-Regiekompas <regiekompas@example.nl>}" \
DJANGO_SETTINGS_MODULE=regiekompas.web.settings "$PY" - <<'PYEOF'
import json

import django

django.setup()
from regiekompas.web.api.openapi import openapi_document

with open("var/openapi.json", "w", encoding="utf-8") as out:
    json.dump(openapi_document(), out, ensure_ascii=False, indent=2)
PYEOF

npm_install() {
  npm install --prefix frontend --no-save --no-audit --no-fund --loglevel=error "$@"
}
npm_install "@stoplight/spectral-cli@${SPECTRAL_VERSION}" >/dev/null
SPECTRAL=frontend/node_modules/.bin/spectral

if npm_install "${RULESET_PACKAGE}" >/dev/null 2>var/adr-ruleset-install.log; then
  # The package exports Spectral rulesets as ES modules; the newest final ADR version is used.
  cat > var/adr-ruleset.mjs <<'JSEOF'
import { adr21 } from '@developer-overheid-nl/adr-rulesets';
export default { extends: [[adr21, 'all']] };
JSEOF
  cp var/adr-ruleset.mjs frontend/adr-ruleset.mjs  # resolved from frontend/node_modules
  RULESET=frontend/adr-ruleset.mjs
  echo "Ruleset: ${RULESET_PACKAGE} (npm)"
else
  echo "Ruleset: ${RULESET_PACKAGE} is not installable from npm here:" >&2
  grep -m1 -E "404|ERR" var/adr-ruleset-install.log >&2 || true
  echo "Linting with the stand-in tools/adr-standin.yaml instead (docs/api.md)." >&2
  RULESET=tools/adr-standin.yaml
fi

"$SPECTRAL" --version
"$SPECTRAL" lint --ruleset "$RULESET" --fail-severity error var/openapi.json
