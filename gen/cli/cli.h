/* cli.h — gen/cli: the juesuan command line.
 *
 *   juesuan build UNIT_DIR... [-o OUT_DIR] [-j N] [--force]
 *                                            PDF + XLSX into OUT_DIR/<unit folder>/; folders of
 *                                            unit folders and several units: a batch (batch.h),
 *                                            unchanged units skipped (manifest.h)
 *   juesuan manifest merge OUT_DIR...        the manifests of output folders in one record
 *   juesuan check UNIT_DIR...                read and check, write nothing
 *   juesuan facts UNIT_DIR                   print the facts tree as JSON
 *   juesuan markup UNIT_DIR                  print the rendered block markup
 *   juesuan diff OLD_DIR NEW_DIR [--report DIR]  what a correction changed (diff.c)
 *   juesuan --help | --version
 *
 * Exit status: 0 ok, 1 bad input, 2 bad usage, 3 internal error, 4 the
 * environment failed (disk full, no write permission, a name too long, out
 * of memory: ENV_FAILURE of gen/model). Messages go
 * to stderr as `file:line:col: 错误: …`. Templates and fonts are found under
 * the project folder: $JUESUAN_HOME, else the nearest folder above the
 * executable that has templates/tables, else the current folder.
 */
#ifndef JUESUAN_CLI_H
#define JUESUAN_CLI_H

#include "../model/model.h"

enum {
    EXIT_OK = 0,
    EXIT_BAD_INPUT = 1,
    EXIT_USAGE = 2,
    EXIT_INTERNAL = 3,
    EXIT_ENVIRONMENT = ENV_FAILURE
};

/** Run the command line; returns the exit status. */
int cli_run(int argc, char **argv);

/** Reserve the heap in one step and ask the kernel for transparent huge
 *  pages for it (heap.c); called by main before anything is allocated. */
void heap_prefer_huge_pages(void);

#endif
