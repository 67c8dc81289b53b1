#!/usr/bin/env bash
# scripts/package.sh — builds the Debian package nianbao_<version>_<arch>.deb.
#
#   scripts/package.sh [--version V] [--binary PATH] [--out DIR] [--no-lintian]
#
#   --version V    the package version (default: the version `nianbao --version` prints,
#                  from Sources/nianbao/Nianbao.swift); e.g. 0.1.0+site2 for a newer build
#   --binary PATH  package this nianbao binary instead of building one (it must not need
#                  the Swift toolchain at run time: build with --static-swift-stdlib)
#   --out DIR      where the .deb goes (default: the repository's root)
#   --no-lintian   skip the lintian run at the end
#
# Steps: a release build of the `nianbao` product with the Swift runtime linked in
# statically (--static-swift-stdlib: the toolchain is not a Debian package, so nothing
# else can satisfy a dependency on it); the man pages from the binary by
# swift-argument-parser's generate-manual tool; then debhelper (compat 13) with the
# debian/ folder in a staging copy, so the work tree is never written; lintian.
# Needs: debhelper, lintian (scripts/deps.sh --test installs them).
# Environment: SCRATCH_PATH (SwiftPM scratch path, default .build), SWIFT (the driver).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH_PATH=${SCRATCH_PATH:-$ROOT/.build}
SWIFT=${SWIFT:-$(command -v swift || echo /opt/swift/usr/bin/swift)}
VERSION=
BINARY=
OUT=$ROOT
LINTIAN=1
while [ "$#" -gt 0 ]; do
    case "$1" in
        --version) VERSION=$2; shift ;;
        --binary) BINARY=$2; shift ;;
        --out) OUT=$2; shift ;;
        --no-lintian) LINTIAN=0 ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "package.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
say() { printf '==> %s\n' "$*"; }
[ -n "$VERSION" ] || VERSION=$(sed -n 's/^ *version: "\([^"]*\)".*/\1/p' "$ROOT/Sources/nianbao/Nianbao.swift" | head -n 1)
[ -n "$VERSION" ] || { echo "package.sh: no version" >&2; exit 1; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# 1. The binary.
if [ -z "$BINARY" ]; then
    say "release build of nianbao (static Swift runtime)"
    (cd "$ROOT" && "$SWIFT" build -c release --static-swift-stdlib --scratch-path "$SCRATCH_PATH" --product nianbao)
    BINARY=$SCRATCH_PATH/release/nianbao
fi
BINARY=$(readlink -f "$BINARY")
[ -x "$BINARY" ] || { echo "package.sh: no binary at $BINARY" >&2; exit 1; }

STAGE=$(mktemp -d /tmp/nianbao-package.XXXXXX)
trap 'rm -rf "$STAGE"' EXIT
SRC=$STAGE/nianbao-$VERSION
mkdir -p "$SRC"
cp -r "$ROOT/debian" "$ROOT/systemd" "$ROOT/etc" "$ROOT/README.md" "$SRC/"

# 2. Man pages. The argument parser's `generate-manual` command plugin would build every
# product of the package first (the benchmark, fuzz and probe tools too) just to run the
# same tool on each; the tool itself, built once from the mirrored swift-argument-parser
# checkout, reads the packaged binary's --experimental-dump-help, which is what the plugin does.
say "man pages (swift-argument-parser generate-manual)"
GENERATE=$SCRATCH_PATH/tools/release/generate-manual
if [ ! -x "$GENERATE" ]; then
    [ -d "$SCRATCH_PATH/checkouts/swift-argument-parser" ] || (cd "$ROOT" && "$SWIFT" package resolve --scratch-path "$SCRATCH_PATH")
    "$SWIFT" build -c release --package-path "$SCRATCH_PATH/checkouts/swift-argument-parser" \
        --scratch-path "$SCRATCH_PATH/tools" --product generate-manual
fi
mkdir -p "$SRC/man"
"$GENERATE" "$BINARY" --multi-page --output-directory "$SRC/man" \
    --authors "the nianbao authors" --section 1 --date "$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%d)" >/dev/null
# Internal subcommands (the reader child, the sandbox probe) get no page. A page per
# subcommand is named as git names its own, nianbao-status(1): the generated
# NAME ".Nm "nianbao status"" is no whatis entry man-db (and lintian) can read.
rm -f "$SRC/man/nianbao.extract-child.1" "$SRC/man/nianbao.sandbox-probe.1"
for page in "$SRC/man"/nianbao.*.1; do
    sub=$(basename "$page" .1); sub=${sub#nianbao.}
    upper=$(echo "$sub" | tr '[:lower:]' '[:upper:]')
    sed -e "s/^\.Dt NIANBAO\.$upper /.Dt NIANBAO-$upper /" \
        -e "/^\.Sh NAME/,/^\.Sh/ s/^\.Nm \"nianbao $sub\"\$/.Nm nianbao-$sub/" \
        -e "/^\.Sh SYNOPSIS/,/^\.Sh/ s/^\.Nm\$/.Nm \"nianbao $sub\"/" "$page" >"$SRC/man/nianbao-$sub.1"
    rm "$page"
done
sed -i -e '/^\.Xr nianbao\.\(extract-child\|sandbox-probe\) 1/d' -e 's/^\.Xr nianbao\.\([a-z-]*\) 1/.Xr nianbao-\1 1/' "$SRC/man/nianbao.1"
ls "$SRC/man"/*.1 >/dev/null

# 3. The version: a changelog entry of its own when it differs from debian/changelog's.
if [ "$(dpkg-parsechangelog -l "$SRC/debian/changelog" -S Version)" != "$VERSION" ]; then
    { printf 'nianbao (%s) unstable; urgency=medium\n\n  * Build %s.\n\n -- %s  %s\n\n' "$VERSION" "$VERSION" \
        "nianbao maintainers <maintainers@users.noreply.h-seed-cd490239.example>" "$(date -R)"
      cat "$ROOT/debian/changelog"; } >"$SRC/debian/changelog"
fi

# 4. debhelper.
say "dpkg-buildpackage nianbao $VERSION"
(cd "$SRC" && NIANBAO_BINARY=$BINARY NIANBAO_MANDIR=$SRC/man dpkg-buildpackage -b -us -uc --no-pre-clean >"$STAGE/build.log" 2>&1) \
    || { tail -n 60 "$STAGE/build.log" >&2; exit 1; }
DEB=$(ls "$STAGE"/nianbao_"$VERSION"_*.deb)
cp "$DEB" "$OUT/"
DEB=$OUT/$(basename "$DEB")
say "built $DEB"

# 5. lintian: errors fail the build; warnings are listed (each explained in debian/README.lintian
# or overridden with its reason in debian/nianbao.lintian-overrides).
if [ "$LINTIAN" -eq 1 ]; then
    say "lintian"
    lintian --fail-on error --info "$DEB"
fi
