# Sourced by the record scripts: building with a Go toolchain unpacked from Debian's packages
# (../shared/tools/go-toolchains.sh).
#
# Debian's golang-1.NN packages, unpacked outside /usr, leave GOROOT/pkg/include as a dangling
# link; the headers it should hold are copies of files in GOROOT/src/runtime (cmd/dist copies
# them). Such a toolchain builds through an overlay GOROOT that links everything else to the real one.

# go_root REAL OVERLAY: the GOROOT to build with: REAL when it is whole, else OVERLAY (made once).
go_root() {
  local real=$1 ov=$2 e
  if [ -f "$real/pkg/include/textflag.h" ]; then echo "$real"; return; fi
  if [ ! -d "$ov" ]; then
    mkdir -p "$ov/pkg/include"
    for e in "$real"/*; do [ "$(basename "$e")" = pkg ] || ln -s "$e" "$ov/$(basename "$e")"; done
    for e in "$real"/pkg/*; do [ "$(basename "$e")" = include ] || ln -s "$e" "$ov/pkg/$(basename "$e")"; done
    for e in textflag.h funcdata.h asm_ppc64x.h asm_amd64.h; do
      if [ -f "$real/src/runtime/$e" ]; then cp "$real/src/runtime/$e" "$ov/pkg/include/"; fi
    done
  fi
  echo "$ov"
}

# go_with REAL OVERLAY ARGS...: REAL's go command, this toolchain only, paths trimmed, outside any workspace.
go_with() {
  local real=$1 ov=$2 root
  shift 2
  root=$(go_root "$real" "$ov")
  GOROOT=$root GOTOOLCHAIN=local GOFLAGS=-trimpath GOWORK=off "$real/bin/go" "$@"
}
