// The memory allocator of the `dossier` executable.
//
// A build makes and frees millions of small strings, arrays and objects on
// both cores. Release builds link jemalloc (Debian's libjemalloc-dev) in
// place of glibc's malloc: it serves them from per-thread caches and keeps
// each thread's objects together, and a 10,000-article build takes about
// 15% less time with it (BENCHMARKS.md, "The allocator"). Debug builds, and
// so the tests and the sanitizer runs, keep glibc's malloc; there this file
// only defines a variable nothing reads.
//
// jemalloc reads its settings from `malloc_conf` when the process starts;
// the environment variable MALLOC_CONF, when set, overrides them. By
// default jemalloc keeps freed pages for ten seconds, which adds about 30 MB
// to the peak of a 10,000-article build; one second keeps the peak where
// glibc's is, at no cost in time.
const char *malloc_conf = "dirty_decay_ms:1000";
