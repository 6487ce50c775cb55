#!/bin/sh
# Installs the Debian 12 packages vanban needs to build, run its examples and
# run its tests, when any is missing. Used by "make demo" and "make test".
set -eu
PKGS="build-essential pkg-config clang libclang-rt-14-dev
libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libicu-dev
libxml2-dev libxml2-utils libzip-dev libpango1.0-dev libcairo2-dev
libfontconfig-dev libqpdf-dev qpdf fonts-liberation2 poppler-utils
libreoffice-writer-nogui libreoffice-calc-nogui libnss3-tools python3 unzip
pandoc python3-docx time libmicrohttpd-dev libpng-dev curl chromium
iproute2 python3-yaml firefox-esr"
# The browser tests drive chromium with playwright-core and firefox-esr with
# puppeteer-core (WebDriver BiDi) from npm. Debian's
# nodejs and npm, unless a node with its own npm is installed already.
command -v npm > /dev/null 2>&1 || PKGS="$PKGS nodejs npm"
missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
echo "Cài các gói còn thiếu:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
