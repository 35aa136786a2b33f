# digikomp — build, test and install.
#
# Every library comes through pkg-config; `make deps` installs the Debian
# packages that are missing (and nothing when all are present).  Objects go to
# $(BUILD)/ so that a sanitizer build (build-asan/) can sit beside the normal one.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
BUILD     ?= build
BINDIR     = $(PREFIX)/bin
MODULEDIR  = $(PREFIX)/lib/digikomp
DATADIR    = $(PREFIX)/share
LOCALEDIR  = $(DATADIR)/locale
MANDIR     = $(DATADIR)/man
COMPLETIONDIR = $(DATADIR)/bash-completion/completions

# The program links only what every command needs; the exporters' module
# (exporters/, core/exporters.h) links the heavy writers' libraries, the XML
# readers' module (xml/, core/xml-readers.h) libxml2, the web interface's
# module (web/, web/web.h) libmicrohttpd and libsodium.
PKGS      := glib-2.0 gmodule-no-export-2.0 sqlite3
EXPORT_PKGS := xlsxwriter cairo pangocairo libical json-glib-1.0 sqlite3
XML_PKGS  := libxml-2.0
WEB_PKGS  := libmicrohttpd libsodium gio-2.0
TEST_PKGS := cmocka

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(EXPORT_PKGS) $(XML_PKGS) $(WEB_PKGS) 2>/dev/null)
# SQLite is linked into the program (Debian's libsqlite3.a): a conversation
# view starts 6 % faster and a report scans 10 % faster than through
# libsqlite3.so (docs/performance.md).  The exporters' module calls the
# program's copy.  `make SQLITE_LINK=shared` links the shared library.
SQLITE_LINK ?= static
ifeq ($(SQLITE_LINK),static)
SQLITE_LIBS := -Wl,-Bstatic $(shell pkg-config --libs sqlite3 2>/dev/null) -Wl,-Bdynamic
else
SQLITE_LIBS := $(shell pkg-config --libs sqlite3 2>/dev/null)
endif
PKG_LIBS   := $(shell pkg-config --libs glib-2.0 gmodule-no-export-2.0 2>/dev/null) $(SQLITE_LIBS)
EXPORT_LIBS := $(shell pkg-config --libs $(filter-out sqlite3,$(EXPORT_PKGS)) glib-2.0 2>/dev/null)
XML_LIBS   := $(shell pkg-config --libs $(XML_PKGS) glib-2.0 2>/dev/null)
WEB_LIBS   := $(shell pkg-config --libs $(WEB_PKGS) glib-2.0 2>/dev/null)
TEST_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS   = $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)

CC       ?= cc
OPT      ?= -O2 -g
WARN     := -Wall -Wextra -Werror -Wno-missing-field-initializers
CFLAGS   += -std=c11 $(OPT) $(WARN) -D_GNU_SOURCE -I. -Icore -Iimporters \
            -DGETTEXT_PACKAGE=\"digikomp\" -DDK_VERSION=\"$(VERSION)\" \
            -DDK_LOCALEDIR=\"$(LOCALEDIR)\" -DDK_DATADIR=\"$(DATADIR)/digikomp\" \
            -DDK_MODULEDIR=\"$(MODULEDIR)\" \
            -MMD -MP $(PKG_CFLAGS)
LDFLAGS  += -Wl,--as-needed -Wl,-O1
LDLIBS   += $(PKG_LIBS) -lm
# The modules call the program's dk_* functions and its SQLite.
BIN_LDFLAGS := -Wl,--export-dynamic-symbol='dk_*' -Wl,--export-dynamic-symbol='sqlite3_*'

ifeq ($(SAN),fuzz)
CFLAGS  += -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif
ifeq ($(SAN),thread)
CFLAGS  += -fsanitize=thread -fno-omit-frame-pointer
LDFLAGS += -fsanitize=thread
endif
ifeq ($(SAN),1)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

