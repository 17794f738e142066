# bayraq - banners for the #LIBERATECRIMEA demonstrations.
# BUILD: debug | release | asan | tsan.  PKGS: pangoft2 is needed for pango_fc_font_map_set_config.
BUILD ?= debug
OUT   := build/$(BUILD)
VERSION := 0.1.0
PKGS  := cairo cairo-pdf cairo-svg cairo-ft freetype2 pixman-1 pangocairo pangoft2 librsvg-2.0 fontconfig libxml-2.0 json-glib-1.0 zlib gio-2.0 libqpdf poppler-glib libtiff-4 libisal libmicrohttpd icu-uc icu-i18n lcms2
WARN  := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
         -Wvla -Wwrite-strings -Wpointer-arith -Wundef $(if $(filter 0,$(WERROR)),,-Werror)
CFLAGS_debug   := -Og -g3
CFLAGS_release := -O2 -g
CFLAGS_asan    := -O1 -g3 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS_asan   := -fsanitize=address,undefined
CFLAGS_tsan    := -O1 -g3 -fno-omit-frame-pointer -fsanitize=thread
LDFLAGS_tsan   := -fsanitize=thread
# BUILD=fuzz: clang's libFuzzer targets (tests/fuzz/) under ASan and UBSan.
# BUILD=ubsan-clang: the whole suite under clang's UBSan, which also sees
# float-to-integer overflow (gcc's does not) and division by zero.
CLANG_UBSAN    := -fsanitize=undefined,float-divide-by-zero,float-cast-overflow -fno-sanitize-recover=all
CFLAGS_fuzz    := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address $(CLANG_UBSAN)
LDFLAGS_fuzz   := -fsanitize=address $(CLANG_UBSAN)
CFLAGS_ubsan-clang  := -O1 -g3 -fno-omit-frame-pointer $(CLANG_UBSAN)
LDFLAGS_ubsan-clang := $(CLANG_UBSAN)
ifneq ($(filter fuzz ubsan-clang,$(BUILD)),)
CC := clang
endif

# The svg-country-flags package: pinned version and npm integrity hash.
FLAGSET_VERSION   := 1.2.10
FLAGSET_INTEGRITY := sha512-xrqwo0TYf/h2cfPvGpjdSuSguUbri4vNNizBnwzoZnX0xGo3O5nGJMlbYEp7NOYcnPGBm6LE2axqDWSB847bLw==
FLAGSET := build/flags/package
# resvg for `make bench` only (a peer, never a dependency): @resvg/resvg-js
# and its x86_64 Linux (glibc) library, pinned with their npm integrity.
RESVG_VERSION          := 2.6.2
RESVG_INTEGRITY        := sha512-xBaJish5OeGmniDj9cW5PRa/PtmuVU3ziqrbr5xJj901ZDN4TosrVaNZpEiLZAxdfnhAe7uQ7QFWfjPe9d9K2Q==
RESVG_NATIVE_INTEGRITY := sha512-IVUe+ckIerA7xMZ50duAZzwf1U7khQe2E0QpUxu5MBJNao5RqC0zwV/Zm965vw6D3gGFUl7j4m+oJjubBVoftw==

# CMYK output profiles for PDF/X, made by ArgyllCMS from the FOGRA39 and
# GRACoL (CGATS TR 006) characterisation data in Debian's icc-profiles-free.
ICC      := build/icc
ICC_DATA := /usr/share/color/icc
PROFILES := $(ICC)/FOGRA39.icc $(ICC)/GRACoL.icc

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# Libraries a render never calls are modules the program dlopens when
# first used (src/base/module.h), so a render's start-up never pays for
# them: qpdf, poppler and lcms2 (with the nss they pull in) when a PDF is
# finished or preflighted ($(MOD), src/run/pdfmod.h); libmicrohttpd (with
# gnutls) for bayraq serve ($(SERVE_MOD), src/cli/http.h); libtiff for
# -f tiff ($(TIFF_MOD), src/write/tiffmod.h). Tests and tools link
# everything.
MOD_PKGS := libqpdf poppler-glib lcms2 libmicrohttpd libtiff-4
BIN_LIBS := $(shell pkg-config --libs $(filter-out $(MOD_PKGS),$(PKGS)) 2>/dev/null)

CFLAGS  += -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc $(WARN) $(CFLAGS_$(BUILD)) $(PKG_CFLAGS) \
           -DBAYRAQ_VERSION='"$(VERSION)"' $(CPPFLAGS) $(XCFLAGS)
