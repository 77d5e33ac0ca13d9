/* batch.h — gen/cli (internal to the command line): building many unit
 * folders at once, each in its own process.
 *
 *   size_t n; bool many;
 *   char **dirs = batch_expand(args, n_args, &n, &many);  // folders of unit folders opened
 *   if (many) rc = batch_run(dirs, n, jobs, tty, build_one, ctx, &child);
 *   if (child) … this is a worker that built its unit: free and return rc
 *
 * The caller loads what every unit shares (specs, templates, fonts) before
 * batch_run; each unit is then built by `fn` in a process forked from it,
 * which inherits that state copy-on-write, so a crash or a bad input in one
 * unit cannot touch another. The worker sends its outcome and its messages
 * to the parent through a pipe; the parent prints the messages (stderr),
 * the progress (stdout: one redrawn line on a terminal, else one plain
 * line per unit), and a closing summary table and list of failures.
 * SIGINT, SIGTERM, SIGHUP and SIGQUIT reach every worker (which removes
 * its temporary files, gen/cli/output.c); the parent waits for them and
 * ends by the same signal.
 */
#ifndef JUESUAN_BATCH_H
#define JUESUAN_BATCH_H

#include "../model/model.h"

/** What a unit's build did, besides its exit status and messages. */
typedef struct unit_outcome {
    bool skipped;       /* nothing changed since the build its manifest records */
    unsigned docs;      /* documents written */
    unsigned pages;     /* PDF pages written */
} unit_outcome;

/** Build the unit folder `dir`; returns an exit status. */
typedef int (*batch_build_fn)(void *ctx, const char *dir, unit_outcome *o, diag_list *d);

/** The unit folders `args` name: a folder with unit.yaml is a unit; a
 *  folder without one whose sub-folders have unit.yaml stands for those
 *  sub-folders (sorted by name); anything else is kept as given (its build
 *  says what is wrong). `*many` is set when the result is a batch: more
 *  than one folder, or a folder of unit folders. Returns a malloc'd array
 *  of `*n` malloc'd paths. */
char **batch_expand(char **args, size_t n_args, size_t *n, bool *many);

/** Free what batch_expand returned. */
void batch_free(char **dirs, size_t n);

/** Build `n` unit folders, up to `jobs` at a time (each in a forked
 *  process), with a progress display and a summary. Two folders of the
 *  same name (one output folder) are refused before anything is built.
 *  Returns the highest exit status of any unit (0 when all were built or
 *  skipped). In a worker process it returns the unit's status with
 *  `*child` set: the caller frees what it holds and exits with it. */
int batch_run(char **dirs, size_t n, int jobs, batch_build_fn fn, void *ctx, bool *child);

#endif
