#!/usr/bin/env bash
# PackageTest: makes the Debian package with cpack from the build directory
# into a temporary directory, then checks what it holds and its control
# fields, and runs desktop-file-validate, appstreamcli, lintian and man's own
# checks on it. Also checks that each man page names every option its
# command's --help lists, so the two cannot drift apart.
#
#   package-test.sh BUILD_DIR VERSION GLASSHART GLASSHART_CLI
set -euo pipefail

build_dir=$1
version=$2
gui=$3
cli=$4
app_id=io.github.glasshart.Glasshart

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

for tool in cpack dpkg-deb desktop-file-validate appstreamcli lintian man; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (packaging/install-build-deps)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; echo "FAIL: cpack" >&2; exit 1; }
deb="$work/out/glasshart_${version}_amd64.deb"
[ -f "$deb" ] || { ls -l "$work/out" >&2; echo "FAIL: no $deb" >&2; exit 1; }

# Contents.
dpkg-deb --contents "$deb" | awk '{print $1, $6}' >"$work/contents"
expect_file() {  # expect_file MODE-PREFIX PATH
    grep -qx -- "$1[^ ]* \./$2" "$work/contents" || fail "the package lacks $2 (with mode $1...)"
}
expect_file -rwxr-xr-x usr/bin/glasshart
expect_file -rwxr-xr-x usr/bin/glasshart-cli
expect_file -rwxr-xr-x usr/libexec/glasshart/fetch-linux-guest
expect_file -rw-r--r-- "usr/share/applications/$app_id.desktop"
expect_file -rw-r--r-- "usr/share/metainfo/$app_id.metainfo.xml"
expect_file -rw-r--r-- "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
for size in 16 24 32 48 64 128 256; do
    expect_file -rw-r--r-- "usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
expect_file -rw-r--r-- usr/share/man/man1/glasshart.1.gz
expect_file -rw-r--r-- usr/share/man/man1/glasshart-cli.1.gz
expect_file -rw-r--r-- usr/share/doc/glasshart/copyright
expect_file -rw-r--r-- usr/share/doc/glasshart/changelog.gz

dpkg-deb --extract "$deb" "$work/root"
root=$work/root

# The PNGs are what they claim: PNG images of their size.
for size in 16 24 32 48 64 128 256; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    [ -f "$png" ] || continue
    file -b "$png" | grep -q "^PNG image data, $size x $size," || fail "$png: $(file -b "$png")"
done
# The binaries are stripped (lintian would say so too, as an error).
for binary in glasshart glasshart-cli; do
    file -b "$root/usr/bin/$binary" | grep -q "ELF 64-bit.*x86-64.*, stripped" || fail "usr/bin/$binary is not a stripped x86-64 ELF"
done

# Control fields.
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = glasshart ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Architecture)" = amd64 ] || fail "Architecture is '$(field Architecture)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Section)" ] || fail "no Section"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
# Computed by dpkg-shlibdeps from the binaries: at least libc and Qt.
grep -q 'libc6 (>=' <<<"$depends" || fail "Depends has no versioned libc6: '$depends'"
grep -q 'libqt6widgets6' <<<"$depends" || fail "Depends has no libqt6widgets6: '$depends'"

# Validators.
# Clean means not even a hint.
desktop_report=$(desktop-file-validate "$root/usr/share/applications/$app_id.desktop" 2>&1) &&
    [ -z "$desktop_report" ] || fail "desktop-file-validate: $desktop_report"
appstreamcli validate --no-net --explain "$root/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
for page in glasshart glasshart-cli; do
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z \
                   "$root/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man $page: $warnings"
done
lintian --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1 || true
cat "$work/lintian.log"
! grep -q '^E: ' "$work/lintian.log" || fail "lintian reports errors"

# Every option --help lists is in the man page.
check_options() {  # check_options PAGE HELP-TEXT
    local page=$1 help=$2 text option
    text=$(zcat "$root/usr/share/man/man1/$page.1.gz" | sed 's/\\-/-/g')
    for option in $(grep -oE -- '(^|[ ,])--[a-z][a-z-]*' <<<"$help" | grep -oE -- '--[a-z-]+' | sort -u); do
        grep -qF -- "$option" <<<"$text" || fail "man $page does not describe $option"
    done
}
check_options glasshart-cli "$("$cli" --help 2>&1)"
check_options glasshart "$(QT_QPA_PLATFORM=offscreen "$gui" --help 2>&1)"

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "PackageTest: $deb passed every check"
