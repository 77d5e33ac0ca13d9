#!/bin/sh
# Fetch the default fonts (Noto Serif SC, Noto Sans SC; Regular and Bold; SIL OFL)
# from the npm registry packages @expo-google-fonts/noto-serif-sc and
# @expo-google-fonts/noto-sans-sc, extract the .ttf files into fonts/ and verify
# each against fonts/SHA256SUMS. Does nothing when all four are present and verified.
set -eu
cd "$(dirname "$0")"
VERSION=0.4.3
# file in fonts/ | npm package | path inside the package tarball
LIST="NotoSerifSC-Regular.ttf @expo-google-fonts/noto-serif-sc package/400Regular/NotoSerifSC_400Regular.ttf
NotoSerifSC-Bold.ttf @expo-google-fonts/noto-serif-sc package/700Bold/NotoSerifSC_700Bold.ttf
NotoSansSC-Regular.ttf @expo-google-fonts/noto-sans-sc package/400Regular/NotoSansSC_400Regular.ttf
NotoSansSC-Bold.ttf @expo-google-fonts/noto-sans-sc package/700Bold/NotoSansSC_700Bold.ttf"

if sha256sum --check --status SHA256SUMS 2>/dev/null; then
  exit 0
fi
command -v npm >/dev/null || { echo "fonts: npm is missing (make deps installs it)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for pkg in @expo-google-fonts/noto-serif-sc @expo-google-fonts/noto-sans-sc; do
  need=0
  echo "$LIST" | while read -r file p inner; do
    [ "$p" = "$pkg" ] || continue
    grep " $file\$" SHA256SUMS | sha256sum --check --status 2>/dev/null || echo "$file"
  done > "$tmp/missing"
  [ -s "$tmp/missing" ] || continue
  echo "fonts: npm pack $pkg@$VERSION"
  (cd "$tmp" && npm pack --silent "$pkg@$VERSION" >/dev/null 2>"$tmp/npm.err") || { cat "$tmp/npm.err" >&2; exit 1; }
  tgz=$(ls "$tmp"/*.tgz)
  echo "$LIST" | while read -r file p inner; do
    [ "$p" = "$pkg" ] || continue
    grep -qx "$file" "$tmp/missing" || continue
    tar -xzf "$tgz" -C "$tmp" "$inner"
    mv "$tmp/$inner" "$file.part"
    if grep " $file\$" SHA256SUMS | sed "s/ $file\$/ $file.part/" | sha256sum --check --status; then
      mv "$file.part" "$file"; echo "fonts: $file verified"
    else
      rm -f "$file.part"; echo "fonts: $file does not match its SHA-256 in fonts/SHA256SUMS" >&2; exit 1
    fi
  done
  rm -f "$tgz"
done
sha256sum --check --quiet SHA256SUMS
