/* input.h — gen/input: read the files a unit and the templates consist of.
 *
 *   csv_*    UTF-8 CSV (RFC 4180 quoting), every cell with line:col
 *   yaml_*   a YAML file (libfyaml) as a value tree plus a posmap
 *   specs_*  templates/tables/NN.yaml and templates/catalog/NAME.csv
 *   unit_load  input/UNIT/unit.yaml + tables/NN_TITLE.csv, bound to the specs
 *
 * Every error is added to a diag_list as `file:line:col: 错误: …`; a
 * function that fails returns -1 and leaves its output empty but freeable.
 */
#ifndef JUESUAN_INPUT_H
#define JUESUAN_INPUT_H

#include "../model/model.h"

/* ------------------------------------------------------------------------
 * CSV
 * ---------------------------------------------------------------------- */

typedef struct csv_cell {
    char *text; /* unquoted UTF-8 text */
    int line;   /* 1-based line where the cell starts */
    int col;    /* 1-based column (characters) where the cell starts */
} csv_cell;

typedef struct csv_row {
    csv_cell *cells;
    size_t n_cells;
    int line;
} csv_row;

typedef struct csv_file {
    char *path;
    csv_row *rows; /* blank lines are skipped */
    size_t n_rows;
} csv_file;

/** Parse CSV text. `path` names the text in diagnostics (copied into
 *  out->path). A UTF-8 BOM is skipped; text that is not valid UTF-8 is an
 *  error that says it looks like GBK (what Chinese Excel saves) when it
 *  decodes as GB18030; an unclosed quote, a quote inside an unquoted cell
 *  or a NUL byte is an error. Returns 0 or -1. */
int csv_parse(const char *text, size_t len, const char *path, csv_file *out, diag_list *diags);

/** Read and parse a CSV file (missing or unreadable file → error). */
int csv_read(const char *path, csv_file *out, diag_list *diags);

/** Free a parsed CSV. */
void csv_free(csv_file *f);

/** Append one CSV cell, quoted (RFC 4180) when it holds a comma, a quote,
 *  a line break, or blanks at either end. */
void csv_put_cell(buf *out, const char *text);

/** Append one CSV row of `n` cells (NULL = empty) and its LF. */
void csv_put_row(buf *out, const char *const *cells, size_t n);

/** Append the CSV of a table with no figures yet: the header row of the
 *  spec and, for fixed tables, every row's 项目 and 行次 with blank amounts
 *  (two-sided forms as printed: the items of both sides paired in order,
 *  then the totals paired, the last ones — 总计 | 总计 — at the foot). */
void csv_format_blank(const table_spec *s, buf *out);

/** Check that `text` (after an optional UTF-8 BOM) is UTF-8 without NUL
 *  bytes. Otherwise adds an error at the first bad byte's line:col naming
 *  `path`, which says the file looks like GBK/GB18030 when it decodes as
 *  such (with the advice for a CSV from Excel when `csv`), and returns -1. */
int text_check_utf8(const char *text, size_t len, const char *path, bool csv, diag_list *diags);

/** Count the UTF-8 characters of [s, s+n) (invalid bytes count as one). */
int utf8_width(const char *s, size_t n);

/** Compare two labels ignoring ASCII and ideographic (U+3000) blanks;
 *  returns true when equal. */
bool label_equal(const char *a, const char *b);

/* ------------------------------------------------------------------------
 * YAML
 * ---------------------------------------------------------------------- */

/** Read a YAML file into a value tree: mappings → maps (key order kept),
 *  sequences → lists, plain scalars true/false → bool, null/~/empty → null,
 *  plain decimal numbers → numbers (text kept exactly), everything else →
 *  strings. `*pos` receives the positions of every node. A syntax error,
 *  duplicate key, alias, non-scalar key or multi-document stream is an
 *  error at its line:col; so is text that is not UTF-8 (said to look like
 *  GBK when it does, see text_check_utf8), and a file with no document.
 *  Returns 0 or -1. */
int yaml_load(const char *path, value **out, posmap **pos, diag_list *diags);

/* ------------------------------------------------------------------------
 * Table specifications and catalogs (templates/)
 * ---------------------------------------------------------------------- */

/** One place of an identity (templates/checks/identities.yaml): a cell of a
 *  table (`table` set) or an amount of unit.yaml (`yaml` set). */
typedef struct identity_term {
    char *table;  /* spec id ("t04"), or NULL */
    char *column; /* amount column key */
    int side;     /* two-sided fixed tables: 0 left, 1 right */
    char *row;    /* a fixed-row key, subject code or "total"; NULL: the identity's rows */
    char *yaml;   /* dotted unit.yaml path, or NULL */
} identity_term;

