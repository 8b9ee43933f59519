#!/usr/bin/env bash
# Makes every icon file from gcscope.svg. Run it after changing the SVG, and commit what it writes:
# the build (on Linux, Windows and macOS alike) only copies these files, so it needs none of the
# tools below, which are Debian's (apt-get install librsvg2-bin icoutils icnsutils).
#   linux/gcscope-N.png   the hicolor theme's sizes, for the menu entry and the file manager
#   gcscope.ico           Windows (.msi, the launcher's .exe): 16-256 px in one file
#   gcscope.icns          macOS (.dmg, the .app bundle): 16-512 px in one file
#   ../../../app/src/main/resources/dev/gcscope/ui/icons/gcscope-N.png  the window's own icon
set -euo pipefail
cd "$(dirname "$0")"
png() { rsvg-convert --width "$1" --height "$1" gcscope.svg --output "$2"; }
mkdir -p linux
for s in 16 24 32 48 64 128 256 512; do png "$s" "linux/gcscope-$s.png"; done
icotool --create --output gcscope.ico linux/gcscope-{16,24,32,48,64}.png --raw=linux/gcscope-256.png
png2icns gcscope.icns linux/gcscope-{16,32,48,128,256,512}.png >/dev/null
window=../../../app/src/main/resources/dev/gcscope/ui/icons
mkdir -p "$window"
for s in 16 32 48 256; do cp "linux/gcscope-$s.png" "$window/gcscope-$s.png"; done
