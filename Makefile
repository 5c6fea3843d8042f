# Top-level, non-recursive build. Outputs go to build/ (build/asan with ASAN=1).
#   make            libmultipath, multipath, multipathd
#   make test       cmocka unit tests          make check   deps + build + all tests
#   make vmtest     real-kernel tests (qemu)   make demo    the flaky-path demo
#   make fuzz       config and CLI parser fuzzers (clang, FUZZ_SECONDS=60 each)
#   make install DESTDIR=... prefix=...        make clean
#   make coverage   unit tests with gcov: line coverage per file of libmultipath (gcovr)
# ASAN=1 builds with AddressSanitizer + UBSan; V=1 shows commands.

prefix ?= /usr/local
sbindir ?= $(prefix)/sbin
libdir ?= $(prefix)/lib
mandir ?= $(prefix)/share/man
unitdir ?= $(prefix)/lib/systemd/system
udevrulesdir ?= $(prefix)/lib/udev/rules.d
DESTDIR ?=

CC ?= cc
ifeq ($(ASAN),1)
B := build/asan
SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
OPT := -O1
else
B := build
SAN :=
OPT := -O2
endif

ifneq ($(V),1)
Q := @
endif

WARN := -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -D_GNU_SOURCE -Ilibmultipath
CFLAGS := -std=gnu11 $(OPT) -g $(WARN) $(SAN) -fPIC -MMD -MP $(EXTRA_CFLAGS)
LDFLAGS := $(SAN) $(EXTRA_LDFLAGS)
LIBDEPS := -ldevmapper -ludev -laio -lpthread

SONAME := libmultipath.so.1
LIB_SRCS := $(sort $(wildcard libmultipath/*.c libmultipath/*/*.c))
LIB_OBJS := $(LIB_SRCS:%.c=$(B)/%.o)
LIB_SO := $(B)/lib/$(SONAME)
LIB_A := $(B)/lib/libmultipath.a

