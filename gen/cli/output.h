/* output.h — gen/cli (internal to the command line): the files a build
 * writes into one output folder, each document's files replaced together.
 *
 *   output_folder *f;
 *   int rc = output_open(&f, "output/leshan-2024", diags);   // create, lock, sweep
 *   const char *tmp_pdf = output_add(f, "….pdf", diags);       // a temporary file
 *   const char *tmp_xlsx = output_add(f, "…附表.xlsx", diags);
 *   … write the two temporary files …
 *   rc = output_commit(f, diags);   // both renamed into place, or neither
 *   output_print_paths(f, stdout);
 *   output_close(f);                // removes what was not committed
 *
 * A temporary file is named `.juesuan-XXXXXX` in the output folder (so the
 * final rename never crosses a file system). While it exists, SIGINT,
 * SIGTERM, SIGHUP and SIGQUIT remove it (gen/model tempfile_track); a
 * SIGKILL or a power cut can leave one behind, and output_open removes every
 * file of that pattern left in the folder. The folder is locked (flock on
 * the folder itself) from output_open to output_close, so a second juesuan
 * building into the same folder waits rather than sweeping away the first
 * one's temporary files. One folder may hold several documents: a commit
 * replaces every file added since the last one, so committing once after
 * all the documents' files replaces them all together (what `juesuan build`
 * does), and committing after each document makes each its own unit.
 */
#ifndef JUESUAN_OUTPUT_H
#define JUESUAN_OUTPUT_H

#include "../model/model.h"

typedef struct output_folder output_folder;

/** Create the folder `dir` (and its parents), lock it, and remove the
 *  temporary files an interrupted build left in it. Returns 0, or
 *  ENV_FAILURE after an error naming the path and the cause in words
 *  (磁盘空间不足, 没有写入权限, 文件名过长, …); `*out` is NULL then. */
int output_open(output_folder **out, const char *dir, diag_list *d);

/** A new, empty temporary file in the folder that output_commit will rename
 *  to `name` (a file name, no '/'). Returns its path (owned by the folder,
 *  valid until output_close), or NULL after an environment error. */
const char *output_add(output_folder *f, const char *name, diag_list *d);

/** Print the final path of every committed file, one a line, in the order
 *  they were added. */
void output_print_paths(const output_folder *f, FILE *out);

/** Replace the files added since the last commit: flush each to the disk,
 *  then, with the cleanup signals held back, rename every one into place.
 *  If a rename fails, the files already renamed are put back as they were
 *  (the old file where there was one, no file where there was none), so a
 *  document never has a new PDF beside an old XLSX. Returns 0 or
 *  ENV_FAILURE. */
int output_commit(output_folder *f, diag_list *d);

/** Remove the temporary files not committed, unlock, free. NULL is a no-op. */
void output_close(output_folder *f);

#endif
