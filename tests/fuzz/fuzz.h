/* fuzz.h — shared by the fuzz harnesses (tests/fuzz/fuzz_*.c).
 *
 * Each harness defines LLVMFuzzerTestOneInput (and may define
 * LLVMFuzzerInitialize). Built two ways (see the Makefile):
 *   make fuzz   clang -fsanitize=fuzzer,address,undefined: libFuzzer mutates
 *   make test   gcc -fsanitize=address,undefined with driver.c: every file
 *               of tests/fuzz/corpus/NAME/ once, no mutation
 * Harnesses run from the project root (templates/, input/ are read there).
 */
#ifndef JUESUAN_FUZZ_H
#define JUESUAN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/** Abort with a message when an invariant does not hold (a finding). */
#define FUZZ_ASSERT(cond)                                                                          \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);          \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#endif
