#!/usr/bin/env bash
# What `pnpm test` needs beyond npm packages, from Debian's archive: Chromium (the demo's browser test)
# and PostgreSQL (the migration run store's tests start a throwaway cluster with its initdb/pg_ctl; no
# server is left running). Installs only what is missing; uses sudo when not root.
set -euo pipefail
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[[ ${#missing[@]} -eq 0 ]] && exit 0
sudo_cmd=""
[[ "$(id -u)" != 0 ]] && sudo_cmd="sudo"
echo "Installing from Debian's packages: ${missing[*]}"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
