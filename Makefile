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

clean:
	rm -rf build
