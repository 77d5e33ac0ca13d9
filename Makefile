# juesuan — build, test and run.
#   make deps    install the Debian 12 packages (root; apt-get update once)
#   make fonts   fetch the default Noto Serif SC / Noto Sans SC fonts, verify SHA-256
#   make         build ./juesuan (warnings are errors; CC=clang works too)
#   make run     deps + fonts + build + build every unit under input/ into output/
#   make test    deps + fonts + build + every test, under ASan and UBSan
#   make bench   time the example build (a benchmark, not a test)
#   make mustache-spec   run the mustache spec files against gen/template

CC ?= cc
# Where objects and test binaries go (several checkouts or people can build
# side by side with BUILD=/some/dir).
BUILD ?= build
PKGS := freetype2 xlsxwriter libfyaml
DEB_PACKAGES := build-essential clang pkg-config libhpdf-dev libfreetype-dev \
  libxlsxwriter-dev libfyaml-dev libcmocka-dev poppler-utils qpdf mupdf-tools \
  python3 python3-openpyxl nodejs:node npm:npm ca-certificates
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
TEST_SRCS := $(sort $(wildcard tests/unit/test_*.c))
TEST_BINS := $(TEST_SRCS:tests/unit/%.c=$(BUILD)/san/tests/%)

.PHONY: all deps fonts run run-units test test-run mustache-spec bench clean
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

$(BUILD)/san/juesuan: $(SAN_OBJS) $(BUILD)/san/gen/cli/main.o
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/san/tests/%: tests/unit/%.c tests/unit/test_util.h $(SAN_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(SAN_CFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(shell pkg-config --cflags cmocka) \
	  -o $@ $< $(SAN_OBJS) $(PKG_LIBS) $(shell pkg-config --libs cmocka)

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
test-run: juesuan $(BUILD)/clang/juesuan $(BUILD)/san/juesuan $(TEST_BINS)
	@BUILD=$(BUILD) sh tests/run.sh

# The mustache spec (../shared/conformance/mustache-spec/*.json) on its own.
mustache-spec: $(BUILD)/san/tests/test_mustache
	$(BUILD)/san/tests/test_mustache

bench: deps fonts
	@$(MAKE) --no-print-directory juesuan
	@sh tests/tools/bench.sh

clean:
	rm -rf $(BUILD) juesuan

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
