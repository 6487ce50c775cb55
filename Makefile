# vanban - Markdown + YAML to Decree 30 documents (DOCX, PDF).
#
#   make demo   install missing Debian packages, build, render content/ to out/
#   make test   install missing Debian packages, build with ASan+UBSan, run all tests
#   make        build ./vanban (release)
#   make bench  compare speed and memory with pandoc and LibreOffice

# The core (parser, model, DOCX) and the PDF plugin link different
# libraries: a DOCX-only run never loads Pango, Cairo or qpdf.
CORE_PKGS := libcmark-gfm yaml-0.1 icu-uc icu-i18n libxml-2.0 libzip
PDF_PKGS := pangocairo pangoft2 fontconfig cairo-pdf libqpdf
# "vanban serve" is a plugin too (vanban-serve.so): only it loads
# libmicrohttpd (and the GnuTLS it links) and libpng for the preview.
SERVE_PKGS := libmicrohttpd libpng glib-2.0
PKGS := $(CORE_PKGS) $(PDF_PKGS) $(SERVE_PKGS)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
CORE_LIBS = $(shell pkg-config --libs $(CORE_PKGS) 2>/dev/null) -lm
PDF_LIBS = $(shell pkg-config --libs $(PDF_PKGS) 2>/dev/null) -lm
SERVE_LIBS = $(shell pkg-config --libs $(SERVE_PKGS) 2>/dev/null) -lpthread

CC ?= cc
# Parallel jobs for the builds made by "make demo" and "make test".
NPROC := $(shell nproc 2>/dev/null || echo 2)
PREFIX ?= /usr/local
WARN := -std=c11 -Wall -Wextra -Werror -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Isrc \
	-DVB_DATADIR=\"$(PREFIX)/share/vanban\" -DVB_LIBDIR=\"$(PREFIX)/lib/vanban\" -fPIC
OPT ?= -O2 -g
SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer

# One folder per stage: base/ (memory, text, diagnostics, output), parse/
# (front matter, body), model/ (the document), sheet/ (spreadsheets and
# tables), check/ (lints, convert), docx/ and pdf/ (renderers), cli/.
STAGES := base parse model sheet check docx new import
PDF_SRC := $(wildcard src/pdf/*.c)
CORE_SRC := $(foreach d,$(STAGES),$(wildcard src/$(d)/*.c)) src/cli/plugin.c \
	src/cli/apart.c src/cli/cmd_new.c src/cli/cmd_import.c src/cli/cmd_serve.c
SERVE_SRC := $(wildcard src/serve/*.c)
SERVE_PAGE := $(wildcard src/serve/page/*)
LIB_SRC := $(CORE_SRC) $(PDF_SRC)
TEMPLATES := $(shell find templates -type f 2>/dev/null)
HEADERS := $(wildcard src/*/*.h)

REL_OBJ := $(CORE_SRC:%.c=build/rel/%.o) build/rel/templates.o
SAN_OBJ := $(CORE_SRC:%.c=build/san/%.o) build/san/templates.o
REL_PDF := $(PDF_SRC:%.c=build/rel/%.o)
SAN_PDF := $(PDF_SRC:%.c=build/san/%.o)
REL_SERVE := $(SERVE_SRC:%.c=build/rel/%.o) build/rel/serve_page.o
SAN_SERVE := $(SERVE_SRC:%.c=build/san/%.o) build/san/serve_page.o

.PHONY: all demo test deps unit e2e bench clean fuzz fuzz-import install import-score
all: vanban

deps:
	@sh tools/deps.sh

build/templates.c: tools/embed.sh $(TEMPLATES)
	@mkdir -p build
	sh tools/embed.sh templates > $@.tmp && mv $@.tmp $@

build/rel/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	@echo '  CC $<'
	@$(CC) $(WARN) $(OPT) $(PKG_CFLAGS) -c $< -o $@

build/san/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	@echo '  CC [san] $<'
	@$(CC) $(WARN) -O1 -g $(SAN) $(PKG_CFLAGS) -c $< -o $@

build/serve_page.c: tools/embed.sh $(SERVE_PAGE)
	@mkdir -p build
	sh tools/embed.sh --page src/serve/page > $@.tmp && mv $@.tmp $@

build/rel/serve_page.o: build/serve_page.c src/serve/serve.h
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(OPT) $(PKG_CFLAGS) -c $< -o $@

build/san/serve_page.o: build/serve_page.c src/serve/serve.h
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O1 -g $(SAN) $(PKG_CFLAGS) -c $< -o $@

build/rel/templates.o: build/templates.c src/base/templates.h
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(OPT) -c $< -o $@

build/san/templates.o: build/templates.c src/base/templates.h
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O1 -g $(SAN) -c $< -o $@

# -rdynamic: the plugin uses the core's functions (arena, buffers, text).
vanban: build/rel/src/cli/main.o $(REL_OBJ) vanban-pdf.so vanban-serve.so
	$(CC) $(OPT) -rdynamic -o $@ build/rel/src/cli/main.o $(REL_OBJ) $(CORE_LIBS)

vanban-pdf.so: $(REL_PDF)
	$(CC) $(OPT) -shared -o $@ $^ $(PDF_LIBS)

vanban-serve.so: $(REL_SERVE)
	$(CC) $(OPT) -shared -o $@ $^ $(SERVE_LIBS)

