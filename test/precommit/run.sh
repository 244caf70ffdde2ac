#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml with the real pre-commit framework.
#
# Creates a throw-away git repository whose .pre-commit-config.yaml uses THIS repository at its current
# HEAD commit (pre-commit clones it, so uncommitted changes are not part of the test), commits bad files
# and expects the commit to be refused with our findings, fixes them and expects the commit to pass.
#
# pre-commit's clone has no target/: the first hook run builds the jar with ./mvnw, as a user's first run
# does. The first commit stages more files than one process gets, so pre-commit starts several hardock
# processes at once on that cold clone: the test checks that exactly one of them built the jar.
#
# pre-commit comes from (first that works): $PRE_COMMIT, `pre-commit` on PATH, pip in a venv under the
# temp dir, and (only with HARDOCK_CI=1, as root) Debian's package. When none works the test is skipped:
# exit code 77 and a message saying why. Any other non-zero exit is a failure.
set -euo pipefail

PRE_COMMIT_VERSION=4.7.0
SKIP=77

root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
start=$SECONDS
say() { printf 'precommit-test: %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }
skip() { say "SKIPPED: $*"; exit "$SKIP"; }

command -v git >/dev/null || skip "git is not installed"
rev=$(git -C "$root" rev-parse --verify HEAD 2>/dev/null) || skip "$root is not a git checkout with a commit"
if [[ -n $(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
  say "note: $root has uncommitted changes; pre-commit tests the committed HEAD ${rev:0:12}"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hardock-precommit.XXXXXX")
[[ ${KEEP_TMP:-0} == 1 ]] || trap 'rm -rf -- "$tmp"' EXIT
export PRE_COMMIT_HOME=$tmp/cache
# A git of our own: no global hooksPath, signing or templates of the machine's user interfere.
cat > "$tmp/gitconfig" <<'EOF'
[user]
	name = hardock test
	email = test@hardock.invalid
[init]
	defaultBranch = main
[commit]
	gpgsign = false
[safe]
	directory = *
EOF
export GIT_CONFIG_GLOBAL=$tmp/gitconfig GIT_CONFIG_NOSYSTEM=1
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

# ---- pre-commit itself ----------------------------------------------------------
find_pre_commit() {
  if [[ -n ${PRE_COMMIT:-} ]]; then pc=$PRE_COMMIT; return 0; fi
  if command -v pre-commit >/dev/null 2>&1; then pc=$(command -v pre-commit); return 0; fi
  if command -v python3 >/dev/null 2>&1 && python3 -m venv "$tmp/venv" >/dev/null 2>&1; then
    say "installing pre-commit==$PRE_COMMIT_VERSION with pip into a venv"
    if timeout 180 "$tmp/venv/bin/python" -m pip install -q --disable-pip-version-check \
         "pre-commit==$PRE_COMMIT_VERSION" >"$tmp/pip.log" 2>&1; then
      pc=$tmp/venv/bin/pre-commit; return 0
    fi
    say "pip could not install pre-commit: $(tail -n 1 "$tmp/pip.log")"
  fi
  if [[ ${HARDOCK_CI:-0} == 1 && $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's pre-commit package"
    if { timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 300 \
           apt-get install -y -qq --no-install-recommends pre-commit; } >"$tmp/apt.log" 2>&1; then
      pc=$(command -v pre-commit) && return 0
    fi
    say "apt-get could not install pre-commit: $(tail -n 1 "$tmp/apt.log")"
  fi
  return 1
}
pc=
find_pre_commit || skip "no pre-commit: not on PATH, pip could not reach PyPI, no Debian package"
say "using $("$pc" --version) ($pc); hardock at ${rev:0:12}"

# ---- the project that uses the hooks ----------------------------------------------
proj=$tmp/project
mkdir -p "$proj"
cd "$proj"
git init -q .
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: hardock
      - id: hardock-compose
      - id: hardock-run-lines
      - id: hardock-devcontainer
      - id: hardock-quadlet
      - id: hardock-systemd
      - id: hardock-ansible
EOF
"$pc" install >/dev/null

mkdir -p docker deploy scripts .devcontainer systemd ansible
# bad: no tag (HD201), no USER (HD301); the second one has a name identify does not know as a Dockerfile
printf 'FROM node\nCMD ["node", "server.js"]\n' > Dockerfile
printf 'FROM node\nCMD ["node", "server.js"]\n' > docker/Dockerfile-dev
# bad: privileged (HD101) in a compose file in a sub-folder and in a script run line
printf 'services:\n  web:\n    image: nginx:1.27-alpine\n    privileged: true\n    mem_limit: 256m\n    cpus: 0.5\n' \
  > deploy/compose.prod.yaml
printf '#!/bin/sh\ndocker run --rm --privileged --memory 256m --cpus 0.5 nginx:1.27-alpine\n' > scripts/start.sh
# bad: privileged (HD101) in the newer sources: a dev container, a Quadlet unit, a systemd service, a playbook
printf '{\n  "image": "mcr.microsoft.com/devcontainers/base:1.0",\n  "runArgs": ["--privileged"]\n}\n' \
  > .devcontainer/devcontainer.json
printf '[Container]\nImage=docker.io/library/nginx:1.27-alpine\nPodmanArgs=--privileged\n' > deploy/web.container
printf '[Service]\nExecStart=/usr/bin/docker run --rm --privileged --memory 256m --cpus 0.5 nginx:1.27-alpine\n' \
  > systemd/web.service
playbook() { # $1: the line that makes the task bad or good
  printf -- '- hosts: all\n  tasks:\n    - name: web\n      community.docker.docker_container:\n'
  printf '        name: web\n        image: nginx:1.27-alpine\n%s\n' "$1"
}
playbook '        privileged: true' > ansible/site.yml
# clean YAML the Ansible hook also gets: read as Ansible, it starts no container
printf 'settings:\n  colour: blue\n' > ansible/vars.yml
# clean files: enough of them that pre-commit splits the Dockerfiles over several processes
for i in $(seq 1 10); do
  mkdir -p "svc$i"
  printf 'FROM node:22-alpine\nUSER node\nCMD ["node", "server.js"]\n' > "svc$i/Dockerfile"
done
git add -A

say "commit 1: bad files, cold hook clone (builds the jar)"
t0=$SECONDS
set +e
git commit -q -m "bad" >"$tmp/commit1.log" 2>&1
rc=$?
set -e
say "commit 1 took $((SECONDS - t0)) s"
out=$(cat "$tmp/commit1.log")
show() { say "output of commit $1:"; sed 's/^/    /' "$tmp/commit$1.log" >&2; }
((rc != 0)) || { show 1; fail "the commit with bad files was accepted"; }
git rev-parse -q --verify HEAD >/dev/null && { show 1; fail "a commit was created"; }
for want in "Dockerfile:1:6" "HD201 latest-tag" "HD301 user-missing" "docker/Dockerfile-dev:1:6" \
            "deploy/compose.prod.yaml:4:5" "scripts/start.sh:2:17" "HD101 privileged" \
            ".devcontainer/devcontainer.json:3:16" "deploy/web.container:3:12" "systemd/web.service:2:36" \
            "ansible/site.yml:7:9" \
            "hardock (Dockerfiles)" "hardock (compose files)" "hardock (docker run lines)" \
            "hardock (dev containers)" "hardock (Podman Quadlet units)" "hardock (systemd services)" \
            "hardock (Ansible playbooks)"; do
  [[ $out == *"$want"* ]] || { show 1; fail "commit 1 output lacks '$want'"; }
done
[[ $out != *"build failed"* ]] || { show 1; fail "the jar build failed"; }
builds=$(grep -c 'hardock: building target/hardock.jar' "$tmp/commit1.log" || true)
((builds == 1)) || { show 1; fail "expected exactly one jar build in commit 1, saw $builds"; }
procs=$(sed -n '/^hardock (Dockerfiles)/,/^hardock (compose files)/p' "$tmp/commit1.log" | grep -c -E ' files? scanned \(' || true)
say "commit 1 refused as expected: one jar build shared by $procs concurrent hardock processes for the Dockerfiles"

say "commit 2: fixed files"
printf 'FROM node:22-alpine\nUSER node\nCMD ["node", "server.js"]\n' | tee Dockerfile > docker/Dockerfile-dev
sed -i '/privileged/d' deploy/compose.prod.yaml
printf '#!/bin/sh\ndocker run --rm --memory 256m --cpus 0.5 nginx:1.27-alpine\n' > scripts/start.sh
printf '{\n  "image": "mcr.microsoft.com/devcontainers/base:1.0",\n  "runArgs": ["--memory=2g", "--cpus=2"]\n}\n' \
  > .devcontainer/devcontainer.json
printf '[Container]\nImage=docker.io/library/nginx:1.27-alpine\nMemory=256m\n[Service]\nCPUQuota=50%%\n' \
  > deploy/web.container
printf '[Service]\nExecStart=/usr/bin/docker run --rm --memory 256m --cpus 0.5 nginx:1.27-alpine\n' \
  > systemd/web.service
playbook $'        memory: 256m\n        cpus: 0.5' > ansible/site.yml
git add -A
t0=$SECONDS
set +e
git commit -q -m "fixed" >"$tmp/commit2.log" 2>&1
rc=$?
set -e
say "commit 2 took $((SECONDS - t0)) s"
((rc == 0)) || { show 2; fail "the commit with fixed files was refused (exit $rc)"; }
git rev-parse -q --verify HEAD >/dev/null || { show 2; fail "no commit was created"; }

say "PASSED in $((SECONDS - start)) s"
