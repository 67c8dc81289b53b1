#!/usr/bin/env bash
# Installs the Debian 12 packages nianbao builds and tests with (idempotent).
set -euo pipefail
# libreoffice-writer-nogui converts .doc/.wps/.rtf/.odt, libreoffice-calc-nogui makes
# `nianbao export --format xlsx` (run time); prlimit is in util-linux.
# libtesseract-dev with tesseract-ocr-chi-sim and tesseract-ocr-eng reads scanned PDF pages (OCR).
packages=(libsystemd-dev libpoppler-glib-dev libseccomp-dev pkg-config systemd util-linux libreoffice-writer-nogui
          libreoffice-calc-nogui inotify-tools libtesseract-dev tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng)
if [[ "${1:-}" == "--test" ]]; then
    # unzip: the export test reads the .xlsx sheet; chromium renders the dashboard
    # page (fonts-noto-cjk for its Chinese); prometheus brings promtool; debhelper and
    # lintian build and check the Debian package (scripts/package.sh); bindfs and fuse3
    # make the real FUSE mount the polled-drop tests run on.
    packages+=(time poppler-utils debootstrap systemd-container unzip chromium prometheus fonts-noto-cjk debhelper lintian bindfs fuse3)
fi
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    # A fresh machine may be running apt itself (unattended-upgrades): wait for its lock.
    $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
fi
