/* internal.h — shared by the files of gen/cli only (not an interface).
 *
 * The document registry (documents.c): the kinds of document a unit folder
 * can yield. Each kind is data — a root template, the facts it is built
 * from, an output file name pattern, whether a workbook goes with it — so
 * a new document is one more row of the table plus its templates and
 * facts. `juesuan build` makes every document whose facts are present;
 * `--doc NAME` picks one kind.
 */
#ifndef JUESUAN_CLI_INTERNAL_H
#define JUESUAN_CLI_INTERNAL_H

#include "../doc/doc.h"
#include "../layout/layout.h"
#include "cli.h"

/** Writes the workbook that goes with a document (NULL: none). */
typedef int (*workbook_fn)(const unit *u, const value *facts, const layout_config *layout,
                           const char *path, diag_list *diags);

/** One kind of document. The patterns are Mustache templates over the facts
 *  tree (for an `each` kind, with the item as the innermost context). */
typedef struct document_kind {
    const char *name;      /* what `--doc NAME` selects: "disclosure", "department" */
    const char *source;    /* what in the unit folder makes it, for messages:
                              "tables/（决算公开）" */
    const char *facts;     /* facts path it is built from: the folder holds the
                              document when the path is present */
    bool each;             /* `facts` is a list: one document per item */
    const char *root;      /* root template, relative to templates/ (a pattern,
                              so a `layout:` in the data can choose the folder) */
    const char *file_name; /* output file name without ".pdf" (a pattern); also
                              the PDF's title */
    const char *subject;   /* the PDF's subject (a pattern) */
    workbook_fn workbook;  /* writes "<file name>附表.xlsx"; NULL: no workbook */
} document_kind;

/** One document of a unit, the patterns of its kind expanded. */
typedef struct document {
    const document_kind *kind;
    const value *item; /* the list item of an `each` kind (borrowed from the facts), else NULL */
    char *root;        /* "disclosure.mustache" */
    char *file_name;   /* "乐山市人力资源和社会保障局（机关）2024年度单位决算" */
    char *subject;
    char *markup;      /* the rendered root template (set by the CLI) */
    doc blocks;        /* the markup parsed and resolved (set by the CLI) */
} document;

/** The project folder (templates/, fonts/): $JUESUAN_HOME, else the nearest
 *  folder above the executable that has templates/tables, else ".".
 *  Returns malloc'd text. */
char *project_root(void);

/** mkdir -p: make a folder and its parents (existing ones are fine).
 *  Returns 0, or the environment error (diag_env_error: “<part>: 错误:
 *  <action>：<words>”, naming the part that could not be made, also a file
 *  in the way). */
int cli_mkdirs(const char *path, const char *action, diag_list *d);

/** Write `len` bytes to `path` through a temporary file in the same folder
 *  renamed into place (mode 0666 less the umask; SIGINT & co. remove the
 *  temporary file). An error names the path and the cause in words in `d`
 *  (an environment failure: the caller exits EXIT_ENVIRONMENT); returns 0
 *  or -1. */
int cli_write_file(const char *path, const char *data, size_t len, diag_list *d);

/** True when something (a file, folder or link) is at `path`. */
bool cli_exists(const char *path);

/** juesuan init UNIT_DIR (init.c); returns the exit status. */
int cmd_init(int argc, char **argv);

/** juesuan import WORKBOOK.xlsx -o UNIT_DIR (import.c); returns the exit status. */
int cmd_import(int argc, char **argv);

/** The registry, in the order documents are built and listed; `*n` gets its length. */
const document_kind *document_kinds(size_t *n);

/** The kind named `name`, or NULL. */
const document_kind *document_kind_find(const char *name);

/** "tables/（决算公开）、performance/department.yaml（…）": what a unit folder
 *  may hold, for messages (malloc'd). */
char *document_sources(void);

/** The documents `facts` holds, in registry order (only those of kind `only`
 *  when it is not NULL), with their patterns expanded: `*out` gets a
 *  malloc'd array of `*n` (possibly 0). Returns 0, or -1 after adding the
 *  errors of a pattern (nothing is then returned). */
int documents_list(const value *facts, const char *only, document **out, size_t *n, diag_list *diags);

/** Free `n` documents and the array. */
void documents_free(document *docs, size_t n);

/* ---- the one pipeline of a unit (cli.c), shared by build, check and diff ---- */

/** The project folder, and what one unit's profile gives: specs, options,
 *  style and partials, all found through the profile (gen/model profile_find). */
typedef struct project {
    char *root;
    bool need_layout;
    profile prof;
    spec_set specs;
    bool specs_loaded;
    facts_options options;
    layout_config *layout;
    bool no_pdfa; /* build --no-pdfa: PDFs not PDF/A-2b */
    /* partial templates, loaded on first use */
    char **partial_names, **partial_texts;
    size_t n_partials;
    bool reusable; /* what is loaded serves every unit of the same profile
                      without a catalog/ of its own (loaded without a message) */
    /* the profile of the unit in next_dir, when the caller read it already
     * (a build, for the manifest): project_load takes it rather than read
     * unit.yaml once more */
    profile next;
    char *next_dir;
} project;

/** One unit read, checked and rendered. */
typedef struct unit_build {
    unit u;
    value *facts;
    document *docs; /* the documents the folder holds, rendered */
    size_t n_docs;
} unit_build;

/** Start a project (the layout configuration is loaded when `need_layout`). */
void project_open(project *p, bool need_layout);

/** Load what the unit in `dir` needs from its profile (templates/ overlaid by
 *  unit.yaml's `profile:`); returns an exit status. */
int project_load(project *p, const char *dir, diag_list *d);

/** Free a project. */
void project_free(project *p);

/** Read the unit in `dir` (and check it when `check`), build its facts and,
 *  when `render`, render and parse its documents (only those of kind `only`
 *  when not NULL); returns an exit status. `b` is always to be freed. */
int unit_prepare(project *p, const char *dir, unit_build *b, bool check, bool render, const char *only,
                 diag_list *d);

/** Render one document's root template over `b`'s facts and parse and
 *  resolve its markup into dm->blocks; returns an exit status. */
int document_render(project *p, const unit_build *b, document *dm, diag_list *d);

/** Free what unit_prepare made. */
void unit_build_free(unit_build *b);

/** A file name from a document title and an extension (".pdf"): '/' and
 *  control characters become '_'; a name longer than NAME_MAX is cut at a
 *  character and ends with "…" and 8 hex digits of a hash of the title. */
char *safe_name(const char *title, const char *ext);

/** juesuan diff OLD_UNIT_DIR NEW_UNIT_DIR [--report DIR] (diff.c); returns the exit status. */
int cmd_diff(int argc, char **argv);

#endif
