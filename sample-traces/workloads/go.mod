module gcscope.dev/sample-traces/workloads

go 1.19
