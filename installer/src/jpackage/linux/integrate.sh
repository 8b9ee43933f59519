#!/bin/sh
# Puts gcscope into the system's folders, or takes it out again: the command on the PATH
# (/usr/bin/gcscope), the menu entry, the file types and the icon. The package's scripts call it
# (postinst: install; prerm on removal: remove), with the files it copies in this folder.
# It also makes the class-data archive that makes the start fast: a Java 17 archive only serves
# the jar at the path it was made with, so it is made here, where the app is installed, from the
# class list of the build's training run (a few seconds; without it gcscope starts, only slower).
set -e
here=$(dirname "$(readlink -f "$0")")
app=$(dirname "$(dirname "$here")")
sizes="16 24 32 48 64 128 256 512"

refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database /usr/share/mime || true; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true; fi
}

case "$1" in
    install)
        # The command script, not jpackage's launcher: the launcher asks rpm and dpkg which package
        # it is in on every start (0.1 s); the script starts the same JVM without (CommandScript).
        ln -sfn "$app/lib/desktop/gcscope" /usr/bin/gcscope
        install -D -m 644 "$here/gcscope.desktop" /usr/share/applications/gcscope.desktop
        install -D -m 644 "$here/gcscope-gctrace.xml" /usr/share/mime/packages/gcscope-gctrace.xml
        for s in $sizes; do
            install -D -m 644 "$here/icons/${s}x${s}/gcscope.png" "/usr/share/icons/hicolor/${s}x${s}/apps/gcscope.png"
        done
        install -D -m 644 "$here/icons/scalable/gcscope.svg" /usr/share/icons/hicolor/scalable/apps/gcscope.svg
        refresh
        rm -f "$app/lib/app/gcscope.jsa"
        if ! "$app/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/lib/app/gcscope.classlist" \
                -XX:SharedArchiveFile="$app/lib/app/gcscope.jsa" -cp "$app/lib/app/gcscope.jar" >/dev/null 2>&1; then
            rm -f "$app/lib/app/gcscope.jsa"
            echo "gcscope: could not make the class-data archive; gcscope works, but starts slower" >&2
        fi
        ;;
    remove)
        # Only our own link (or 0.1.0's, to the launcher): another gcscope put on the PATH by hand stays.
        case "$(readlink /usr/bin/gcscope 2>/dev/null)" in
            "$app/lib/desktop/gcscope"|"$app/bin/gcscope") rm -f /usr/bin/gcscope ;;
        esac
        rm -f /usr/share/applications/gcscope.desktop /usr/share/mime/packages/gcscope-gctrace.xml \
              /usr/share/icons/hicolor/scalable/apps/gcscope.svg
        for s in $sizes; do rm -f "/usr/share/icons/hicolor/${s}x${s}/apps/gcscope.png"; done
        rm -f "$app/lib/app/gcscope.jsa"
        refresh
        ;;
    *)
        echo "usage: $0 install|remove" >&2
        exit 2
        ;;
esac