/** Which rows of the tables an identity runs over. */
typedef enum identity_rows {
    IDENTITY_ROWS_GIVEN = 0, /* every term names its row */
    IDENTITY_ROWS_EVERY,     /* every row (合计, 类, 款, 项) of the subject tables named */
    IDENTITY_ROWS_CLASSES,   /* every 类: code NNN in subject tables, exp_NNN in fixed ones */
    IDENTITY_ROWS_LIST       /* the listed rows: row_a[i] for `a`, row_b[i] for `b` */
} identity_rows;

/** The same quantity in two places: `a` = `b` (one term), or `a` = the sum
 *  of the `b` terms (the parts were rounded separately), when every `zero`
 *  term is blank or 0. */
typedef struct identity {
    char *id;   /* "X04-06-CLASS" */
    char *what; /* one line, Chinese */
    char *when; /* the condition in words, or NULL */
    identity_rows rows;
    char **row_a, **row_b; /* IDENTITY_ROWS_LIST */
    size_t n_rows;
    identity_term a;
    identity_term *b;
    size_t n_b;
    identity_term *zero;
    size_t n_zero;
    srcpos pos; /* the entry in identities.yaml */
} identity;

typedef struct spec_set {
    table_spec *tables; /* in file-name order (01.yaml, 02.yaml, …) */
    size_t n_tables;
    catalog functions;  /* 支出功能分类, from catalog/functions.csv */
    catalog economic;   /* 部门预算支出经济分类, from catalog/economic.csv */
    identity *identities; /* checks/identities.yaml, in file order */
    size_t n_identities;
    char *identities_path;
    char **department_layouts; /* the names NAME of performance/department/NAME.mustache
                                  (部门整体支出绩效自评报告 layouts: sichuan, guangdong) */
    size_t n_department_layouts;
    perf_rules perf;    /* 项目支出绩效自评表 scoring, from performance/scoring.yaml */
} spec_set;

/** Load every templates/tables/NN.yaml, templates/catalog/{functions,economic}.csv,
 *  templates/checks/identities.yaml (checked against the table specs:
 *  tables, columns and rows must exist) and performance/scoring.yaml from
 *  `templates_dir`, as specs_load_profile. Returns 0 or -1. */
int specs_load(const char *templates_dir, spec_set *out, diag_list *diags);

/** Load the identity list at `path` (templates/checks/identities.yaml) into
 *  `s`, whose tables are loaded already: every table, column and fixed row
 *  an identity names must exist in the specs. Returns 0 or -1. */
int identities_load(const char *path, spec_set *s, diag_list *diags);

/** Free the identity list of `s` (specs_free calls this). */
void identities_free(spec_set *s);

/** Load the specs, the 自评表 scoring rules (performance/scoring.yaml) and
 *  the catalogs through a profile (every file found with
 *  profile_find: a profile's tables/NN.yaml replaces the project's) and
 *  merge the catalogs layer by layer: a layer's catalog/NAME.csv gives
 *  rows that are added, or replace the rows of the same code below; last
 *  comes `unit_dir`/catalog/NAME.csv when `unit_dir` is not NULL and the
 *  file exists. Returns 0 or -1. */
int specs_load_profile(const profile *p, const char *unit_dir, spec_set *out, diag_list *diags);

/** Read a catalog CSV (header 科目编码,科目名称,说明 and optionally
 *  适用年度: "2021", "2021-", "-2020", "2019-2020"; codes of 3, 5 or 7
 *  digits in ascending order; a code repeated only for later, disjoint
 *  years) and merge it over `c`: its codes' rows replace those of `c` (an
 *  empty 说明 keeps the old text of the same name). Returns 0 or -1. */
int catalog_merge_file(catalog *c, const char *path, diag_list *diags);

/** The spec with id `id`, or NULL. */
const table_spec *specs_find(const spec_set *s, const char *id);

/** The catalog for a scheme (NULL for SCHEME_NONE). */
const catalog *specs_catalog(const spec_set *s, subject_scheme scheme);

/** Free a spec set. */
void specs_free(spec_set *s);

/* ------------------------------------------------------------------------
 * XLSX workbooks (juesuan import): the cells as stored, sheet by sheet
 * ---------------------------------------------------------------------- */

typedef enum wb_type {
    WB_NUMBER = 1, /* a number: `text` is the stored <v> text ("1019.89", "1.5E-3") */
    WB_TEXT,       /* a shared, inline or formula string */
    WB_BOOL,       /* "0" or "1" */
    WB_ERROR,      /* an error value ("#REF!") */
    WB_NO_VALUE    /* a formula never calculated (no cached value) */
} wb_type;

