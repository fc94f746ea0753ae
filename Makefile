# kiosk: make run (start the kiosk), make test (every test), make bench (benchmarks).
# Each target first installs missing Debian packages (scripts/bootstrap.sh).

SWIFT ?= swift
# Every build treats a warning as an error: the zero-warning rule holds for each file as it is compiled, so an
# incremental build cannot hide a warning that a clean build would show.
BUILD_FLAGS = -Xswiftc -warnings-as-errors
RUN_PACKAGES   = libreadline-dev libsqlite3-dev alsa-utils
TEST_PACKAGES  = $(RUN_PACKAGES) tmux gettext sqlite3 locales chromium fonts-dejavu-core espeak-ng \
                 libharfbuzz-bin netpbm fonts-noto-core fonts-noto-mono libreoffice-calc-nogui poppler-utils unzip \
                 python3 python3-pip postgresql debootstrap lintian binutils xz-utils \
                 cage foot grim xwayland
DEB_PACKAGES   = $(RUN_PACKAGES) binutils xz-utils
BENCH_PACKAGES = $(TEST_PACKAGES) hyperfine

.PHONY: run test bench fuzz build release deb clean

run:
	@scripts/bootstrap.sh $(RUN_PACKAGES)
	$(SWIFT) build $(BUILD_FLAGS)
	.build/debug/kiosk run --guides guides --locales locales --db .kiosk-data/kiosk.db

build:
	@scripts/bootstrap.sh $(RUN_PACKAGES)
	$(SWIFT) build $(BUILD_FLAGS)

test:
	@scripts/bootstrap.sh $(TEST_PACKAGES)
	@scripts/python-tools.sh
	@$(SWIFT) build --build-tests $(BUILD_FLAGS) > .build-log.txt 2>&1 || { cat .build-log.txt; rm -f .build-log.txt; exit 1; }
	@cat .build-log.txt
	@if grep -q "warning:" .build-log.txt; then rm -f .build-log.txt; echo "make test: the build has warnings; zero are allowed"; exit 1; fi
	@rm -f .build-log.txt
	.build/debug/kiosk check --guides guides --locales locales
	@# The package the Debian tests install (a release build of its own, before the tests, never beside them).
	scripts/deb.sh
	$(SWIFT) test --skip-build

# libFuzzer on the guide parser and builder, the session engine, the PO reader and merge, and the import
# (FUZZ_SECONDS per harness, default 60).
fuzz:
	@scripts/bootstrap.sh $(RUN_PACKAGES)
	$(SWIFT) build $(BUILD_FLAGS)
	scripts/fuzz.sh

release:
	@scripts/bootstrap.sh $(RUN_PACKAGES)
	$(SWIFT) build -c release

# kiosk_<version>_amd64.deb in .build-deb/: `sudo apt install ./.build-deb/kiosk_<version>_amd64.deb` (docs/operations.md).
deb:
	@scripts/bootstrap.sh $(DEB_PACKAGES)
	scripts/deb.sh

bench:
	@scripts/bootstrap.sh $(BENCH_PACKAGES)
	@scripts/python-tools.sh
	KIOSK_BENCH=1 $(SWIFT) build -c release --scratch-path .build-bench
	scripts/bench.sh

clean:
	rm -rf .build
