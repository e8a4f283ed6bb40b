# The two commands of README.md, and the benchmark.
.PHONY: serve test bench

serve:  ## build the release bundle and serve it on http://127.0.0.1:8080
	bash scripts/serve.sh

test:   ## every check and every test, installing what is missing
	bash scripts/test.sh

bench:  ## measure sizes and speed, written to docs/BENCHMARKS.md
	bash scripts/bench.sh