MULTIPATH_OBJS := $(patsubst %.c,$(B)/%.o,$(wildcard multipath/*.c))
MULTIPATHD_OBJS := $(patsubst %.c,$(B)/%.o,$(wildcard multipathd/*.c))
BINS := $(B)/bin/multipath $(B)/bin/multipathd

# Small C programs the VM scenarios run (tests/vm/tools/*.c)
VMTOOLS := $(patsubst tests/vm/tools/%.c,$(B)/vmtools/%,$(wildcard tests/vm/tools/*.c))

TEST_SRCS := $(sort $(wildcard tests/test_*.c))
TESTS := $(TEST_SRCS:tests/%.c=$(B)/tests/%)
# Per-test link options, one file per test that needs them, e.g.
# tests/wraps/test_directio.mk: WRAP_test_directio := -Wl,--wrap=io_setup
-include $(wildcard tests/wraps/*.mk)

.PHONY: all test check vmtest demo bench fuzz install clean deps coverage install-udev-rules
all: $(LIB_SO) $(BINS)

$(B)/%.o: %.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB_SO): $(LIB_OBJS) libmultipath/libmultipath.version
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=libmultipath/libmultipath.version \
		-Wl,-z,defs -o $@ $(LIB_OBJS) $(LDFLAGS) $(LIBDEPS)
	$(Q)ln -sf $(SONAME) $(B)/lib/libmultipath.so

$(LIB_A): $(LIB_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/bin/multipath: $(MULTIPATH_OBJS) $(LIB_SO)
$(B)/bin/multipathd: $(MULTIPATHD_OBJS) $(LIB_SO)
# the daemon: liburcu for its configuration, libsystemd for sd_notify
$(B)/bin/multipathd: private LIBDEPS += -lurcu -lsystemd
$(BINS):
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) -o $@ $(filter %.o,$^) -L$(B)/lib -lmultipath -Wl,-rpath,'$$ORIGIN/../lib' \
		$(LDFLAGS) $(LIBDEPS)

$(B)/vmtools/%: $(B)/tests/vm/tools/%.o $(LIB_A)
	@mkdir -p $(@D)
	$(Q)$(CC) -o $@ $< $(LIB_A) $(LDFLAGS) $(LIBDEPS)

$(B)/tests/%: $(B)/tests/%.o $(LIB_A)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) -o $@ $< $(TEST_OBJS_$*) $(LIB_A) $(WRAP_$*) $(LDFLAGS) $(LIBDEPS) -lcmocka

# Tests of daemon modules link the module's object too: TEST_OBJS_<test>.
TEST_OBJS_test_cli := $(B)/multipathd/cli.o
$(B)/tests/test_cli: $(TEST_OBJS_test_cli)
TEST_OBJS_test_policy := $(B)/multipathd/policy.o
$(B)/tests/test_policy: $(TEST_OBJS_test_policy)
TEST_OBJS_test_workq := $(B)/multipathd/workq.o
$(B)/tests/test_workq: $(TEST_OBJS_test_workq)
TEST_OBJS_test_prflag := $(B)/multipathd/prflag.o $(B)/multipathd/workq.o $(B)/multipathd/cli.o
$(B)/tests/test_prflag: $(TEST_OBJS_test_prflag)
$(B)/tests/test_prflag: private LIBDEPS += -lurcu
$(B)/tests/test_prflag.o: CPPFLAGS += -Imultipathd

test: $(TESTS) all
	$(Q)tests/run-unit.sh $(TESTS)

deps:
	$(Q)scripts/install-deps.sh
	$(Q)tests/vm/setup.sh

# Unit tests, then the real-kernel tests; the last line adds them up.
check: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)mkdir -p build && rm -f build/results
	$(Q)MPT_RESULTS=$(CURDIR)/build/results $(MAKE) --no-print-directory test
	$(Q)MPT_RESULTS=$(CURDIR)/build/results $(MAKE) --no-print-directory vmtest
	$(Q)awk '{ p += $$2; f += $$3 } END { printf "check: %d passed, %d failed\n", p, f; exit f > 0 }' \
		build/results

vmtest: all $(VMTOOLS)
	$(Q)tests/vm/setup.sh
	$(Q)tests/vm/run.sh $(SCENARIOS)

demo: all $(VMTOOLS)
	$(Q)tests/vm/setup.sh
	$(Q)tests/vm/demo.sh

# Side by side with Debian's multipath-tools 0.9.4 in the VM (bench/README.md).
bench: all $(VMTOOLS)
	$(Q)tests/vm/setup.sh
	$(Q)bench/run.sh

FUZZ_SECONDS ?= 60
FUZZ_SRCS := $(wildcard libmultipath/config/*.c libmultipath/util/*.c)
fuzz:
	@mkdir -p build/fuzz fuzz/corpus-run
	$(Q)clang $(CPPFLAGS) -std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined \
		-o build/fuzz/fuzz_config fuzz/fuzz_config.c $(FUZZ_SRCS)
	$(Q)build/fuzz/fuzz_config -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
		fuzz/corpus-run fuzz/corpus
	$(Q)clang $(CPPFLAGS) -std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined \
		-o build/fuzz/fuzz_cli fuzz/fuzz_cli.c multipathd/cli.c libmultipath/util/strbuf.c
	@mkdir -p build/fuzz/corpus-cli
	$(Q)build/fuzz/fuzz_cli -max_total_time=$(FUZZ_SECONDS) -max_len=4200 \
		-dict=fuzz/cli.dict build/fuzz/corpus-cli fuzz/corpus-cli

install: all
	install -d $(DESTDIR)$(sbindir) $(DESTDIR)$(libdir) $(DESTDIR)$(mandir)/man8 \
		$(DESTDIR)$(mandir)/man5
	install -m 0755 $(LIB_SO) $(DESTDIR)$(libdir)/$(SONAME)
	install -m 0755 $(BINS) $(DESTDIR)$(sbindir)/
	install -m 0644 multipath/multipath.8 multipathd/multipathd.8 $(DESTDIR)$(mandir)/man8/
	install -m 0644 multipath/multipath.conf.5 $(DESTDIR)$(mandir)/man5/
	install -d $(DESTDIR)$(unitdir)
	sed 's#@sbindir@#$(sbindir)#g' multipathd/multipathd.service \
		>$(DESTDIR)$(unitdir)/multipathd.service

# udev rules (multipath/udev/): paths of multipath maps are claimed (multipath -u), maps
# without a usable path are not probed (multipath -U). udev reads /usr/lib/udev/rules.d,
# /lib/udev/rules.d and /etc/udev/rules.d only: set udevrulesdir with another prefix.
install: install-udev-rules
install-udev-rules: all
	install -d $(DESTDIR)$(udevrulesdir)
	for r in multipath/udev/*.rules; do \
		sed 's#@sbindir@#$(sbindir)#g' $$r >$(DESTDIR)$(udevrulesdir)/$${r##*/} && \
		chmod 0644 $(DESTDIR)$(udevrulesdir)/$${r##*/} || exit 1; \
	done

# Line coverage of libmultipath under the unit tests: an unoptimised --coverage build in
# build/cov, the tests, then gcovr's table (one line per file, the total last).
coverage:
	$(Q)rm -rf build/cov
	$(Q)$(MAKE) --no-print-directory B=build/cov EXTRA_CFLAGS="--coverage -fprofile-update=atomic -O0" \
		EXTRA_LDFLAGS=--coverage test
	$(Q)gcovr build/cov --root . --filter "libmultipath/" --gcov-ignore-parse-errors --txt

clean:
	rm -rf build fuzz/corpus-run

# ---- libmpathcmd, the control socket listener and client (owner: uxsock) ------------------
# libmpathcmd.so.0: the public client API (libmpathcmd/mpath_cmd.h), linked into multipathd
# and installed with its header for other programs. multipathd's client uses GNU readline
# for `multipathd -k` when pkg-config finds it (READLINE=0 to build without).
includedir ?= $(prefix)/include
CPPFLAGS += -Ilibmpathcmd
MPATHCMD_SONAME := libmpathcmd.so.0
MPATHCMD_SO := $(B)/lib/$(MPATHCMD_SONAME)
MPATHCMD_OBJS := $(B)/libmpathcmd/mpath_cmd.o
READLINE ?= $(shell pkg-config --exists readline 2>/dev/null && echo 1)
ifeq ($(READLINE),1)
READLINE_LIBS := $(shell pkg-config --libs readline)
$(B)/multipathd/client.o: CPPFLAGS += -DUSE_READLINE
endif

all: $(MPATHCMD_SO)

$(MPATHCMD_SO): $(MPATHCMD_OBJS) libmpathcmd/libmpathcmd.version
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) -shared -Wl,-soname,$(MPATHCMD_SONAME) \
		-Wl,--version-script=libmpathcmd/libmpathcmd.version -Wl,-z,defs \
		-o $@ $(MPATHCMD_OBJS) $(LDFLAGS)
	$(Q)ln -sf $(MPATHCMD_SONAME) $(B)/lib/libmpathcmd.so

$(B)/bin/multipathd $(B)/bin/multipath: $(MPATHCMD_SO)
$(B)/bin/multipath: private LIBDEPS += -lmpathcmd
$(B)/bin/multipathd: private LIBDEPS += -lmpathcmd $(READLINE_LIBS)

# Unit tests of this block link the objects they test.
$(B)/tests/test_mpath_cmd: $(B)/tests/test_mpath_cmd.o $(MPATHCMD_OBJS) $(LIB_A)
$(B)/tests/test_uxsock: $(B)/tests/test_uxsock.o $(B)/multipathd/uxsock.o $(MPATHCMD_OBJS) \
	$(LIB_A)
$(B)/tests/test_client: $(B)/tests/test_client.o $(B)/multipathd/client.o \
	$(B)/multipathd/uxsock.o $(MPATHCMD_OBJS) $(LIB_A)
$(B)/tests/test_mpath_cmd $(B)/tests/test_uxsock $(B)/tests/test_client:
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) -o $@ $(filter %.o,$^) $(LIB_A) $(LDFLAGS) $(LIBDEPS) $(READLINE_LIBS) -lcmocka

# VM tool: a server on uxsock.c and our client, against Debian's multipathd and client.
$(B)/vmtools/uxsock_peer: $(B)/tests/vm/tools/uxsock_peer.o $(B)/multipathd/uxsock.o \
	$(B)/multipathd/client.o $(MPATHCMD_OBJS) $(LIB_A)
	@mkdir -p $(@D)
	$(Q)$(CC) -o $@ $(filter %.o,$^) $(LIB_A) $(LDFLAGS) $(LIBDEPS) $(READLINE_LIBS)

.PHONY: install-libmpathcmd
install: install-libmpathcmd
install-libmpathcmd: all
	install -d $(DESTDIR)$(libdir) $(DESTDIR)$(includedir)
	install -m 0755 $(MPATHCMD_SO) $(DESTDIR)$(libdir)/$(MPATHCMD_SONAME)
	ln -sf $(MPATHCMD_SONAME) $(DESTDIR)$(libdir)/libmpathcmd.so
	install -m 0644 libmpathcmd/mpath_cmd.h $(DESTDIR)$(includedir)/
# ---- end of the libmpathcmd / uxsock block -------------------------------------------------

-include $(shell find build -name '*.d' 2>/dev/null)