typedef struct wb_cell {
    int row, col; /* 1-based */
    wb_type type;
    char *text;
} wb_cell;

/** A merged range, inclusive. */
typedef struct wb_range {
    int r0, c0, r1, c1;
} wb_range;

typedef struct wb_sheet {
    char *name;
    char *where;     /* "BOOK.xlsx:NAME!": the srcpos file of its cells (see srcpos) */
    wb_cell *cells;  /* sorted by row, then column; absent cells are blank */
    size_t n_cells;
    wb_range *merges;
    size_t n_merges;
    int rows, cols;  /* the last row and column holding a cell */
} wb_sheet;

typedef struct workbook {
    char *path;
    wb_sheet *sheets; /* in the workbook's order */
    size_t n_sheets;
} workbook;

/** Read every worksheet of an XLSX file (ZIP by minizip, XML by expat):
 *  cells with their stored text, and merged ranges. A file that is not an
 *  XLSX workbook, a damaged part or an oversized one is an error naming
 *  the file. Returns 0 or -1 (`out` is then freeable). */
int workbook_read(const char *path, workbook *out, diag_list *diags);

/** The cell at row/col, or NULL when blank. */
const wb_cell *wb_sheet_cell(const wb_sheet *s, int row, int col);

/** The merged range covering row/col, or NULL. */
const wb_range *wb_sheet_merge(const wb_sheet *s, int row, int col);

/** Free a workbook. */
void workbook_free(workbook *wb);

/** Read the 13 公开表 of a workbook into one csv_file per spec (out[i] for
 *  specs->tables[i]), in the CSV layout of the spec, each cell positioned
 *  at its sheet cell (csv_file.path is the sheet's `where`, line/col its
 *  row/column). A sheet is found by its 公开NN表 label, its title or its
 *  sheet name; its header block (merged, several rows) gives the columns,
 *  in juesuan's own layout, the CSV layout or the printed form of the
 *  spec's print: block; 科目编码 may stand in its own column or before the
 *  name in one cell ("2080101 行政运行"); amounts are read from the stored
 *  text (never through floating point) in the sheet's 单位 (元 or 万元)
 *  and written in `target` exactly (digits that would be lost are an
 *  error); blank cells stay blank. `*target` 0 means: the unit every sheet
 *  states (万元 when they differ); it receives the unit used. A table the
 *  workbook lacks gets only its header row and a warning; `found[i]` says
 *  which were read. Returns 0 or -1. */
int workbook_import(const workbook *wb, const spec_set *specs, money_unit *target, csv_file *out, bool *found,
                    diag_list *diags);

/* ------------------------------------------------------------------------
 * The unit
 * ---------------------------------------------------------------------- */

/** Load a unit folder: unit.yaml (metadata: unit.name, unit.kind 部门|单位,
 *  unit.year, unit.published YYYY-MM-DD, unit.money_unit 元|万元, …), the
 *  performance files (performance_load), and, when the folder has tables/
 *  (u->has_tables: the unit publishes a disclosure), one
 *  CSV per table spec under tables/ (a missing CSV is an error), each bound
 *  to its spec: the header row must match the spec's columns; fixed rows
 *  are found by their 项目 label; subject rows by 科目编码, which must be in
 *  the catalog; amounts are parsed exactly in the unit's money unit.
 *  Returns 0 or -1 (errors in `diags`; `out` is then freeable). */
int unit_load(const char *dir, const spec_set *specs, unit *out, diag_list *diags);

/** Fill in what unit.yaml may leave out, by its stated rule (unit_load
 *  calls this): previous.three_public.vehicle = vehicle_purchase +
 *  vehicle_operation and previous.three_public.total = abroad + vehicle +
 *  reception, when absent and their parts are amounts. The added values
 *  are exact numbers in the unit's money unit, placed at their block. */
void unit_defaults(unit *u);

/** True when unit.yaml has `path` (dotted) with a value that is not empty
 *  (`key:` with nothing after it counts as absent, as `juesuan init` writes it). */
bool unit_has(const unit *u, const char *path);

/** The unit.yaml block of budgets that 完成预算 compares with: "budget"
 *  (年初预算) or "adjusted_budget" (调整预算). `budget_basis: 调整预算|年初预算`
 *  chooses; without it, adjusted_budget when it is the only one given. */
const char *unit_budget_key(const unit *u);

/** How sentences name that budget: "年初预算" or "调整预算" when the unit
 *  gives adjusted_budget or budget_basis (or `always`), else "预算". */
const char *unit_budget_name(const unit *u, bool always);

