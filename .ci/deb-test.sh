#!/usr/bin/env bash
# Builds plein's .deb from the release build (`cargo build --release --locked`, run by .ci/run
# before this script) and checks it: the files it installs, and that the binary runs from a
# scratch root where it was unpacked.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
command -v dpkg-deb >/dev/null || { echo "deb-test: dpkg-deb is missing" >&2; exit 1; }
bin=target/release/plein
[ -x "$bin" ] || { echo "deb-test: $bin missing: run cargo build --release --locked" >&2; exit 1; }

# The completion scripts, from the binary itself (descriptions in plein's default language).
mkdir -p target/completions
"$bin" --lang nl completions bash >target/completions/plein.bash
"$bin" --lang nl completions zsh >target/completions/_plein
"$bin" --lang nl completions fish >target/completions/plein.fish

rm -f target/debian/plein_*.deb
cargo deb --no-build --no-strip >/dev/null
deb=$(ls target/debian/plein_*.deb)

listing=$(dpkg-deb -c "$deb")
for path in \
    ./usr/bin/plein \
    ./usr/share/man/man1/plein.1.gz \
    ./usr/share/bash-completion/completions/plein \
    ./usr/share/zsh/vendor-completions/_plein \
    ./usr/share/fish/vendor_completions.d/plein.fish \
    ./etc/plein/config.toml \
    ./usr/share/doc/plein/LICENSE \
    ./usr/share/doc/plein/LICENSE.corpus \
    ./usr/share/doc/plein/copyright; do
    if ! grep -qE " ${path//./\\.}\$" <<<"$listing"; then
        echo "deb-test: $path is not in $deb" >&2
        echo "$listing" >&2
        exit 1
    fi
done
dpkg-deb -f "$deb" Conffiles 2>/dev/null | grep -q '/etc/plein/config.toml' \
    || dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx '/etc/plein/config.toml' \
    || { echo "deb-test: /etc/plein/config.toml is not a conffile" >&2; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
version=$("$root/usr/bin/plein" --version)
deb_version=$(dpkg-deb -f "$deb" Version)
expected="plein ${deb_version%-*}" # without the Debian revision
if [ "$version" != "$expected" ]; then
    echo "deb-test: the unpacked binary says '$version', expected '$expected'" >&2
    exit 1
fi
# The example configuration changes nothing until someone removes a #.
if grep -qvE '^(#|$)' "$root/etc/plein/config.toml"; then
    echo "deb-test: the example /etc/plein/config.toml sets something" >&2
    exit 1
fi
# The bash completion installed by the package completes a command.
reply=$(bash -c 'source "$1"; COMP_WORDS=(plein boo); COMP_CWORD=1; _plein plein boo plein; echo "${COMPREPLY[*]}"' \
    bash "$root/usr/share/bash-completion/completions/plein")
[ "$reply" = bookmarks ] || { echo "deb-test: bash completion gave '$reply'" >&2; exit 1; }

echo "deb-test: $deb ok, $(stat -c %s "$deb") bytes ($(du -h "$deb" | cut -f1)); runs as '$version'"
