# juesuan — build, test and run.
#   make deps    install the Debian 12 packages (root; apt-get update once)
#   make fonts   fetch the default Noto Serif SC / Noto Sans SC fonts, verify SHA-256
#   make         build ./juesuan (warnings are errors; CC=clang works too)
#   make run     deps + fonts + build + build every unit under input/ into output/
#   make test    deps + fonts + build + every test, under ASan and UBSan
#   make bench   time the example build against main before issue 14, a 10x unit, deflate levels,
#                and batches of 100 and 1,000 generated units with -j 2 (make bench-batch: only those)
#   make mustache-spec   run the mustache spec files against gen/template
#   make fuzz    libFuzzer (clang) on each harness of tests/fuzz/ for FUZZ_SECONDS
#   make valgrind   the example build under valgrind (release flags, no sanitizers; also in make test)

CC ?= cc
# Where objects and test binaries go (several checkouts or people can build
# side by side with BUILD=/some/dir).
BUILD ?= build
PKGS := freetype2 xlsxwriter libfyaml icu-uc harfbuzz-subset minizip expat zlib libdeflate nettle
DEB_PACKAGES := build-essential clang pkg-config libhpdf-dev libfreetype-dev \
  libxlsxwriter-dev libfyaml-dev libcmocka-dev poppler-utils qpdf mupdf-tools \
  python3 python3-openpyxl python3-pdfminer nodejs:node npm:npm ca-certificates \
  libclang-rt-14-dev valgrind libicu-dev libharfbuzz-dev unicode-data faketime \
  libminizip-dev libexpat1-dev zlib1g-dev icc-profiles-free python3-pikepdf \
  nettle-dev parallel libdeflate-dev
VERSION := 0.1.0

# pkg-config is asked when a recipe runs (recursive '='), so the first
# 'make test' on a fresh machine works: deps install before the sub-make.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS)) -lhpdf -lm

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
BASE_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -g -DJUESUAN_VERSION='"$(VERSION)"'
REL_CFLAGS := -O2
SAN_CFLAGS := -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
CFLAGS ?=