/** The CSV of a table in `tables_dir`: `spec_file` when it exists, else the
 *  one .csv whose name starts with the same "NN_" (with a warning
 *  [FILE-NAME] that its name differs), else `spec_file`'s path (so the
 *  reader reports it missing). Several candidates are an error: returns
 *  NULL. The result is malloc'd. */
char *table_file_find(const char *tables_dir, const char *spec_file, diag_list *diags);

/** Bind a parsed CSV (or an imported sheet) to table `t` of `u`, whose
 *  `spec` and `path` are set, as unit_load does: header, rows, codes,
 *  labels, amounts in u->money_unit. Returns 0 or -1. */
int table_bind(unit *u, table *t, const spec_set *specs, const csv_file *f, diag_list *diags);

/** Read the performance files of a loaded unit's folder, each optional:
 *  performance/department.yaml into u->department (部门整体支出绩效自评报告;
 *  its content is checked by gen/check), its figures (figures_load) and its
 *  自评总分 (u->score_total: the sum of the outermost sections with a
 *  `score:` in any list of sections). A syntax error is an error at its
 *  line:col. Returns 0 or -1. */
int performance_load(unit *u, diag_list *diags);

/** Evaluate the `figures:` of performance/department.yaml into u->figures
 *  (performance_load calls it): each is {amount: X}, {count: N}, or
 *  {sum: [names…]}, {difference: [a, b]}, {percent: [a, b]} (a / b, two
 *  amounts or two counts) or {per: [amount, count]} (元 per thing), with an
 *  optional `stated:` (the published value, checked by gen/check). Exact
 *  integers; lo/hi carry the rounding of 万元 inputs. An unknown name, a
 *  cycle, mixed kinds or a zero divisor is an error at its line:col.
 *  Returns 0 or -1. */
int figures_load(unit *u, diag_list *diags);
/** Read the unit's performance/projects/NAME.yaml (a missing folder means no
 *  projects) into u->projects, in file-name order: one 项目支出绩效自评表 per
 *  file (keys: README "performance/projects"). Unknown keys, wrong types,
 *  amounts that are not exact decimals, weights and scores that are not
 *  numbers >= 0 with at most 2 decimals, an unknown 指标性质 and a duplicate
 *  project code are errors at their file:line:col. Returns 0 or -1. */
int projects_load(unit *u, diag_list *diags);

/** Read the scoring rules of the 自评表 (templates/performance/scoring.yaml):
 *  table_title, budget_weight, indicator_weight, budget_score {rate exact|printed,
 *  decimals 0–2, rounding half_up|down}, zero_budget {rate: text, score: full|zero}.
 *  Returns 0 or -1 (errors at file:line:col). */
int perf_rules_load(const char *path, perf_rules *out, diag_list *diags);

/** The profile a unit folder uses: the project's templates/
 *  (`project_root`/templates) overlaid by the folder that unit.yaml's
 *  `profile: NAME` names — `project_root`/profiles/NAME, or, when NAME
 *  contains '/', a path relative to the unit folder (or absolute). A
 *  unit.yaml without `profile` gives templates/ alone; one that cannot be
 *  read too (unit_load reports it). A profile that is not a folder is an
 *  error at its unit.yaml line:col. `out` is initialised in every case.
 *  Returns 0 or -1. */
int unit_profile(const char *unit_dir, const char *project_root, profile *out, diag_list *diags);

/** The subject `code` of a scheme as the unit knows it: the catalog's row
 *  for the unit's year, else the unit's own (a code outside the catalog,
 *  named in its tables); NULL when neither has it. */
const subject *unit_subject(const unit *u, const spec_set *specs, subject_scheme scheme, const char *code);

/** The codes of a unit's subject tables that are not in the catalog
 *  (unit_load calls this after binding): each is accepted with the name
 *  its row gives, and a warning [SUBJECT-NEW] at its first cell says so
 *  (for a 项 of 功能分类: its 名词解释 needs a text); the same code with
 *  two names is an error [SUBJECT-NAMES]; a code whose 类 or 款 is neither
 *  in the catalog nor named in the tables is an error [SUBJECT-PARENT].
 *  The accepted codes go to u->added. Returns the number of errors. */
int unit_outside_catalog(unit *u, const spec_set *specs, diag_list *diags);

/** Complete the subject tables of a unit (unit_load calls this last): the
 *  类 and 款 rows and the 合计 row a CSV leaves out are added, computed from
 *  the rows below them (a cell is blank when all its parts are), marked
 *  `computed`, positioned at the table file, and placed in code order with
 *  合计 first. Rows the CSV gives are kept as given: gen/check verifies them. */
void unit_subtotals(unit *u, const spec_set *specs);

#endif
