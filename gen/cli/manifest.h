/* manifest.h — gen/cli (internal to the command line): the build manifest,
 * the record beside a unit's outputs of what made them.
 *
 *   manifest_env *e = manifest_env_new(fonts, n_fonts);         // program and font hashes, once
 *   char *in = manifest_inputs(e, unit_dir, id, &prof, "all");  // what this build reads
 *   if (manifest_current(e, out_dir, in, &files, &n)) … skip: nothing changed
 *   buf m = {0}; buf_puts(&m, in);
 *   manifest_add_output(&m, tmp_pdf, "….pdf", &pages);         // SHA-256 of each output
 *   … the text of m goes into out_dir/juesuan-manifest.txt with the outputs (output.c)
 *   manifest_env_save(e);  // the hash cache, for the next run (hash_cache.c)
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

/** The hash cache (hash_cache.c): the SHA-256 of files hashed by earlier
 *  runs, each with the device, inode, size, mtime and ctime (ns) the file
 *  had, so that a file stat(2) shows unchanged is not read again (as git's
 *  index does). One text file, "juesuan-hash-cache\t1" and then a line a
 *  file: "dev\tino\tsize\tmtime_s\tmtime_ns\tctime_s\tctime_ns\t<sha256>". */
typedef struct hash_cache hash_cache;

/** Where the hash cache is (malloc'd): $XDG_CACHE_HOME/juesuan/hashes, else
 *  $HOME/.cache/juesuan/hashes; NULL (no cache) when neither is an absolute
 *  path or JUESUAN_HASH_CACHE=off. */
char *hash_cache_path(void);

/** Read the cache at `path` (NULL, missing or not a cache: an empty one;
 *  with NULL nothing is remembered either). Never NULL. */
hash_cache *hash_cache_open(const char *path);

/** SHA-256 of the file at `path` in lowercase hex into `hex` (65 bytes).
 *  When `c` (may be NULL) remembers the file with the same device, inode,
 *  size, mtime and ctime, that hash, without reading it; else the file is
 *  read and hashed, and remembered when both its times are more than a
 *  second old (a file changed again within one tick of the file system's
 *  clock could keep its times: git's "racy clean" case). With `keep` the
 *  bytes are appended to it (and the file is always read). Returns 0, or
 *  -1 with errno set. */
int hash_cache_file(hash_cache *c, const char *path, char *hex, buf *keep);

/** When this run added hashes, write the cache back (through a temporary
 *  file and a rename; beyond 1,024 entries, those this run did not use go
 *  first, oldest first). Only a cache: when it cannot be written, nothing
 *  is said and the next run hashes again. NULL is a no-op. */
void hash_cache_save(hash_cache *c);

/** Free a cache (NULL is a no-op). */
void hash_cache_free(hash_cache *c);

/** What every unit of a run shares: the program's and the fonts' hashes,
 *  the hashes of template layers already read, and the hash cache. */
typedef struct manifest_env manifest_env;

/** Hash the running executable and `fonts` (paths of the files every build
 *  reads besides the unit and the templates: fonts.yaml, the font files,
 *  the PDF/A ICC profile; a file that cannot be read is recorded with the
 *  hash "-"), through the hash cache (hash_cache_path). Never NULL. */
manifest_env *manifest_env_new(const char *const *fonts, size_t n_fonts);

/** Save the hashes made by this run into the hash cache (by the process
 *  that made the environment, after the builds; not by batch workers). */
void manifest_env_save(manifest_env *e);

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
bool manifest_current(manifest_env *e, const char *out_dir, const char *inputs, char ***files, size_t *n);

/** Append "output\t<sha256 of path>\t<name>\n" to `m`. When the file is a
 *  PDF, `*pages` (if not NULL) gets its number of page objects, else 0.
 *  Returns 0, or -1 with errno set. */
int manifest_add_output(buf *m, const char *path, const char *name, int *pages);

/** juesuan manifest merge OUT_DIR... [-o FILE]: every unit manifest under
 *  the output folders (OUT_DIR/<unit>/juesuan-manifest.txt), each output
 *  checked against its SHA-256, into one record; returns the exit status. */
int cmd_manifest(int argc, char **argv);

#endif
