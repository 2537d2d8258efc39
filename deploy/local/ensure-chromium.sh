#!/usr/bin/env bash
# Makes sure the browser test has Debian's Chromium, its ChromeDriver and a Chinese font (without
# one the page's screenshot shows boxes): installed from the OS packages when missing.
set -euo pipefail

say() { printf '[chromium] %s\n' "$*"; }

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
if command -v fc-list >/dev/null 2>&1 && [[ -n "$(fc-list :lang=zh 2>/dev/null)" ]]; then :; else missing+=(fonts-wqy-microhei); fi

if [[ ${#missing[@]} -eq 0 ]]; then
  say "chromium, chromedriver and a Chinese font are installed"
  exit 0
fi
say "installing ${missing[*]} from the OS packages"
if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
