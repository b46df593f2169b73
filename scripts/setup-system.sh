#!/usr/bin/env bash
# Installs the Debian packages Jixiao needs at run and test time, only those missing:
# chromium (PDF rendering, e2e), fonts-noto-cjk (Chinese in PDFs), poppler-utils (pdftotext/pdftoppm in tests).
set -euo pipefail
needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Serif CJK\|Noto Sans CJK' || needed+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || needed+=(poppler-utils)
if [ ${#needed[@]} -gt 0 ]; then
  echo "installing: ${needed[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${needed[@]}" fontconfig >/dev/null
fi
