/* manifest.h — gen/cli (internal to the command line): the build manifest,
 * the record beside a unit's outputs of what made them.
 *
 *   manifest_env *e = manifest_env_new(root, fonts, n_fonts);  // program and font hashes, once
 *   char *in = manifest_inputs(e, unit_dir, id, &prof, "all");  // what this build reads
 *   if (manifest_current(out_dir, in, &files, &n)) … skip: nothing changed
 *   buf m = {0}; buf_puts(&m, in);
 *   manifest_add_output(&m, tmp_pdf, "….pdf", &pages);         // SHA-256 of each output
 *   … the text of m goes into out_dir/juesuan-manifest.txt with the outputs (output.c)
 *
 * The format (one record a line, fields separated by a tab, UTF-8; README
 * "Incremental builds" documents it for the bureau that keeps it):
 *
 *   juesuan-manifest	1
 *   program	juesuan 0.1.0	<sha256 of the executable>
 *   selection	all | <--doc NAME> [--no-pdfa]            the options that change the outputs
 *   unit	<unit id: the folder's name>
 *   input	<sha256>	<path inside the unit folder>       every file of the folder
 *   template	<sha256>	<layer>	<path inside the layer>  every file of each profile layer
 *   resource	<sha256>	<file name>                      fonts.yaml, each font file, the ICC profile
 *   output	<sha256>	<file name>                          each file written
 *
 * Every line before the first `output` line is "the inputs": a unit is
 * skipped when they are the same text as now and every output is present
 * with its SHA-256. Hashes are SHA-256 in lowercase hex (nettle).
 */
#ifndef JUESUAN_MANIFEST_H
#define JUESUAN_MANIFEST_H

#include "../model/model.h"

#include <stdio.h>

/** The name of the manifest in a unit's output folder. */
#define MANIFEST_NAME "juesuan-manifest.txt"

/** What every unit of a run shares: the program's and the fonts' hashes,
 *  and the hashes of template layers already read. */
typedef struct manifest_env manifest_env;

/** Hash the running executable and `fonts` (paths of the files every build
 *  reads besides the unit and the templates: fonts.yaml, the font files,
 *  the PDF/A ICC profile; a file that cannot be read is recorded with the
 *  hash "-"). Never NULL. */
manifest_env *manifest_env_new(const char *const *fonts, size_t n_fonts);

/** Free an environment (NULL is a no-op). */
void manifest_env_free(manifest_env *e);

/** The input part of a unit's manifest (malloc'd text ending in a newline):
 *  the program, the selection (the options that change the outputs), the unit
 *  id, every file under `unit_dir` (names beginning with '.' left out),
 *  every file of every layer of `prof`, the fonts. NULL when the unit
 *  folder cannot be read (the build then reports why). */
char *manifest_inputs(manifest_env *e, const char *unit_dir, const char *id, const profile *prof,
                      const char *selection);

/** True when `out_dir`/MANIFEST_NAME holds exactly `inputs` followed by
 *  output lines only, and every output it lists is in `out_dir` with its
 *  SHA-256. Then `*files` gets the outputs' paths (malloc'd array of
 *  malloc'd paths, in the manifest's order) and `*n` their count. */
bool manifest_current(const char *out_dir, const char *inputs, char ***files, size_t *n);

/** Append "output\t<sha256 of path>\t<name>\n" to `m`. When the file is a
 *  PDF, `*pages` (if not NULL) gets its number of page objects, else 0.
 *  Returns 0, or -1 with errno set. */
int manifest_add_output(buf *m, const char *path, const char *name, int *pages);

/** juesuan manifest merge OUT_DIR... [-o FILE]: every unit manifest under
 *  the output folders (OUT_DIR/<unit>/juesuan-manifest.txt), each output
 *  checked against its SHA-256, into one record; returns the exit status. */
int cmd_manifest(int argc, char **argv);

#endif