LDFLAGS += $(LDFLAGS_$(BUILD))
LDLIBS  += $(PKG_LIBS) -lgettextpo -lcsv -lpthread -lm

# src/<room>/*.c: the library; src/cli/*.c: the command line.
LIB_SRCS := $(filter-out src/run/pdfmod% src/write/tiffmod%,$(wildcard src/base/*.c src/input/*.c src/layout/*.c src/write/*.c src/run/*.c))
CLI_SRCS := $(filter-out src/cli/http-table.c,$(wildcard src/cli/*.c))
CLI_OBJS := $(CLI_SRCS:src/%.c=$(OUT)/%.o) $(OUT)/cli/web-assets.o
# bayraq serve's page: src/cli/web/*, compiled in as C arrays.
WEB_FILES := $(sort $(wildcard src/cli/web/*))
LIB_OBJS := $(LIB_SRCS:src/%.c=$(OUT)/%.o)
UNIT_SRCS := $(wildcard tests/unit/test-*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(OUT)/tests/%)
# Each fuzz target also builds, with a plain main(), as a replayer of its
# corpus (tests/fuzz/corpus/NAME/): make check runs every saved input.
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz-*.c)
FUZZ_BINS := $(FUZZ_SRCS:tests/fuzz/%.c=$(OUT)/%)
REPLAY_BINS := $(FUZZ_SRCS:tests/fuzz/fuzz-%.c=$(OUT)/tests/replay-%)
TOOL_BINS := $(OUT)/tests/failrename.so $(OUT)/tests/pnginfo $(OUT)/tests/pngcmp $(OUT)/tests/pngcount $(OUT)/tests/pngstitch $(OUT)/tests/tiff2png $(OUT)/tests/runstat $(OUT)/tests/imagepdf $(OUT)/tests/pocaps $(OUT)/tests/cmykde
BIN := $(OUT)/bayraq
# The PDF module: what it holds, built position-independent apart.
MOD := $(OUT)/bayraq-pdf.so
MOD_SRCS := src/run/preflight.c src/write/pdfpost.c src/write/cmyk.c src/write/pdfscan.c src/write/hairline.c \
            src/write/ghostscript.c src/layout/print.c src/base/diag.c src/base/xalloc.c \
            src/run/pdfmod-table.c
MOD_OBJS := $(MOD_SRCS:src/%.c=$(OUT)/pic/%.o)
# The web server's module: libmicrohttpd's entry points, nothing more.
SERVE_MOD := $(OUT)/bayraq-serve.so
SERVE_MOD_OBJS := $(OUT)/pic/cli/http-table.o
# The TIFF module: the encoder on libtiff.
TIFF_MOD := $(OUT)/bayraq-tiff.so
TIFF_MOD_OBJS := $(addprefix $(OUT)/pic/,write/tiffenc.o write/tiffmod-table.o base/diag.o base/xalloc.o)
MODS := $(MOD) $(SERVE_MOD) $(TIFF_MOD)
BIN_OBJS := $(CLI_OBJS) $(filter-out $(OUT)/run/preflight.o $(OUT)/write/pdfpost.o \
              $(OUT)/write/cmyk.o $(OUT)/write/pdfscan.o $(OUT)/write/hairline.o \
              $(OUT)/write/ghostscript.o $(OUT)/write/tiffenc.o,$(LIB_OBJS)) \
            $(OUT)/run/pdfmod.o $(OUT)/write/tiffmod.o

# Tests are pinned: only our fonts, a fixed locale and a fixed date.
# G_SLICE=always-malloc: GLib 2.74's slice magazines pass memory between
# threads under locks the sanitizers cannot see (a GString freed in one
# thread and made in another reads as a race).
TEST_ENV := LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1772064000 XDG_CACHE_HOME=$(CURDIR)/build/cache \
            G_SLICE=always-malloc \
            LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
            ASAN_OPTIONS=detect_leaks=1 BUILD=$(BUILD) \
            TSAN_OPTIONS="suppressions=$(CURDIR)/tests/tsan.supp halt_on_error=1 exitcode=66 report_signal_unsafe=0"

.PHONY: all deps flags demo test-bins check check-threads check-errors refs bench format format-check clean fuzz fuzz-build \
        install uninstall dist man design-pictures pot po

all: $(BIN) $(MODS) $(FLAGSET)/countries.json $(PROFILES) build/bayraq.1
	@ln -sfn $(BUILD)/bayraq build/bayraq

# The man page, from the command table's own help: never out of step.
man: build/bayraq.1
build/bayraq.1: $(BIN) src/pkg/man.sh
	$(Q)sh src/pkg/man.sh $(BIN) $(VERSION) >$@.tmp && mv $@.tmp $@

# make BUILD=release install [PREFIX=/usr/local] [DESTDIR=...]. The program
# finds its data in PREFIX/share/bayraq from where it is, so a DESTDIR tree
# may be moved. Build dependencies and run dependencies: src/deps.sh.
PREFIX  ?= /usr/local
BINDIR   = $(DESTDIR)$(PREFIX)/bin
SHAREDIR = $(DESTDIR)$(PREFIX)/share/bayraq
MANDIR   = $(DESTDIR)$(PREFIX)/share/man/man1
MODDIR   = $(DESTDIR)$(PREFIX)/lib/bayraq
BASHDIR  = $(DESTDIR)$(PREFIX)/share/bash-completion/completions

install: all
	install -d $(BINDIR) $(MODDIR) $(SHAREDIR)/flags $(SHAREDIR)/icc $(SHAREDIR)/fonts $(MANDIR) $(BASHDIR)
	install -m 755 $(BIN) $(BINDIR)/bayraq
	install -m 644 $(MODS) $(MODDIR)/
	cp -R designs locales $(SHAREDIR)/
	cp -R fonts/. $(SHAREDIR)/fonts/
	cp -R $(FLAGSET)/svg $(FLAGSET)/countries.json $(FLAGSET)/package.json $(SHAREDIR)/flags/
	install -m 644 $(PROFILES) $(SHAREDIR)/icc/
	install -m 644 build/bayraq.1 $(MANDIR)/bayraq.1
	install -m 644 src/pkg/bayraq.bash $(BASHDIR)/bayraq

uninstall:
	rm -rf $(SHAREDIR) $(MODDIR)
	rm -f $(BINDIR)/bayraq $(MANDIR)/bayraq.1 $(BASHDIR)/bayraq

# bayraq-VERSION.tar.gz: the tracked files plus the flag set (public domain,
# the pinned version whose hash the build checked), so that a build from the
# tarball needs no network and no node; and debian/ from src/pkg/debian, for
# dpkg-buildpackage -us -uc -b in the unpacked tarball.
DIST := bayraq-$(VERSION)
dist: $(FLAGSET)/countries.json
	@rm -rf build/dist && mkdir -p build/dist/$(DIST)/build/flags
	git archive --format=tar HEAD | tar -x -C build/dist/$(DIST)
	cp -R $(FLAGSET) build/dist/$(DIST)/build/flags/
	cp -R src/pkg/debian build/dist/$(DIST)/debian
	printf 'svg-country-flags %s %s\n' $(FLAGSET_VERSION) $(FLAGSET_INTEGRITY) \
		>build/dist/$(DIST)/build/flags/VENDORED
	tar -C build/dist -czf build/$(DIST).tar.gz $(DIST)
	@echo "  DIST    build/$(DIST).tar.gz"

deps:
	@sh src/deps.sh

flags: $(FLAGSET)/countries.json

# A release tarball carries the set (build/flags/VENDORED): no npm then.
$(FLAGSET)/countries.json:
	@sh src/fetch-flags.sh $(FLAGSET_VERSION) $(FLAGSET_INTEGRITY) build/flags

build/resvg/.ok:
	@sh tests/bench/fetch-resvg.sh $(RESVG_VERSION) $(RESVG_INTEGRITY) $(RESVG_NATIVE_INTEGRITY) build/resvg
	@touch $@

# src/pkg/icc.sh: ink-limited (300% FOGRA39, 320% GRACoL, as the trade's
# profiles for these conditions), a perceptual table mapped from sRGB, a
# fixed date: the same bytes from every build. About a minute of CPU each.
$(ICC)/FOGRA39.icc: ICC_TI3 := FOGRA39L.ti3
$(ICC)/FOGRA39.icc: ICC_TAC := 300
$(ICC)/FOGRA39.icc: ICC_DESC := Coated FOGRA39 300% (bayraq, ArgyllCMS colprof)
$(ICC)/GRACoL.icc: ICC_TI3 := TR006.ti3
$(ICC)/GRACoL.icc: ICC_TAC := 320
$(ICC)/GRACoL.icc: ICC_DESC := GRACoL 2006 Coated 1 320% (bayraq, ArgyllCMS colprof)
$(PROFILES): src/pkg/icc.sh
	@mkdir -p $(ICC)
	@echo "  ICC     $@ (from $(ICC_DATA)/$(ICC_TI3), $(ICC_TAC)% ink)"
	$(Q)sh src/pkg/icc.sh $(ICC_DATA)/$(ICC_TI3) $(ICC_TAC) "$(ICC_DESC)" $@

$(OUT) $(OUT)/tests:
	@mkdir -p $@

# V=1 shows the whole command lines.
Q := $(if $(V),,@)

$(OUT)/%.o: src/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(OUT)/cli/web-assets.c: $(WEB_FILES) src/cli/web-embed.sh
	@mkdir -p $(@D)
	$(Q)sh src/cli/web-embed.sh $(WEB_FILES) >$@.tmp && mv $@.tmp $@

$(OUT)/cli/web-assets.o: $(OUT)/cli/web-assets.c
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(BIN): $(BIN_OBJS)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(BIN_LIBS) $(filter-out $(PKG_LIBS),$(LDLIBS)) -ldl

$(OUT)/pic/%.o: src/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $< (module)")
	$(Q)$(CC) $(CFLAGS) -fPIC -MMD -MP -c -o $@ $<

# Each module exports its table only (its .map) and needs only its own
# libraries (--as-needed drops the others of LDLIBS), and libc even when
# it calls nothing of it (bayraq-serve.so): Debian's policy (lintian's
# library-not-linked-against-libc).
$(MOD): $(MOD_OBJS) src/run/pdfmod.map
$(SERVE_MOD): $(SERVE_MOD_OBJS) src/cli/http.map
$(TIFF_MOD): $(TIFF_MOD_OBJS) src/write/tiffmod.map
$(MODS):
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) -shared $(LDFLAGS) -Wl,--version-script=$(filter %.map,$^) -Wl,--as-needed \
		-o $@ $(filter %.o,$^) $(LDLIBS) -Wl,--no-as-needed -lc

$(OUT)/tests/%: tests/unit/%.c $(LIB_OBJS) tests/unit/check.h | $(OUT)/tests
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(LDLIBS) -lpng

# Bench tools (make bench): the warm preview on the library, the PNG floor.
$(OUT)/tests/bench-warm: tests/bench/warm.c $(LIB_OBJS) | $(OUT)/tests
	@$(if $(Q),echo "  TOOL    $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(LDLIBS)

$(OUT)/tests/bench-floor: tests/bench/floor.c | $(OUT)/tests
	@$(if $(Q),echo "  TOOL    $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(LDFLAGS) $(LDLIBS)

# A shim for LD_PRELOAD; never sanitized: it loads before the runtime.
$(OUT)/tests/failrename.so: tests/tools/failrename.c | $(OUT)/tests
	$(Q)$(CC) -shared -fPIC -O2 -Wall -Wextra -Werror -o $@ $< -ldl

# Capitals as the renderer makes them: built on the library itself.
$(OUT)/tests/pocaps: tests/tools/pocaps.c $(LIB_OBJS) | $(OUT)/tests
	@$(if $(Q),echo "  TOOL    $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(LDLIBS)

$(filter-out %.so $(OUT)/tests/pocaps,$(TOOL_BINS)): $(OUT)/tests/%: tests/tools/%.c tests/tools/pngread.h | $(OUT)/tests
	@$(if $(Q),echo "  TOOL    $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(LDFLAGS) $(LDLIBS) -lpng -ltiff

FUZZ_C := tests/fuzz/fuzz.c tests/fuzz/fuzz.h
$(REPLAY_BINS): $(OUT)/tests/replay-%: tests/fuzz/fuzz-%.c tests/fuzz/replay.c $(FUZZ_C) $(LIB_OBJS) | $(OUT)/tests
	@$(if $(Q),echo "  TOOL    $@")
	$(Q)$(CC) $(CFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/replay.c tests/fuzz/fuzz.c $(LIB_OBJS) $(LDFLAGS) $(LDLIBS)

$(OUT)/fuzz-%: tests/fuzz/fuzz-%.c $(FUZZ_C) $(LIB_OBJS)
	@$(if $(Q),echo "  FUZZ    $@")
	$(Q)$(CC) $(CFLAGS) -Itests/fuzz -fsanitize=fuzzer -o $@ $< tests/fuzz/fuzz.c $(LIB_OBJS) $(LDFLAGS) $(LDLIBS)

# make fuzz [FUZZ_SECONDS=60]: each target for that long, from its seed
# corpus (copied: new inputs stay in build/), crashes in build/fuzz/crashes.
FUZZ_SECONDS ?= 60
fuzz:
	@$(MAKE) --no-print-directory BUILD=fuzz fuzz-build
	@$(TEST_ENV) sh tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS)

fuzz-build: $(FUZZ_BINS) $(FLAGSET)/countries.json

demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	@sh src/demo.sh build/bayraq out
	@echo "Banners are in out/. Open out/*.png, or send out/*.pdf to a print shop."

# Everything a test run needs, built apart: CI builds each sanitizer's
# before it runs their suites side by side.
test-bins: all $(UNIT_BINS) $(TOOL_BINS) $(REPLAY_BINS)

check: test-bins
	@$(TEST_ENV) sh tests/run.sh $(OUT)

# The tests that run threads (raster bands, batch rows), for BUILD=tsan:
# the whole suite under ThreadSanitizer would take too long.
# Not test_wider_than_cairo: its bands are the same threads on a page of
# 418 megapixels, which the tools that check it took 28 minutes to read
# under TSan; test_threads_same_bytes and test_bands_* hold the threads.
check-threads: test-bins
	@$(TEST_ENV) ONLY='test-raster|test_batch|test_threads|test_bands|test_tiff|test_serve_preview|test_serve_busy' sh tests/run.sh $(OUT)

# The unit tests and every error path (tests/e2e/errors.sh, commands.sh,
# hardening.sh with the fuzz corpora), for BUILD=ubsan-clang in CI.
ERROR_TESTS = $(shell sed -n 's/^\(test_[a-z0-9_]*\)().*/\1/p' tests/e2e/errors.sh tests/e2e/commands.sh tests/e2e/hardening.sh | paste -sd'|')
check-errors: test-bins
	@$(TEST_ENV) ONLY='^test-|$(ERROR_TESTS)' sh tests/run.sh $(OUT)

# Benchmarks compare bayraq with the other ways to do the same, in one run.
# The other tools are fetched or installed when missing; one that is still
# missing gets a row that says so.
bench:
	@$(MAKE) --no-print-directory BUILD=release all build/release/tests/runstat build/release/tests/pngcmp
	@sh src/deps.sh bench || true
	@$(MAKE) --no-print-directory build/resvg/.ok || true
	@LC_ALL=C.UTF-8 XDG_CACHE_HOME=$(CURDIR)/build/cache sh tests/bench/run.sh build/release
	@LC_ALL=C.UTF-8 XDG_CACHE_HOME=$(CURDIR)/build/cache sh tests/bench/serve.sh build/release
	@$(MAKE) --no-print-directory BUILD=release build/release/tests/bench-warm build/release/tests/bench-floor && LC_ALL=C.UTF-8 XDG_CACHE_HOME=$(CURDIR)/build/cache sh tests/bench/preview.sh build/release

# The pictures of designs/README.md, from real renders and proofs.
design-pictures: all
	@sh src/design-pictures.sh $(BIN)

# The translators' template, from locales/en.po and the designs' text
# slots; then each language merged with it (en.po is the source: not merged).
pot: $(BIN)
	$(BIN) pot locales/bayraq.pot.new
	msgcat --no-wrap -o locales/bayraq.pot locales/bayraq.pot.new && rm locales/bayraq.pot.new

po: pot
	@for po in locales/*.po; do \
		[ "$$po" = locales/en.po ] && continue; \
		msgmerge --quiet --no-wrap --previous --update --backup=none "$$po" locales/bayraq.pot || exit 1; \
		msgfmt -c -o /dev/null "$$po" || exit 1; \
	done

refs: all $(TOOL_BINS)
	@$(TEST_ENV) sh tests/ref/update.sh $(OUT)

FORMAT_FILES = src/*/*.c src/*/*.h tests/unit/*.c tests/unit/*.h tests/tools/*.c tests/tools/*.h \
               tests/fuzz/*.c tests/fuzz/*.h

format:
	clang-format -i $(FORMAT_FILES)

format-check:
	clang-format --dry-run -Werror $(FORMAT_FILES)

clean:
	rm -rf build/debug build/release build/asan build/tsan build/fuzz build/ubsan-clang build/test

-include $(LIB_OBJS:.o=.d) $(CLI_OBJS:.o=.d) $(MOD_OBJS:.o=.d) $(SERVE_MOD_OBJS:.o=.d) $(TIFF_MOD_OBJS:.o=.d) \
         $(OUT)/run/pdfmod.d $(OUT)/write/tiffmod.d
