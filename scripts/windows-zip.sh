#!/usr/bin/env bash
# Builds the download for Windows PCs: plein-VERSION-windows-x86_64.zip with plein.exe (release,
# cross-compiled with mingw-w64), the Dutch LEESMIJ.txt for librarians, plein-kiosk.cmd and the
# licence files at the repository root. Checks what went in and prints the zip's size.
#
# Usage: scripts/windows-zip.sh [OUT_DIR]   (default: target/windows; needs mingw-w64, zip,
# unzip and `rustup target add x86_64-pc-windows-gnu`). PLEIN_EXE=path skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=x86_64-pc-windows-gnu
OUT=${1:-target/windows}
for tool in zip unzip x86_64-w64-mingw32-gcc; do
  command -v "$tool" >/dev/null || { echo "windows-zip: $tool is missing (apt-get install zip unzip gcc-mingw-w64-x86-64)" >&2; exit 1; }
done
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
[ -n "$VERSION" ] || { echo "windows-zip: no version in Cargo.toml" >&2; exit 1; }
NAME="plein-$VERSION-windows-x86_64"

EXE=${PLEIN_EXE:-}
if [ -z "$EXE" ]; then
  cargo build --locked --release --target "$TARGET"
  EXE="${CARGO_TARGET_DIR:-target}/$TARGET/release/plein.exe"
fi
[ -f "$EXE" ] || { echo "windows-zip: $EXE was not built" >&2; exit 1; }

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir "$STAGE/$NAME"
cp "$EXE" "$STAGE/$NAME/plein.exe"
# Notepad and cmd want CRLF line ends; the BOM makes old Notepad read the text as UTF-8.
crlf() { sed 's/\r$//; s/$/\r/' "$1"; }
{ printf '\xef\xbb\xbf'; crlf packaging/windows/LEESMIJ.txt; } >"$STAGE/$NAME/LEESMIJ.txt"
crlf packaging/windows/plein-kiosk.cmd >"$STAGE/$NAME/plein-kiosk.cmd"
licences=()
for f in LICENSE* LICENCE* COPYING*; do
  [ -f "$f" ] || continue
  crlf "$f" >"$STAGE/$NAME/$f"
  licences+=("$f")
done
[ "${#licences[@]}" -gt 0 ] || echo "windows-zip: warning: no LICENSE file at the repository root, the zip has no licence" >&2

mkdir -p "$OUT"
ZIP="$(cd "$OUT" && pwd)/$NAME.zip"
rm -f "$ZIP"
(cd "$STAGE" && zip -q -X -r "$ZIP" "$NAME")

# What a librarian gets: exactly these files, and no test shim or any other DLL.
listing=$(unzip -Z1 "$ZIP")
expected=$(printf '%s\n' "$NAME/" "$NAME/LEESMIJ.txt" "$NAME/plein-kiosk.cmd" "$NAME/plein.exe" \
  "${licences[@]/#/$NAME/}" | sort)
if [ "$(sort <<<"$listing")" != "$expected" ]; then
  echo "windows-zip: unexpected contents:" >&2
  diff <(echo "$expected") <(sort <<<"$listing") >&2 || true
  exit 1
fi
if grep -qi '\.dll$' <<<"$listing"; then
  echo "windows-zip: a DLL is in the zip (the Wine test shim must never ship)" >&2
  exit 1
fi
unzip -l "$ZIP"
echo "windows-zip: $ZIP: $(stat -c %s "$ZIP") bytes ($(du -h "$ZIP" | cut -f1)), plein.exe $(stat -c %s "$EXE") bytes"
