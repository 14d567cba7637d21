# The two commands of the README: `make run` and `make test`.
PRESET ?= default
BUILD  := build/$(PRESET)

.PHONY: all deps configure build run test package clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@test -f $(BUILD)/build.ninja || cmake --preset $(PRESET)

build: configure
	@cmake --build --preset $(PRESET)

run: build
	$(BUILD)/app/gui/cowherd $(ARGS)

test: build
	@ctest --preset $(PRESET)

# The Debian package: build/$(PRESET)/cowherd_<version>_<arch>.deb (see packaging/README.md).
package: build
	@cmake --build --preset $(PRESET) --target package

# The benchmarks of docs/PERFORMANCE.md, with their default sizes (several minutes).
bench: build
	bench/bench_inspect.sh
	bench/bench_scan.sh 50 1000
	bench/bench_scan.sh 500 10000
	$(BUILD)/bench/bench_model 100000
	bench/makelab.sh /tmp/cowherd-bench-gui 500 10000 && $(BUILD)/bench/bench_gui /tmp/cowherd-bench-gui 10
	bench/bench_verify.sh
	bench/bench_remote_scan.sh 50 1000
	bench/bench_fetch_glance.sh

clean:
	rm -rf build
