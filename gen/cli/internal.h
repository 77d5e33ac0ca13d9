/* internal.h — shared by the files of gen/cli only (not an interface). */
#ifndef JUESUAN_CLI_INTERNAL_H
#define JUESUAN_CLI_INTERNAL_H

#include "cli.h"

#include "../model/model.h"

/** The project folder (templates/, fonts/): $JUESUAN_HOME, else the nearest
 *  folder above the executable that has templates/tables, else ".".
 *  Returns malloc'd text. */
char *project_root(void);

/** Make a folder and its parents (existing ones are fine); 0 or -1 (errno). */
int cli_mkdirs(const char *path);

/** Write `len` bytes to `path` through a temporary file in the same folder
 *  renamed into place (mode 0666 less the umask). An error names the path
 *  in `d`; returns 0 or -1. */
int cli_write_file(const char *path, const char *data, size_t len, diag_list *d);

/** True when something (a file, folder or link) is at `path`. */
bool cli_exists(const char *path);

/** juesuan init UNIT_DIR (init.c); returns the exit status. */
int cmd_init(int argc, char **argv);

/** juesuan import WORKBOOK.xlsx -o UNIT_DIR (import.c); returns the exit status. */
int cmd_import(int argc, char **argv);

#endif
