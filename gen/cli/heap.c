/* heap.c — the first 8 MB of the process's heap in transparent huge pages.
 *
 * A build touches 15–20 MB of fresh heap; with 4 KB pages that is about
 * 3,500 page faults, a quarter of a build's CPU time on a virtual machine
 * where each fault is dear. The heap is reserved in one step (M_TOP_PAD:
 * address space only) and its first HEAP_HUGE bytes are marked
 * MADV_HUGEPAGE, as glibc's own tunable glibc.malloc.hugetlb=1 does for the
 * whole heap (a tunable only the environment can set, before the program
 * starts): where transparent huge pages are "always" or "madvise", the
 * kernel backs that part with 2 MB pages, one fault for 512 pages. Only
 * the first 8 MB, because a huge page is resident whole, also where the
 * heap has allocated but not written: the whole heap in huge pages cost
 * 4 MB more peak RSS for leshan-2024, 8 MB costs 2 MB (README, Benchmark).
 * Outputs are the same either way; only how memory is mapped changes.
 * JUESUAN_HUGE_PAGES=off leaves the heap as glibc makes it; under another
 * allocator (ASan, valgrind) the calls change nothing. */
#include "cli.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum {
    HEAP_RESERVE = 64 << 20, /* the heap's first growth: address space */
    HEAP_HUGE = 8 << 20,     /* the part in huge pages */
    HUGE_PAGE = 2 << 20
};

void heap_prefer_huge_pages(void)
{
    const char *off = getenv("JUESUAN_HUGE_PAGES");
    if (off && strcmp(off, "off") == 0) return;
    mallopt(M_TOP_PAD, HEAP_RESERVE);
    mallopt(M_TRIM_THRESHOLD, 2 * HEAP_RESERVE); /* kept: a trimmed part would come back without */
    /* blocks below the mmap threshold until the heap grows (libraries may
     * have started it before main): it then grows by the pad */
    enum { N = 64 };
    void *blocks[N];
    size_t n = 0;
    char *brk0 = sbrk(0);
    while (n < N && (blocks[n] = malloc(100 << 10)) && sbrk(0) == brk0) n++;
    uintptr_t lo = (uintptr_t)brk0, hi = (uintptr_t)sbrk(0);
    lo = (lo + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    if (hi > lo + HEAP_HUGE) hi = lo + HEAP_HUGE;
    if (brk0 != (char *)-1 && lo < hi) madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
    for (size_t i = 0; i < N && i <= n; i++) free(blocks[i]);
}