build/vanban-san-serve.so: $(SAN_SERVE)
	$(CC) $(SAN) -shared -o $@ $^ $(SERVE_LIBS)

build/vanban-san: build/san/src/cli/main.o $(SAN_OBJ) build/vanban-san-pdf.so \
		build/vanban-san-serve.so
	$(CC) $(SAN) -rdynamic -o $@ build/san/src/cli/main.o $(SAN_OBJ) $(CORE_LIBS)

build/vanban-san-pdf.so: $(SAN_PDF)
	$(CC) $(SAN) -shared -o $@ $^ $(PDF_LIBS)

build/unit: build/san/tests/unit.o $(SAN_OBJ)
	$(CC) $(SAN) -o $@ $^ $(CORE_LIBS)

# The Excel example is made from its .csv by LibreOffice, never by hand.
XLSX := content/phu-luc/bac-giang-2024.xlsx
content/phu-luc/%.xlsx: content/phu-luc/%.csv
	soffice -env:UserInstallation=file:///tmp/vanban-lo-$$$$ --headless \
		--infilter="CSV:44,34,76,1" --convert-to xlsx --outdir $(dir $@) $< > /dev/null
	@test -s $@

# The báo cáo's chart is drawn by tools/bieu-do.c with Cairo, never by hand.
PNGS := content/hinh/ty-le-tot-nghiep.png
build/bieu-do: tools/bieu-do.c
	@mkdir -p build
	$(CC) $(WARN) -O2 $< $(shell pkg-config --cflags --libs cairo) -o $@
content/hinh/%.png: build/bieu-do
	@mkdir -p $(dir $@)
	build/bieu-do $@

demo: deps
	@$(MAKE) -j$(NPROC) --no-print-directory vanban $(XLSX) $(PNGS)
	@mkdir -p out
	@set -e; for f in content/*.md; do \
		b=$$(basename $$f .md); \
		./vanban render $$f --format docx,pdf -o out/$$b.docx; \
		echo "  $$f -> out/$$b.docx out/$$b.pdf"; \
	done

test: deps
	@$(MAKE) -j$(NPROC) --no-print-directory vanban build/vanban-san build/unit $(XLSX) $(PNGS)
	@sh tests/run.sh

bench: deps
	@$(MAKE) --no-print-directory vanban
	@sh bench/run.sh

# The importer measured on foreign Word files (tests/import/): fixtures made
# by python3-docx and LibreOffice, cached in build/import-fixtures.
import-score: deps
	@$(MAKE) --no-print-directory vanban
	/usr/bin/python3 tests/import/make_fixtures.py build/import-fixtures
	/usr/bin/python3 tests/import/score.py --vanban ./vanban \
		--fixtures build/import-fixtures --out build/import-score

# libFuzzer over the whole path (parse -> model -> DOCX, and PDF with
# FUZZ_PDF=1). Seeds: the examples; run in content/ so appendices resolve.
FUZZ_TIME ?= 60
build/fuzz_render: tests/fuzz/fuzz_render.c $(LIB_SRC) build/templates.c $(HEADERS)
	clang $(WARN) -g -O1 -fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) \
		tests/fuzz/fuzz_render.c $(LIB_SRC) build/templates.c $(PKG_LIBS) -o $@

fuzz: deps
	@$(MAKE) --no-print-directory build/fuzz_render
	@mkdir -p build/fuzz-corpus build/fuzz-crashes
	@cp content/*.md build/fuzz-corpus/
	cd content && LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
		../build/fuzz_render -max_total_time=$(FUZZ_TIME) \
		-dict=../tests/fuzz/vanban.dict -max_len=65536 -timeout=20 \
		-artifact_prefix=../build/fuzz-crashes/ -print_final_stats=1 \
		../build/fuzz-corpus

# libFuzzer over what "vanban import" reads (.docx, its document.xml,
# .txt) and the agency profile; the first byte of an input picks the reader.
build/fuzz_import: tests/fuzz/fuzz_import.c $(LIB_SRC) build/templates.c $(HEADERS)
	clang $(WARN) -g -O1 -fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) \
		tests/fuzz/fuzz_import.c $(LIB_SRC) build/templates.c $(PKG_LIBS) -o $@

fuzz-import: deps
	@$(MAKE) --no-print-directory vanban build/fuzz_import
	@sh tests/fuzz/import-seeds.sh build/fuzz-import-corpus
	@mkdir -p build/fuzz-crashes
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
		build/fuzz_import -max_total_time=$(FUZZ_TIME) \
		-dict=tests/fuzz/import.dict -max_len=262144 -timeout=20 \
		-artifact_prefix=build/fuzz-crashes/import- -print_final_stats=1 \
		build/fuzz-import-corpus

install: vanban
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/vanban/fonts \
		$(DESTDIR)$(PREFIX)/lib/vanban
	install -m 755 vanban $(DESTDIR)$(PREFIX)/bin/vanban
	install -m 644 vanban-pdf.so $(DESTDIR)$(PREFIX)/lib/vanban/vanban-pdf.so
	install -m 644 vanban-serve.so $(DESTDIR)$(PREFIX)/lib/vanban/vanban-serve.so
	install -m 644 fonts/* $(DESTDIR)$(PREFIX)/share/vanban/fonts/

clean:
	rm -rf build out vanban vanban-pdf.so vanban-serve.so
