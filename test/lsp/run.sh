#!/usr/bin/env bash
# The language server in a real editor: Debian's Neovim, headless, with its built-in LSP client starting
# `hardock lsp` (check.lua). It opens a Dockerfile and a compose file from testdata, waits for diagnostics,
# compares them with the CLI's JSON for the same files, applies the "Suppress ... here" code action and checks
# the buffer and the diagnostics after it. Installs neovim when missing (apt-get; exit 77 = skipped when it
# cannot be installed). Uses target/hardock.jar (built when missing). KEEP_TMP=1 keeps the logs.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/../.."
repo=$PWD

if ! command -v nvim >/dev/null 2>&1; then
  if [[ $(id -u) == 0 ]]; then apt=(apt-get); elif command -v sudo >/dev/null 2>&1; then apt=(sudo -n apt-get); else apt=(); fi
  if ((${#apt[@]})); then
    echo "lsp test: installing neovim from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq neovim >/dev/null 2>&1 || true
  fi
fi
if ! command -v nvim >/dev/null 2>&1; then
  echo "lsp test: skipped: neovim is not installed and cannot be installed here" >&2
  exit 77
fi
[[ -f target/hardock.jar ]] || ./mvnw -B -q -DskipTests package

tmp=$(mktemp -d)
cleanup() { if [[ ${KEEP_TMP:-} == 1 ]]; then echo "lsp test: logs in $tmp" >&2; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

files=(testdata/rules/HD201/bad.Dockerfile testdata/rules/HD119/bad.compose.yaml)
cases=""
for f in "${files[@]}"; do
  json="$tmp/$(basename "$f").json"
  rc=0
  java -jar target/hardock.jar -f json --no-color "$f" >"$json" || rc=$?
  ((rc <= 1)) || { echo "lsp test: the CLI failed on $f (exit $rc)" >&2; exit 1; }
  cases+="$repo/$f=$json;"
done

echo "lsp test: $(nvim --version | head -1), $(java -version 2>&1 | head -1)" >&2
rc=0
HARDOCK_LSP_CMD="java -jar $repo/target/hardock.jar lsp" HARDOCK_REPO="$repo" HARDOCK_CASES="$cases" \
  HARDOCK_LSP_OUT="$tmp/verdict" timeout 300 nvim --headless --clean -u test/lsp/check.lua </dev/null >"$tmp/nvim.log" 2>&1 || rc=$?
cat "$tmp/verdict" 2>/dev/null || true
if ((rc != 0)) || ! grep -qx PASS "$tmp/verdict" 2>/dev/null; then
  echo "lsp test: FAILED (nvim exit $rc)" >&2
  sed -n 1,40p "$tmp/nvim.log" >&2
  exit 1
fi
echo "lsp test: passed" >&2