SRCS := $(sort $(wildcard gen/*/*.c))
LIB_SRCS := $(filter-out gen/cli/main.c,$(SRCS))
REL_OBJS := $(LIB_SRCS:%.c=$(BUILD)/rel/%.o)
SAN_OBJS := $(LIB_SRCS:%.c=$(BUILD)/san/%.o)
CLANG_OBJS := $(SRCS:%.c=$(BUILD)/clang/%.o)
O0_OBJS := $(SRCS:%.c=$(BUILD)/O0/%.o)
TEST_SRCS := $(sort $(wildcard tests/unit/test_*.c))
TEST_BINS := $(TEST_SRCS:tests/unit/%.c=$(BUILD)/san/tests/%)

# Fuzz harnesses (tests/fuzz/fuzz_NAME.c): libFuzzer binaries for `make fuzz`,
# and corpus-replay binaries (gcc, ASan/UBSan, tests/fuzz/driver.c) that
# `make test` runs once over tests/fuzz/corpus/NAME/.
FUZZ_NAMES := $(sort $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_OBJS := $(LIB_SRCS:%.c=$(BUILD)/fuzz/%.o)
FUZZ_BINS := $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)
FUZZ_HDRS := tests/fuzz/fuzz.h tests/fuzz/fuzz_util.h
CORPUS_BINS := $(FUZZ_NAMES:%=$(BUILD)/san/tests/test_fuzz_%)

.PHONY: all deps fonts run run-units test test-run mustache-spec bench bench-batch clean \
  fuzz fuzz-build fuzz-run valgrind valgrind-run deps-slow test-slow
all: juesuan

juesuan: $(REL_OBJS) $(BUILD)/rel/gen/cli/main.o
	$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/rel/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(REL_CFLAGS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/san/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(SAN_CFLAGS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

# The same sources with clang, so that both compilers' warnings are errors in every test run.
$(BUILD)/clang/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(BASE_CFLAGS) $(REL_CFLAGS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/clang/juesuan: $(CLANG_OBJS)
	clang $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS)

# Unoptimised, so that tests/e2e/test_reproducible.sh can compare outputs
# across -O levels (and compilers: the clang build).
$(BUILD)/O0/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O0 $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/O0/juesuan: $(O0_OBJS)
	$(CC) -O0 -o $@ $^ $(PKG_LIBS)

$(BUILD)/san/juesuan: $(SAN_OBJS) $(BUILD)/san/gen/cli/main.o
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/san/tests/%: tests/unit/%.c tests/unit/test_util.h $(SAN_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(SAN_CFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(shell pkg-config --cflags cmocka) \
	  -o $@ $< $(SAN_OBJS) $(PKG_LIBS) $(shell pkg-config --libs cmocka)

# libFuzzer: the library sources with coverage hooks, each harness linked
# with -fsanitize=fuzzer (clang only; libclang-rt-14-dev has the runtime).
$(BUILD)/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(BASE_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link,address,undefined $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_HDRS) $(FUZZ_OBJS)
	clang $(BASE_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer,address,undefined $(CFLAGS) $(PKG_CFLAGS) \
	  -o $@ $< $(FUZZ_OBJS) $(PKG_LIBS)

$(BUILD)/san/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c $(FUZZ_HDRS) $(SAN_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(SAN_CFLAGS) $(CFLAGS) $(PKG_CFLAGS) -DFUZZ_CORPUS='"tests/fuzz/corpus/$*"' \
	  -o $@ $< tests/fuzz/driver.c $(SAN_OBJS) $(PKG_LIBS)

deps:
	@sh tests/tools/deps.sh $(DEB_PACKAGES)

fonts:
	@sh fonts/fetch.sh

run: deps fonts
	@$(MAKE) --no-print-directory run-units

run-units: juesuan
	@set -e; for u in input/*/; do \
	  [ -f "$$u/unit.yaml" ] || continue; \
	  echo "juesuan build $${u%/}"; ./juesuan build "$${u%/}" -o output; \
	done

test: deps fonts
	@$(MAKE) --no-print-directory test-run

# Everything under the sanitizers; the release binary (gcc) and a clang build
# are made too, so that warnings under both compilers and flag sets are caught.
test-run: juesuan $(BUILD)/clang/juesuan $(BUILD)/O0/juesuan $(BUILD)/san/juesuan $(TEST_BINS) $(CORPUS_BINS)
	@BUILD=$(BUILD) sh tests/run.sh

# Each harness for FUZZ_SECONDS (default 60): new inputs go to
# BUILD/fuzz/corpus/NAME, crashes to BUILD/fuzz/artifacts/; the seeds in
# tests/fuzz/corpus/NAME are read, never written. A finding stops the run.
fuzz: deps fonts
	@$(MAKE) --no-print-directory fuzz-run

fuzz-build: $(FUZZ_BINS)

fuzz-run: $(FUZZ_BINS)
	@set -e; for n in $(FUZZ_NAMES); do \
	  mkdir -p $(BUILD)/fuzz/corpus/$$n $(BUILD)/fuzz/artifacts $(BUILD)/fuzz/tmp; \
	  dict=; [ -f tests/fuzz/$$n.dict ] && dict=-dict=tests/fuzz/$$n.dict; \
	  echo "fuzz_$$n: $(FUZZ_SECONDS) s"; \
	  TMPDIR=$(abspath $(BUILD))/fuzz/tmp $(BUILD)/fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $$dict \
	    -artifact_prefix=$(BUILD)/fuzz/artifacts/$$n- $(BUILD)/fuzz/corpus/$$n tests/fuzz/corpus/$$n; \
	done

# The example build with the release binary (no sanitizers) under valgrind:
# any invalid read or write, use of uninitialised memory, or leak fails.
# tests/run.sh runs the same script with the other end-to-end tests.
valgrind: deps fonts
	@$(MAKE) --no-print-directory valgrind-run

valgrind-run: juesuan
	@sh tests/e2e/test_valgrind.sh

# The slow tests (tests/slow/): LibreOffice prints the workbook (large: not in
# `make deps`). `make deps-slow` installs it, `make test-slow` runs them.
SLOW_PACKAGES := libreoffice-calc-nogui fonts-crosextra-carlito
deps-slow: deps
	@sh tests/tools/deps.sh $(SLOW_PACKAGES)

test-slow: deps-slow fonts
	@$(MAKE) --no-print-directory juesuan
	@for t in tests/slow/test_*.sh; do echo "== $$t"; sh "$$t" || exit 1; done

# The mustache spec (../shared/conformance/mustache-spec/*.json) on its own.
mustache-spec: $(BUILD)/san/tests/test_mustache
	$(BUILD)/san/tests/test_mustache

# make bench pairs each build with one of the recorded base commit (main
# before issue 14: libharu's own fonts and text), built from that commit's
# tree into BUILD/bench-base-COMMIT (its own templates and example).
BENCH_BASE ?= b9b10f1
BENCH_BASE_DIR = $(BUILD)/bench-base-$(BENCH_BASE)

bench: deps fonts
	@$(MAKE) --no-print-directory juesuan
	@$(MAKE) --no-print-directory $(BENCH_BASE_DIR)/juesuan || echo "make bench: cannot build $(BENCH_BASE): no ratio"
	@BENCH_BASE_DIR=$(BENCH_BASE_DIR) BENCH_BIG=$(BUILD)/bench/leshan-x10 sh tests/tools/bench.sh
	@BENCH_BASE_DIR=$(BENCH_BASE_DIR) BENCH_DIR=$(BUILD)/bench sh tests/tools/bench_batch.sh

# Only the batch figures of make bench (100 and 1,000 generated units, -j 2).
bench-batch: deps fonts
	@$(MAKE) --no-print-directory juesuan
	@BENCH_DIR=$(BUILD)/bench sh tests/tools/bench_batch.sh

$(BENCH_BASE_DIR)/juesuan:
	rm -rf $(BENCH_BASE_DIR) && mkdir -p $(BENCH_BASE_DIR)
	git archive $(BENCH_BASE) | tar -x -C $(BENCH_BASE_DIR)
	ln -sf $(abspath $(wildcard fonts/*.ttf)) $(BENCH_BASE_DIR)/fonts/
	$(MAKE) -C $(BENCH_BASE_DIR) --no-print-directory BUILD=build juesuan

clean:
	rm -rf $(BUILD) juesuan

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
