module gcscope.dev/bench/gctrace-regexp

go 1.19
