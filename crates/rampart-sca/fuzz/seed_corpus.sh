#!/usr/bin/env bash
# Seeds corpus/inventory_parsers (first byte = format index of the target's FORMATS table) and
# corpus/sbom_read from the committed inventory fixtures and a rampart-written SBOM.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
F="$HERE/../tests/fixtures/inventory"
mkdir -p "$HERE/corpus/inventory_parsers" "$HERE/corpus/sbom_read"
i=0
for pair in 0:cargo/Cargo.lock 1:npm-v3/package-lock.json 1:npm-v1/package-lock.json \
  2:yarn-classic/yarn.lock 2:yarn-berry/yarn.lock 3:pnpm/pnpm-lock.yaml 4:bun/bun.lock \
  5:requirements/requirements.txt 5:requirements/requirements-lock.txt 6:pipenv/Pipfile.lock \
  7:poetry/poetry.lock 8:uv/uv.lock 9:pdm/pdm.lock 10:pylock/pylock.toml 11:gomod/go.mod \
  12:gemfile/Gemfile.lock 13:composer/composer.lock 14:maven/app/pom.xml 15:gradle/gradle.lockfile \
  16:nuget/packages.lock.json 17:conda/environment.yml \
  18:site-packages/six-1.16.0.dist-info/METADATA 19:node_modules/chalk/package.json; do
  n=${pair%%:*}; f=${pair#*:}
  { printf "\\x$(printf %02x "$n")"; cat "$F/$f"; } > "$HERE/corpus/inventory_parsers/seed$i"
  i=$((i+1))
done
if command -v cargo >/dev/null; then
  (cd "$HERE/../../.." && cargo run -q -p rampart -- sbom "$F/uv" > "$HERE/corpus/sbom_read/uv.cdx.json" \
    && cargo run -q -p rampart -- sbom --format spdx "$F/npm-v3" > "$HERE/corpus/sbom_read/npm.spdx.json") || true
fi
echo "seeded $i inventory inputs"