CORE_SRC := $(wildcard core/*.c)
IMP_SRC  := $(wildcard importers/*.c)
CLI_SRC  := $(wildcard cli/*.c)
SCHEMAS  := frameworks/framework.rng frameworks/catalogue.rng
GEN_SRC  := $(BUILD)/gen/schemas.c
LIB_OBJ  := $(patsubst %.c,$(BUILD)/obj/%.o,$(CORE_SRC) $(IMP_SRC))
CLI_OBJ  := $(patsubst %.c,$(BUILD)/obj/%.o,$(CLI_SRC))
LIB      := $(BUILD)/libdigikomp.a
BIN      := $(BUILD)/digikomp
EXPORT_SRC := $(wildcard exporters/*.c)
EXPORT_OBJ := $(patsubst %.c,$(BUILD)/obj-pic/%.o,$(EXPORT_SRC))
MODULE   := $(BUILD)/digikomp-export.so
XML_SRC  := $(wildcard xml/*.c)
XML_OBJ  := $(patsubst %.c,$(BUILD)/obj-pic/%.o,$(XML_SRC)) $(BUILD)/obj-pic/gen/schemas.o
XML_MODULE := $(BUILD)/digikomp-xml.so
WEB_SRC  := $(wildcard web/*.c)
WEB_GEN  := $(BUILD)/gen/web-resources.c
# core/access.c goes into the module: no command calls it.
WEB_OBJ  := $(patsubst %.c,$(BUILD)/obj-pic/%.o,$(WEB_SRC) core/access.c) $(BUILD)/obj-pic/gen/web-resources.o
WEB_MODULE := $(BUILD)/digikomp-web.so
MODULES  := $(MODULE) $(XML_MODULE) $(WEB_MODULE)

TEST_SUPPORT_SRC := $(wildcard tests/unit/support/*.c)
TEST_SUPPORT_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(TEST_SUPPORT_SRC))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

MO_FILES := $(patsubst po/%.po,$(BUILD)/locale/%/LC_MESSAGES/digikomp.mo,$(wildcard po/*.po))

.PHONY: all deps deps-bench deps-fuzz deps-valgrind deps-tsan deps-web-test demo check check-unit check-cli check-disclosure \
        check-web screenshots check-asan \
        check-valgrind check-tsan tsan-run \
        bench bench-web fuzz fuzz-run pot install uninstall clean

MAN      := docs/digikomp.1

all: $(BIN) $(MODULES) $(MO_FILES) $(MAN)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -c -o $@ $<

# The RELAX NG schemas, compiled into the XML readers' module as C strings
# so that validation does not depend on where the program runs from.
$(GEN_SRC): $(SCHEMAS) build-aux/embed.sh
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	@sh build-aux/embed.sh $(SCHEMAS) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj-pic/gen/schemas.o: $(GEN_SRC)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -fPIC -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  AR      $@"
	@rm -f $@ && ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) $(BIN_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/obj-pic/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -fPIC -c -o $@ $<

# The web pages' stylesheet, compiled into the web module (GResource).
$(WEB_GEN): web/web.gresource.xml web/style.css
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	@glib-compile-resources --sourcedir=web --generate-source --target=$@ web/web.gresource.xml

$(BUILD)/obj-pic/gen/web-resources.o: $(WEB_GEN)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -Wno-overlength-strings -fPIC -c -o $@ $<

$(WEB_MODULE): $(WEB_OBJ)
	$(CC) $(LDFLAGS) -shared -o $@ $(WEB_OBJ) $(WEB_LIBS)

$(MODULE): $(EXPORT_OBJ)
	$(CC) $(LDFLAGS) -shared -o $@ $(EXPORT_OBJ) $(EXPORT_LIBS)

$(XML_MODULE): $(XML_OBJ)
	$(CC) $(LDFLAGS) -shared -o $@ $(XML_OBJ) $(XML_LIBS)

$(BUILD)/obj/tests/%.o: CFLAGS += $(TEST_CFLAGS) -Itests/unit/support -DDK_SRCDIR=\"$(CURDIR)\" \
                                   -DDK_TEST_LOCALEDIR=\"$(abspath $(BUILD))/locale\"

# The unit tests link the XML readers' objects in: their scratch stores
# register a framework.
$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(TEST_SUPPORT_OBJ) $(XML_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< $(TEST_SUPPORT_OBJ) $(TEST_LINK) $(XML_OBJ) $(LIB) $(LDLIBS) $(XML_LIBS) $(TEST_LIBS)

# Tests of messages in a language read the build's catalogues.
$(UNIT_BIN): | $(MO_FILES)

# The disclosure checkers (tests/check/disclosure.c for the gap reports,
# count-disclosure.c for coverage, goals and participation): in-process,
# not under the sanitizers or valgrind (they ask for tens of thousands of
# reports).  `make check` builds them always and runs them unless
# DK_DISCLOSURE=0.
DISCLOSURE_BIN := $(BUILD)/tests/check/disclosure
DK_DISCLOSURE ?= 1
COUNT_DISCLOSURE_BIN := $(BUILD)/tests/check/count-disclosure
CHECK_SUPPORT_OBJ := $(BUILD)/obj/tests/check/check-support.o
$(DISCLOSURE_BIN) $(COUNT_DISCLOSURE_BIN): $(BUILD)/tests/check/%: $(BUILD)/obj/tests/check/%.o $(CHECK_SUPPORT_OBJ) \
                                           $(TEST_SUPPORT_OBJ) $(XML_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< $(CHECK_SUPPORT_OBJ) $(TEST_SUPPORT_OBJ) $(XML_OBJ) $(LIB) $(LDLIBS) $(XML_LIBS) \
	  $(TEST_LIBS)

check-disclosure: $(DISCLOSURE_BIN) $(COUNT_DISCLOSURE_BIN)
	@echo "== $(COUNT_DISCLOSURE_BIN)"; $(COUNT_DISCLOSURE_BIN)
	@echo "== $(DISCLOSURE_BIN)"; $(DISCLOSURE_BIN)

# The CLI tests compare rendered pages with reference images through it.
$(BUILD)/tests/pngdiff: tests/tools/pngdiff.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) -std=c11 $(OPT) $(WARN) $(shell pkg-config --cflags cairo) -o $@ $< $(shell pkg-config --libs cairo)

# The ThreadSanitizer test (tests/tsan/): core, the readers and the
# exporters linked in, as in test_store.
TSAN_BIN := $(BUILD)/tests/tsan/test_threads
$(TSAN_BIN): $(BUILD)/obj/tests/tsan/test_threads.o $(TEST_SUPPORT_OBJ) $(XML_OBJ) $(EXPORT_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< $(TEST_SUPPORT_OBJ) $(EXPORT_OBJ) $(EXPORT_LIBS) $(XML_OBJ) $(LIB) $(LDLIBS) \
	  $(XML_LIBS) $(TEST_LIBS)

# test_report_model writes XLSX with the exporters linked in (core/exporters.c).
$(BUILD)/tests/test_report_model: $(EXPORT_OBJ)
$(BUILD)/tests/test_report_model: TEST_LINK = $(EXPORT_OBJ) $(EXPORT_LIBS)
# test_store interrupts the person export (JSON, in the exporters).
$(BUILD)/tests/test_store: $(EXPORT_OBJ)
$(BUILD)/tests/test_store: TEST_LINK = $(EXPORT_OBJ) $(EXPORT_LIBS)

# The man page: the prose of docs/digikomp.1.in around the binary's own help
# (build-aux/man.sh).  It goes beside its source so that `man ./docs/digikomp.1`
# works in the tree; it is not kept in git.
$(MAN): docs/digikomp.1.in build-aux/man.sh $(BIN)
	@echo "  MAN     $@"
	@sh build-aux/man.sh $(BIN) docs/digikomp.1.in $(VERSION) $(DATADIR) > $@.tmp && mv $@.tmp $@

# ---- translations: English in the sources, po/LANG.po for the others ------

$(BUILD)/locale/%/LC_MESSAGES/digikomp.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# Regenerates po/digikomp.pot from the sources and merges it into each po/*.po.
pot:
	xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=T_:2 --keyword=T --keyword=S_ \
	  --keyword=L_ --keyword=ngettext:1,2 --keyword=dk_ngettext:2,3 --keyword=C_:1c,2 --keyword=NC_:1c,2 \
	  --package-name=digikomp --package-version=$(VERSION) --add-comments=TRANSLATORS \
	  -o po/digikomp.pot $(sort $(CORE_SRC) $(IMP_SRC) $(CLI_SRC) $(EXPORT_SRC) $(XML_SRC) $(WEB_SRC))
	for po in po/*.po; do msgmerge --quiet --update --backup=none $$po po/digikomp.pot; done

# ---- dependencies: build-aux/deps.sh lists them -----------------------------

# What the program and its tests need: Debian's packages that are missing,
# and axe-core into the build as the lockfile pins it.
deps:
	@sh build-aux/deps.sh core web-test
	@$(MAKE) --no-print-directory $(AXE)

deps-bench:
	@sh build-aux/deps.sh bench

deps-fuzz:
	@sh build-aux/deps.sh fuzz

deps-valgrind:
	@sh build-aux/deps.sh valgrind

deps-tsan:
	@sh build-aux/deps.sh tsan

deps-web-test:
	@sh build-aux/deps.sh web-test

# axe-core for the browser tests, as tests/web/package-lock.json pins it,
# installed into $(BUILD)/node/ with npm ci: again only when the lockfile changes.
NODE_DIR := $(BUILD)/node
AXE      := $(NODE_DIR)/node_modules/axe-core/axe.min.js

$(AXE): tests/web/package.json tests/web/package-lock.json | deps-web-test
	@mkdir -p $(NODE_DIR)
	@echo "  NPM     $(NODE_DIR)"
	@cp tests/web/package.json tests/web/package-lock.json $(NODE_DIR)/
	@cd $(NODE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@test -s $@ && touch $@

# ---- the README's two commands ----------------------------------------------

demo: deps
	@$(MAKE) --no-print-directory all
	@BIN=$(BIN) sh examples/demo.sh

check: deps
	@$(MAKE) --no-print-directory check-unit check-cli $(DISCLOSURE_BIN) $(COUNT_DISCLOSURE_BIN) \
	  $(if $(filter 1,$(DK_DISCLOSURE)),check-disclosure)
	@$(MAKE) --no-print-directory check-web

check-unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

check-cli: $(BIN) $(MODULES) $(MO_FILES) $(BUILD)/bench/gen $(BUILD)/tests/pngdiff
	@sh tests/cli/run.sh $(BIN)

# The browser tests (tests/web/t_*.py): the pages in headless Chromium, with
# Debian's Python (its selenium), through tests/cli/run.sh: "web: N passed, N failed".
check-web: deps-web-test $(BIN) $(MODULES) $(MO_FILES) $(AXE)
	@DK_SUITE=web AXE_JS=$(CURDIR)/$(AXE) sh tests/cli/run.sh $(BIN)

# The same tests, saving what the pages look like at 1280 and 320 px into docs/images/.
screenshots: deps-web-test $(BIN) $(MODULES) $(MO_FILES) $(AXE)
	@DK_SCREENSHOTS=1 DK_SUITE=web AXE_JS=$(CURDIR)/$(AXE) sh tests/cli/run.sh $(BIN)

check-asan: deps
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  $(MAKE) --no-print-directory BUILD=build-asan SAN=1 OPT="-O1 -g" check-unit check-cli

# The CLI tests with every digikomp process under valgrind (tests/valgrind/):
# build/digikomp-valgrind stands in for the binary, each process logs to
# $(BUILD)/valgrind-logs/PID.log, and any non-empty log (an error or a
# definite leak) fails the check.  DK_PROGRAM names the program itself, for
# the tests that copy it.
VG_WRAP := $(BUILD)/digikomp-valgrind
VG_LOGS := $(BUILD)/valgrind-logs

check-valgrind: deps deps-valgrind
	@$(MAKE) --no-print-directory $(BIN) $(MODULES) $(MO_FILES) $(BUILD)/bench/gen $(BUILD)/tests/pngdiff
	@printf '#!/bin/sh\nexec sh "%s/tests/valgrind/wrap.sh" "%s/$(BIN)" "$$@"\n' \
	  "$(CURDIR)" "$(CURDIR)" > $(VG_WRAP) && chmod +x $(VG_WRAP)
	@rm -rf $(VG_LOGS) && mkdir -p $(VG_LOGS)
	@DK_PROGRAM=$(CURDIR)/$(BIN) DK_VALGRIND_LOGS=$(CURDIR)/$(VG_LOGS) sh tests/cli/run.sh $(VG_WRAP)
	@n=$$(ls $(VG_LOGS) | wc -l); bad=$$(find $(VG_LOGS) -name '*.log' -size +0c); \
	  if [ -n "$$bad" ]; then cat $$bad; echo "valgrind: errors or definite leaks in $$(echo $$bad | wc -w) of $$n processes"; exit 1; fi; \
	  echo "valgrind: $$n processes, no errors, no definite leaks"

# The unit tests and the threads' test (tests/tsan/test_threads.c) built
# with ThreadSanitizer (clang): any data race or lock-order inversion in
# core/, the readers or the exporters fails the check.  Debian's GLib,
# SQLite and the writers' libraries are not instrumented; tests/tsan.supp
# holds the few suppressions for GLib's own internals, each explained.
# G_SLICE=always-malloc: GLib 2.74's slice allocator hands blocks between
# threads through its own magazines, which ThreadSanitizer cannot follow;
# with malloc it can.
check-tsan: deps deps-tsan
	@G_SLICE=always-malloc TSAN_OPTIONS="suppressions=$(CURDIR)/tests/tsan.supp halt_on_error=1 exitcode=66 $(TSAN_OPTIONS)" \
	  $(MAKE) --no-print-directory BUILD=build-tsan CC=clang SAN=thread OPT="-O1 -g" tsan-run

tsan-run: $(UNIT_BIN) $(TSAN_BIN) $(BUILD)/bench/gen $(MO_FILES)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done
	@echo "== $(TSAN_BIN)"; $(TSAN_BIN) $(BUILD)/bench/gen $(BUILD)/locale

# ---- fuzzing: libFuzzer with ASan and UBSan (clang), a target per reader ------

FUZZ_SRC     := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN     := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZ_SRC))
FUZZ_SECONDS ?= 30

# The targets link the XML readers' objects in (their stores register a framework).
$(BUILD)/fuzz/%: tests/fuzz/%.c $(XML_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	@echo "  FUZZ    $@"
	@$(CC) $(CFLAGS) -DDK_SRCDIR=\"$(CURDIR)\" -fsanitize=fuzzer,address,undefined -o $@ $< $(FUZZ_LINK) \
	  $(XML_OBJ) $(LIB) $(LDLIBS) $(XML_LIBS)

# The web interface's readers (web/parse.h) are linked in by the targets that fuzz them.
WEB_FUZZ := $(BUILD)/fuzz/fuzz_form $(BUILD)/fuzz/fuzz_query $(BUILD)/fuzz/fuzz_cookie
$(WEB_FUZZ): $(BUILD)/obj/web/parse.o
$(WEB_FUZZ): FUZZ_LINK = $(BUILD)/obj/web/parse.o

# Runs each target for FUZZ_SECONDS on its seed corpus (tests/fuzz/corpus/NAME),
# two at a time on two processors (tests/fuzz/run.sh); what it learns stays in
# build-fuzz/corpus.  A crash fails the run with its input saved.
fuzz: deps-fuzz
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang SAN=fuzz OPT="-O1 -g" fuzz-run

fuzz-run: $(FUZZ_BIN)
	@sh tests/fuzz/run.sh $(BUILD) $(FUZZ_SECONDS) $(FUZZ_BIN)

# ---- the benchmark (bench/README.md) ------------------------------------------

$(BUILD)/bench/gen: bench/gen.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) -std=c11 -O2 -Wall -Wextra -Werror -o $@ $<

bench: deps deps-bench
	@$(MAKE) --no-print-directory all $(BUILD)/bench/gen
	@BIN=$(BIN) GEN=$(BUILD)/bench/gen bash bench/run
	@$(MAKE) --no-print-directory bench-web

# the team page under wrk, against nginx serving it as a file (bench/web)
bench-web: deps deps-bench
	@$(MAKE) --no-print-directory all $(BUILD)/bench/gen
	@BIN=$(BIN) GEN=$(BUILD)/bench/gen bash bench/web

# ---- install ----------------------------------------------------------------

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/digikomp/frameworks
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/digikomp
	install -d $(DESTDIR)$(MODULEDIR)
	install -m 0644 $(MODULES) $(DESTDIR)$(MODULEDIR)/
	install -m 0644 frameworks/*.xml frameworks/*.rng $(DESTDIR)$(DATADIR)/digikomp/frameworks/
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(COMPLETIONDIR)
	install -m 0644 $(MAN) $(DESTDIR)$(MANDIR)/man1/digikomp.1
	install -m 0644 completion/digikomp.bash $(DESTDIR)$(COMPLETIONDIR)/digikomp
	for mo in $(MO_FILES); do \
	  lang=$$(basename $$(dirname $$(dirname $$mo))); \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES; \
	  install -m 0644 $$mo $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/digikomp.mo; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/digikomp $(DESTDIR)$(MANDIR)/man1/digikomp.1
	rm -f $(DESTDIR)$(COMPLETIONDIR)/digikomp
	rm -rf $(DESTDIR)$(MODULEDIR)
	rm -rf $(DESTDIR)$(DATADIR)/digikomp
	rm -f $(DESTDIR)$(LOCALEDIR)/*/LC_MESSAGES/digikomp.mo

clean:
	rm -rf build build-asan build-fuzz build-tsan $(MAN)

-include $(shell find $(BUILD)/obj $(BUILD)/obj-pic -name '*.d' 2>/dev/null)
