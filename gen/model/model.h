/* model.h — the data model of juesuan: the types every later stage shares.
 *
 * This header is the whole interface of gen/model:
 *   - srcpos / diag_list: where a value came from, and diagnostics about it;
 *   - buf: a growable byte buffer;
 *   - money: exact fixed-point amounts (int64_t 分), parse / format / percent;
 *   - value: an ordered JSON-like tree (the facts tree that templates read);
 *   - table / unit: one budget unit's year-end data (决算 = final accounts).
 *
 * No stage reaches back into an earlier one; every stage may include this.
 */
#ifndef JUESUAN_MODEL_H
#define JUESUAN_MODEL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ------------------------------------------------------------------------
 * Positions and diagnostics
 * ---------------------------------------------------------------------- */

/** Where a value was read: file path (borrowed, must outlive the value),
 *  1-based line and column (column counts characters, not bytes; 0 = unknown).
 *  A cell of a workbook sheet has `file` "BOOK.xlsx:SHEET!" (ending in '!'),
 *  `line` its row and `col` its column: it prints as BOOK.xlsx:SHEET!C7. */
typedef struct srcpos {
    const char *file;
    int line;
    int col;
} srcpos;

/** A position with no location (messages then print just the file or nothing). */
#define SRCPOS_NONE ((srcpos){NULL, 0, 0})

typedef enum diag_severity {
    DIAG_WARNING = 1, /* 警告: printed, does not stop the build */
    DIAG_ERROR = 2    /* 错误: the build writes nothing */
} diag_severity;

typedef struct diag {
    diag_severity severity;
    char *rule;    /* rule ID such as "T01-SUM", or NULL for reader errors */
    char *file;    /* owned copy of pos.file, may be NULL */
    int line, col;
    char *message; /* UTF-8, Chinese, no trailing newline */
} diag;

/** At most this many messages of one rule (or, without a rule, of one kind:
 *  the same message format) are kept for one file and severity; the rest
 *  are counted, and diag_print says how many in one line. */
#define DIAG_REPEATS_SHOWN 10

/** Messages of one rule and file (diag.c). */
typedef struct diag_group diag_group;

/** A list of diagnostics; zero-initialise before use. */
typedef struct diag_list {
    diag *items;  /* the messages kept */
    size_t count, cap;
    diag_group *groups; /* per file, rule and severity: how many kept, how many not */
    size_t n_groups, cap_groups;
    size_t hidden_errors; /* errors counted but not kept */
    char **show_all;      /* rules whose messages are all kept (diag_show_all) */
    size_t n_show_all;
} diag_list;

/** Add a diagnostic. `rule` may be NULL. The message is printf-formatted. */
void diag_add(diag_list *d, diag_severity sev, const char *rule, srcpos pos,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/** diag_add with severity DIAG_ERROR and no rule. */
void diag_error(diag_list *d, srcpos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/** Keep every message of `rule`, beyond DIAG_REPEATS_SHOWN: for a rule
 *  whose messages are each different and needed together (Y-MISSING: every
 *  key still missing, in one run). */
void diag_show_all(diag_list *d, const char *rule);
/** diag_add with a va_list. */
void diag_vadd(diag_list *d, diag_severity sev, const char *rule, srcpos pos,
               const char *fmt, va_list ap);
/** Number of diagnostics of severity DIAG_ERROR (those not kept included). */
size_t diag_error_count(const diag_list *d);
/** Number of diagnostics of severity DIAG_WARNING (those not kept included). */
size_t diag_warning_count(const diag_list *d);
/** Print all diagnostics sorted by file, line, column (stable) as
 *  `file:line:col: 错误|警告 [RULE]: message`; after the last kept message
 *  of a group that had more, one line with the count of the others. */
void diag_print(const diag_list *d, FILE *out);
/** Free the list's contents (the list itself may be reused). */
void diag_list_free(diag_list *d);

/* ------------------------------------------------------------------------
 * buf — growable byte buffer, always NUL-terminated
 * ---------------------------------------------------------------------- */

typedef struct buf {
    char *data; /* NULL until the first append */
    size_t len, cap;
} buf;

/** Append `n` bytes. Aborts on out-of-memory (the program cannot go on). */
void buf_append(buf *b, const char *s, size_t n);
/** Append a NUL-terminated string. */
void buf_puts(buf *b, const char *s);
/** Append one byte. */
void buf_putc(buf *b, char c);
/** Write `v` in decimal just before `end` (room for 20 digits); returns
 *  where the digits start (no printf: for numbers written by the
 *  thousands, such as object numbers and YAML paths). */
char *uint_text(char *end, uint64_t v);
/** Append `v` in decimal. */
void buf_put_uint(buf *b, uint64_t v);
/** printf into the buffer. */
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/** The contents as a C string ("" when empty); owned by the buffer. */
const char *buf_cstr(const buf *b);
/** Hand the contents over to the caller (malloc'd, never NULL) and reset. */
char *buf_detach(buf *b);
/** Free the contents and reset. */
void buf_free(buf *b);

/** Allocation helpers that abort with a message on out-of-memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/** Room for one more element in an array of `n` elements of `size` bytes
 *  that has no capacity field: it holds 4, then powers of two, and is
 *  reallocated (doubled) only when `n` reaches that, so appending n
 *  elements one by one takes linear time. Use: a = xgrow(a, n, sizeof *a);
 *  a[n++] = x; */
void *xgrow(void *items, size_t n, size_t size);

/** Read a whole file into a malloc'd NUL-terminated string; NULL on error
 *  (errno set). `*len` (may be NULL) receives the byte length. */
char *file_read_all(const char *path, size_t *len);

/** What stat(2) says of a file that tells whether it changed, as git's
 *  index does: device, inode, size, and modification and status-change
 *  times to the nanosecond (a file rewritten in place, even with the same
 *  size and its mtime put back, gets another ctime). */
typedef struct file_stamp {
    unsigned long long dev, ino, size;
    long long mtime_s, mtime_ns, ctime_s, ctime_ns;
} file_stamp;

struct stat;

/** The stamp of what `st` describes. */
file_stamp file_stamp_of(const struct stat *st);

/** True when both stamps are the same file, unchanged. */
bool file_stamp_same(const file_stamp *a, const file_stamp *b);

/* ------------------------------------------------------------------------
 * The environment: system errors in words, temporary files (env.c)
 * ---------------------------------------------------------------------- */

/** The exit status of a failure of the environment (disk full, no write
 *  permission, a name too long, out of memory): not the input's fault, nor
 *  juesuan's. */
#define ENV_FAILURE 4

/** What an errno means to the user, in words: ENOSPC "磁盘空间不足",
 *  EACCES/EPERM "没有写入权限", EROFS, ENAMETOOLONG "文件名过长", …; for the
 *  rest "系统错误：<strerror>（errno N）" (in a static buffer). */
const char *env_error_words(int err);

/** How the names of juesuan's temporary files begin (`.juesuan-XXXXXX`, in
 *  the folder of the file they become). */
#define TEMPFILE_PREFIX ".juesuan-"

/** Add the error "`path`: 错误: <action>：<words>" for errno `err` and
 *  return ENV_FAILURE. A temporary file's path is told as its folder (the
 *  file is gone when the user reads the message). */
int diag_env_error(diag_list *d, const char *path, int err, const char *action);

/** Write `len` bytes to `path` (created or truncated) and flush them to
 *  the disk; returns 0, or -1 with errno set (the file may be partial). */
int file_write_all(const char *path, const void *data, size_t len);

/** Remember a temporary file juesuan created: SIGINT, SIGTERM, SIGHUP or
 *  SIGQUIT remove every remembered file, then end the process by the same
 *  signal (the handlers are installed on first use; a signal the caller
 *  ignores, as nohup does SIGHUP, stays ignored). */
void tempfile_track(const char *path);

/** Forget a file given to tempfile_track (after it was renamed or removed). */
void tempfile_forget(const char *path);

/** Hold back SIGINT, SIGTERM, SIGHUP and SIGQUIT until tempfile_release
 *  (for a step that must not stop halfway, e.g. renaming a document's
 *  files into place); calls nest. */
void tempfile_hold_signals(void);

/** End one tempfile_hold_signals: a signal that came meanwhile is handled now. */
void tempfile_release_signals(void);

/* ------------------------------------------------------------------------
 * money — exact fixed point, never floating point
 *
 * A money_t counts 分 (0.01 元). Input stated in 元 allows at most 2
 * decimals; input stated in 万元 allows at most 6 (1 万元 = 1,000,000 分).
 * Display is in 万元 with 2 decimals, rounded half away from zero
 * ("round half up" on magnitudes) at the last moment.
 * ---------------------------------------------------------------------- */

typedef int64_t money_t;

/** The unit in which the input states amounts. */
typedef enum money_unit {
    MONEY_YUAN = 1,   /* 元 */
    MONEY_WANYUAN = 2 /* 万元 */
} money_unit;

/** 分 per one input unit. */
#define MONEY_FEN_PER_YUAN INT64_C(100)
#define MONEY_FEN_PER_WANYUAN INT64_C(1000000)

typedef enum money_status {
    MONEY_OK = 0,
    MONEY_EMPTY,      /* empty or only blanks */
    MONEY_SYNTAX,     /* not a decimal number: "4. 12", "abc", "1.2.3" */
    MONEY_SEPARATOR,  /* misplaced thousands separator: "1,0.2", "12,34" */
    MONEY_FULLWIDTH,  /* full-width digits or punctuation: "１２.３" */
    MONEY_PRECISION,  /* more decimals than the unit allows */
    MONEY_OVERFLOW    /* does not fit in int64_t 分 */
} money_status;

/** Parse decimal text exactly: optional ASCII blanks around, optional '-',
 *  digits with optional comma thousands separators (groups of three),
 *  optional '.' and decimals. `in_unit` says what the number counts.
 *  Checks run in this order: empty, full-width characters, syntax,
 *  separators, precision, overflow. On success stores 分 in *out and
 *  returns MONEY_OK; *out is untouched otherwise. */
money_status money_parse(const char *s, money_unit in_unit, money_t *out);

/** A Chinese description of a status, e.g. "不是合法的数字" (static). */
const char *money_status_text(money_status st);

/** The Chinese name of a unit: "元" or "万元" ("" if unknown). */
const char *money_unit_name(money_unit mu);

/** Parse a unit name ("元", "万元"); returns 0 if unknown. */
money_unit money_unit_parse(const char *s);

/** Format `v` 分 as 万元 with 2 decimals, rounded half away from zero.
 *  With `thousands`, group the integer part with commas ("3,313.32").
 *  Writes to `out` (size >= 32) and returns it. */
char *money_format_wan(money_t v, bool thousands, char *out);

/** Round `v` 分 to whole 0.01 万元 (i.e. to a multiple of 10000 分),
 *  half away from zero: the value as displayed. Within 5000 分 of the
 *  int64_t limits the result is clamped to the nearest multiple that fits. */
money_t money_round_wan(money_t v);

/** Percent `num / den * 100` from exact integers, rounded half away from
 *  zero to 2 decimals, as an integer count of 0.01% (basis points / 100).
 *  Exact for every int64_t input (77-bit intermediate). Returns false when
 *  den == 0 or the result does not fit int64_t. `hundredths` may be NULL
 *  (then it only tells whether the percent can be computed). */
bool money_percent(money_t num, money_t den, int64_t *hundredths);

/** num × factor ÷ den for num >= 0, den > 0, exactly: the quotient and the
 *  remainder (0 <= rem < den). Returns false for a negative num, a den <= 0
 *  or a quotient beyond 64 bits. */
bool money_muldiv(int64_t num, uint32_t factor, int64_t den, uint64_t *quot, uint64_t *rem);

/** Format hundredths of a percent with 2 decimals: 9519 → "95.19".
 *  Writes to `out` (size >= 32) and returns it. */
char *percent_format(int64_t hundredths, char *out);

/* ------------------------------------------------------------------------
 * value — an ordered JSON-like tree
 *
 * Maps keep insertion order (so JSON output is stable). Numbers are kept
 * as their text. A tree owns its children.
 * ---------------------------------------------------------------------- */

typedef enum value_type {
    VALUE_NULL,
    VALUE_BOOL,
    VALUE_NUMBER, /* text of a JSON number, e.g. "1.21" */
    VALUE_STRING,
    VALUE_LIST,
    VALUE_MAP
} value_type;

typedef struct value value;

value *value_new_null(void);
value *value_new_bool(bool b);
/** A number from its JSON text (copied). */
value *value_new_number(const char *text);
/** A number from an integer. */
value *value_new_int(int64_t n);
/** A string (copied). */
value *value_new_string(const char *s);
/** A string from printf-style arguments. */
value *value_new_stringf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
value *value_new_list(void);
value *value_new_map(void);

value_type value_get_type(const value *v);
/** Bool value (false for non-bools). */
bool value_get_bool(const value *v);
/** Text of a string or number; NULL otherwise. */
const char *value_get_text(const value *v);
/** Number of items of a list or entries of a map; 0 otherwise. */
size_t value_count(const value *v);
/** The i-th item of a list, or the i-th entry's value of a map. */
value *value_at(const value *v, size_t i);
/** The i-th key of a map (NULL for lists). */
const char *value_key_at(const value *v, size_t i);
/** Look up a key in a map; NULL when absent or not a map. */
value *value_get(const value *map, const char *key);
/** Look up a dotted path ("a.b.c") from a map; NULL when absent. */
value *value_get_path(const value *map, const char *path);

/** Append to a list; takes ownership of `item`. Returns `item`. */
value *value_append(value *list, value *item);
/** Set a key in a map (replacing an existing entry in place); takes
 *  ownership of `item`. Returns `item`. */
value *value_set(value *map, const char *key, value *item);
/** Convenience setters; return the new child. */
value *value_set_string(value *map, const char *key, const char *s);
value *value_set_int(value *map, const char *key, int64_t n);
value *value_set_bool(value *map, const char *key, bool b);

/** Free a tree (NULL is fine). */
void value_free(value *v);

/** Write a tree as JSON (UTF-8 kept as is, two-space indentation, keys in
 *  insertion order, trailing newline). */
void value_write_json(const value *v, buf *out);

/* ------------------------------------------------------------------------
 * posmap — where each node of a YAML document was read
 *
 * Keys are dotted paths from the document root: "unit.name",
 * "overview.duties.0", "budget.2050302". The position of a mapping entry is
 * that of its value (of its key when the value is a mapping, a sequence or
 * empty); posmap_get_key gives the key's own position.
 * ---------------------------------------------------------------------- */

typedef struct posmap posmap;

/** A new, empty map whose positions name `file` (copied). */
posmap *posmap_new(const char *file);
/** The file name the map's positions carry (owned by the map). */
const char *posmap_file(const posmap *m);
/** Record `path` at 1-based line/col. */
void posmap_add(posmap *m, const char *path, int line, int col);
/** Record where the key of mapping entry `path` stands. */
void posmap_add_key(posmap *m, const char *path, int line, int col);
/** The position of `path`; when absent, that of its nearest recorded
 *  ancestor; failing that the file alone. `m` may be NULL (→ SRCPOS_NONE). */
srcpos posmap_get(const posmap *m, const char *path);
/** The position of the key of mapping entry `path` (for messages about the
 *  key itself: unknown or misspelt keys); falls back to posmap_get. */
srcpos posmap_get_key(const posmap *m, const char *path);
/** Free the map (NULL is fine). */
void posmap_free(posmap *m);

/* ------------------------------------------------------------------------
 * Table specifications and tables (附表)
 * ---------------------------------------------------------------------- */

/** How a table's rows are identified. */
typedef enum table_kind {
    TABLE_FIXED = 1,  /* fixed rows named by 项目 label (and 行次) */
    TABLE_SUBJECT = 2 /* rows carry a subject code: 功能分类 or 经济分类 */
} table_kind;

/** Which classification the rows of a TABLE_SUBJECT table use. */
typedef enum subject_scheme {
    SCHEME_NONE = 0,
    SCHEME_FUNCTION = 1, /* 支出功能分类: 类 3 digits, 款 5, 项 7 */
    SCHEME_ECONOMIC = 2  /* 部门预算支出经济分类: 类 3 digits, 款 5 */
} subject_scheme;

/** What a CSV column holds. */
typedef enum column_role {
    COLUMN_AMOUNT = 0, /* a money column, identified by its key */
    COLUMN_LABEL,      /* 项目 text of a fixed row */
    COLUMN_LINE,       /* 行次 */
    COLUMN_CODE,       /* 科目编码 */
    COLUMN_NAME        /* 科目名称 */
} column_role;

/** One CSV column, which is also one printed column (a leaf of the header tree). */
typedef struct table_column {
    char *header;  /* the header text, e.g. "基本支出" */
    column_role role;
    char *key;     /* COLUMN_AMOUNT: stable id, e.g. "basic"; else NULL */
    int side;      /* two-sided forms: 0 = left, 1 = right */
    char **group;  /* printed header cells above this one, outermost first */
    size_t n_group;
    int width;     /* column width in characters (0 = default) */
    char *row;     /* printed columns of a transposed table (PRINT_TRANSPOSE):
                      the fixed row whose `key` amount this column shows */
} table_column;

/** One fixed row (TABLE_FIXED) on one side. */
typedef struct table_fixed_row {
    char *key;   /* stable id, e.g. "income_general_budget" */
    char *label; /* printed 项目 text, e.g. "一、一般公共预算财政拨款收入" */
    int line;    /* 行次, 0 = none */
    int side;    /* 0 = left, 1 = right */
    bool total;  /* a 合计/总计 row (printed bold) */
    srcpos pos;
} table_fixed_row;

/** How a table is printed when the printed form differs from the CSV
 *  layout (the spec's `print:` block). */
typedef enum print_layout {
    PRINT_AS_CSV = 0,     /* the printed columns are the CSV columns */
    PRINT_SPLIT_BY_CLASS, /* subject rows split over sides by their 类 code,
                             each side printed with `print_columns`, a total
                             row per side at the foot (公开08表) */
    PRINT_TRANSPOSE       /* fixed rows become printed columns: one data row,
                             each printed column names a row and an amount
                             column (the 12-column 三公 form) */
} print_layout;

/** One side of a PRINT_SPLIT_BY_CLASS form. */
typedef struct print_side {
    char *group;     /* header cell over the side's columns ("人员经费"); may be NULL */
    char **classes;  /* 类 codes whose rows (the 类 and everything under it) go here */
    size_t n_classes;
    char *total;     /* label of the side's total row ("人员经费合计") */
} print_side;

/** A table specification, read from templates/tables/NN.yaml. */
typedef struct table_spec {
    char *id;        /* "t01" … */
    char *label;     /* "公开01表" */
    char *title;     /* "收入支出决算总表" */
    char *file;      /* CSV file name under tables/, e.g. "01_收入支出决算总表.csv" */
    char *sheet;     /* XLSX sheet name (<= 31 characters) */
    table_kind kind;
    subject_scheme scheme;
    bool landscape;
    int sides;       /* 1, or 2 for two-sided forms (收入 | 支出) */
    table_column *columns; /* the CSV columns in order */
    size_t n_columns;
    table_fixed_row *rows; /* TABLE_FIXED */
    size_t n_rows;
    char **notes;     /* footnotes (Mustache over the facts tree) */
    size_t n_notes;
    char *empty_note; /* note for a table with no data; may be NULL */
    print_layout print;           /* PRINT_AS_CSV unless the spec has print: */
    table_column *print_columns;  /* split: one side's columns (code, name,
                                     amounts by CSV key), repeated per side;
                                     transpose: every printed column */
    size_t n_print_columns;
    print_side *print_sides;      /* PRINT_SPLIT_BY_CLASS */
    size_t n_print_sides;
    char *path;       /* the spec file */
    srcpos pos;
} table_spec;

/** One cell: an amount, or blank. */
typedef struct cell {
    money_t amount;
    bool present; /* false = blank cell */
    srcpos pos;
} cell;

/** One row of a loaded table. */
typedef struct table_row {
    char *key;   /* TABLE_FIXED: the row key; TABLE_SUBJECT: the subject code, or "total" */
    char *label; /* 项目 / 科目名称 as given */
    int side;    /* two-sided fixed tables: side of this row's values */
    cell *cells; /* one per spec column (n_columns); only the COLUMN_AMOUNT
                    cells of this row's `side` are meaningful */
    bool computed; /* true when juesuan added the row (a subtotal the CSV omitted) */
    srcpos pos;
} table_row;

/** A table as loaded from its CSV, bound to its spec. */
typedef struct table {
    const table_spec *spec;
    char *path; /* the CSV path */
    table_row *rows;
    size_t n_rows;
    /* table_index: row number + 1 by the hash of its key (open addressing,
     * index_cap slots), for the rows and n_rows it was made of; NULL: none */
    uint32_t *index;
    size_t index_cap;
    const table_row *index_rows;
    size_t index_n;
} table;

/** Index the rows of `t` by key, so that table_find_row does not read
 *  every row (the checks and the documents look rows up thousands of
 *  times). An index made before rows are added or moved is not used (the
 *  lookup reads every row again), so make it when the table is complete. */
void table_index(table *t);

/** Index of the amount column `key` on `side` in a spec, or -1. */
int table_spec_column(const table_spec *spec, const char *key, int side);
/** Index of the fixed row `key` in a spec, or -1. */
int table_spec_row(const table_spec *spec, const char *key);
/** Find a row by key (fixed-row key or subject code); NULL if absent. */
const table_row *table_find_row(const table *t, const char *key);
/** The amount in row `row_key`, amount column `column` on the row's side
 *  (0 when the row or column is absent or the cell blank). */
money_t table_amount(const table *t, const char *row_key, const char *column);
/** True when the table has at least one non-zero amount (a table of blanks
 *  and zeros has no data: it is printed with its empty_note). */
bool table_has_data(const table *t);

/* ------------------------------------------------------------------------
 * Catalogs: subject codes with names and explanations
 * ---------------------------------------------------------------------- */

typedef struct subject {
    char *code;        /* "2080101" */
    char *name;        /* "行政运行" */
    char *explanation; /* "反映……", may be "" */
    int from_year;     /* the years of 政府收支分类科目 this name belongs to */
    int to_year;       /* (适用年度; 0 = open on that side) */
} subject;

typedef struct catalog {
    subject *items;
    size_t count;
} catalog;

/** Free a catalog's rows (the struct may be reused). */
void catalog_free(catalog *c);

/** Find a subject by code; NULL if unknown. Where the name changed between
 *  years (several rows for the code), the latest row. */
const subject *catalog_find(const catalog *c, const char *code);
/** Find a subject by code as named in `year`'s 政府收支分类科目: the row whose
 *  适用年度 holds `year` (year 0: the latest row); NULL if none. */
const subject *catalog_find_year(const catalog *c, const char *code, int year);

/* ------------------------------------------------------------------------
 * Performance self-evaluation of projects (项目支出绩效自评表)
 *
 * Weights and scores are exact fixed point: int64_t hundredths of a point
 * (10 分 = 1000). Rates are hundredths of a percent (100.00% = 10000).
 * Indicator values (指标值, 完成值) are compared as exact decimals in
 * millionths. Nothing here is floating point.
 * ---------------------------------------------------------------------- */

/** 指标性质: how an indicator's 完成值 is compared with its 指标值. */
typedef enum perf_sense {
    PERF_SENSE_NONE = 0,
    PERF_SENSE_GE,  /* ≥ */
    PERF_SENSE_LE,  /* ≤ */
    PERF_SENSE_EQ,  /* = */
    PERF_SENSE_GT,  /* ＞ */
    PERF_SENSE_LT,  /* ＜ */
    PERF_SENSE_QUAL /* 定性: a judgement, not compared */
} perf_sense;

/** Parse 指标性质: ≥ ＞ ≤ ＜ = (ASCII >=, >, <=, <, and full-width ＝ too)
 *  or 定性; PERF_SENSE_NONE when it is none of them. */
perf_sense perf_sense_parse(const char *s);

/** The printed form of a sense: "≥", "≤", "=", "＞", "＜", "定性". */
const char *perf_sense_text(perf_sense s);

/** The fund rows of 预算执行情况, in printed order. */
typedef enum perf_fund_kind {
    PERF_FUND_TOTAL = 0, /* 总额 */
    PERF_FUND_FISCAL,    /* 其中：财政资金 */
    PERF_FUND_SPECIAL,   /* 财政专户管理资金 */
    PERF_FUND_UNIT,      /* 单位资金 */
    PERF_FUND_OTHER,     /* 其他资金 */
    PERF_FUND_COUNT
} perf_fund_kind;

/** One fund row: 年初预算, 调整后预算数, 预算执行数 (blank row when !present). */
typedef struct perf_fund {
    bool present;
    money_t initial, adjusted, spent; /* 分 */
} perf_fund;

/** One 绩效指标 row. Texts are never NULL ("" when not given). */
typedef struct perf_indicator {
    char *level1, *level2, *name; /* 一级 / 二级 / 三级指标 (level1/level2
                                     as given or carried from the row above) */
    perf_sense sense;
    char *target, *unit, *actual; /* 指标值, 度量单位, 完成值 as typed */
    int64_t weight, score;        /* hundredths of a point */
    char *reason;                 /* 未完成原因分析 */
} perf_indicator;

/** The texts of a 项目支出绩效自评报告 (a project file's `report:`), in the
 *  order the report prints them. */
typedef enum perf_report_part {
    PERF_REPORT_APPROVAL = 0,  /* 一（一）项目资金申报及批复情况 */
    PERF_REPORT_GOALS,         /* 一（二）项目绩效目标 */
    PERF_REPORT_CONSISTENCY,   /* 一（三）项目资金申报相符性 */
    PERF_REPORT_ARRIVAL,       /* 二（一）1 资金计划及到位 */
    PERF_REPORT_USE,           /* 二（一）2 资金使用 */
    PERF_REPORT_FINANCE,       /* 二（二）项目财务管理情况 */
    PERF_REPORT_ORGANIZATION,  /* 二（三）项目组织实施情况 */
    PERF_REPORT_COMPLETION,    /* 三（一）项目完成情况 */
    PERF_REPORT_BENEFITS,      /* 三（二）项目效益情况 */
    PERF_REPORT_PROBLEMS,      /* 四（一）存在的问题 (optional: 存在问题 of the 自评表) */
    PERF_REPORT_SUGGESTIONS,   /* 四（二）相关建议 (optional: 改进措施 of the 自评表) */
    PERF_REPORT_COUNT
} perf_report_part;

/** One project's self-evaluation, read from UNIT/performance/projects/NAME.yaml.
 *  `yaml`/`pos` keep the file's tree and positions (the `report:` narrative
 *  and every position for messages: posmap_get(pos, "indicators.2.score")). */
typedef struct perf_project {
    char *path;                                    /* the file */
    char *code, *name, *department, *implementer;  /* 项目编码, 项目名称, 主管部门, 实施单位 */
    char *target, *achieved, *process;             /* 年度目标, 完成情况, 实施内容及过程概述 */
    perf_fund funds[PERF_FUND_COUNT];
    char *budget_reason;                           /* 预算执行情况的原因 */
    perf_indicator *indicators;
    size_t n_indicators;
    bool has_total_weight, has_total_score;        /* 合计 as typed on the form */
    int64_t total_weight, total_score;
    char *conclusion, *problems, *measures;        /* 评价结论, 存在问题, 改进措施 */
    char *manager, *finance_manager;               /* 项目负责人, 财务负责人 */
    bool has_report;                               /* the file has report: */
    char *report[PERF_REPORT_COUNT];               /* its texts ("" when not given) */
    value *yaml;
    posmap *pos;
} perf_project;

/** How the 预算执行情况 score is computed (templates/performance/scoring.yaml). */
typedef enum perf_rounding { PERF_ROUND_HALF_UP = 1, PERF_ROUND_DOWN } perf_rounding;

typedef struct perf_rules {
    int64_t budget_weight;     /* 预算执行情况 权重, hundredths (1000 = 10 分) */
    int64_t indicator_weight;  /* 绩效指标 权重 total, hundredths (9000 = 90 分) */
    bool rate_as_printed;      /* the score uses the rate rounded to 0.01% (true)
                                  or the exact 执行数/调整后预算数 (false) */
    int score_decimals;        /* 0–2: the score is rounded to this many decimals */
    perf_rounding rounding;    /* half_up (四舍五入) or down (舍去) */
    char *zero_rate_text;      /* what 预算执行率 prints when 调整后预算数 is 0 */
    bool zero_budget_full;     /* score of a zero budget: the full weight (true) or 0 */
    char *table_title;         /* "部门预算项目支出绩效自评表" */
    char *path;                /* the rules file */
} perf_rules;

/** 预算执行率 = 执行数 / 调整后预算数 in hundredths of a percent, rounded half
 *  up. false when the adjusted budget is 0 (the rules' zero_rate_text is
 *  printed then) or the rate does not fit. */
bool perf_rate(money_t spent, money_t adjusted, int64_t *hundredths);

/** The 预算执行情况 score under `r`: 权重 × min(执行率, 100%), rounded as the
 *  rules say; a zero budget scores the full weight or 0 as the rules say. */
int64_t perf_budget_score(const perf_rules *r, money_t spent, money_t adjusted);

/** Whether an indicator's 完成值 meets its 指标值: 1 met, 0 missed, -1 not
 *  comparable (定性, or a value that is not a number). Numbers may carry a
 *  trailing % and thousands separators. */
int perf_indicator_met(const perf_indicator *in);

/** Parse a 指标值/完成值 as a decimal (up to 6 decimals, optional trailing
 *  "%") into millionths; false when it is not a number. */
bool perf_value_parse(const char *s, int64_t *millionths);

/** Format hundredths of a point without trailing zeros: 1000 → "10",
 *  850 → "8.5", 825 → "8.25". `out` >= 32. Every score juesuan prints (自评表,
 *  自评N分, 自评总分, messages) goes through it. */
char *perf_score_format(int64_t hundredths, char *out);

/** A score (权重, 得分, 自评N分) from YAML: a number >= 0 with at most 2
 *  decimals, as hundredths (96.5 → 9650). Returns false when `v` is not one. */
bool perf_score_parse(const value *v, int64_t *hundredths);

/** The computed 合计: 权重 = budget weight + Σ indicator weights, 得分 =
 *  budget score + Σ indicator scores. */
void perf_project_totals(const perf_project *p, const perf_rules *r, int64_t *weight, int64_t *score);

/** Free a project's contents / the rules' contents. */
void perf_project_free(perf_project *p);
void perf_rules_free(perf_rules *r);

/* ------------------------------------------------------------------------
 * The unit (one budget unit's year)
 * ---------------------------------------------------------------------- */

typedef enum unit_kind {
    UNIT_DEPARTMENT = 1, /* 部门 */
    UNIT_UNIT = 2        /* 单位 */
} unit_kind;

/** A unit: metadata from unit.yaml, its texts, and its tables.
 *  `yaml` keeps the whole parsed unit.yaml as a value tree (so later stages
 *  can read blocks this header does not name); `yaml_pos` maps dotted paths
 *  to positions (see unit_pos). Tables own their CSV path, which the
 *  cells' positions borrow. */
/* A YAML file of a unit folder besides unit.yaml (performance/department.yaml,
 * performance/projects/NAME.yaml): its tree and where each node was read. */
typedef struct unit_file {
    char *path;  /* dir/performance/department.yaml; NULL when absent */
    value *root; /* NULL when absent */
    posmap *pos; /* its positions (they name `path`) */
} unit_file;

/* A figure that a performance report's text quotes as {name} (the
 * `figures:` block of performance/department.yaml): typed, or computed from
 * other figures, never copied by hand. gen/input evaluates them; gen/check
 * compares a `stated` (published) value; gen/facts prints them. */
typedef enum figure_kind {
    FIGURE_AMOUNT = 1, /* money, 分 (printed in 万元, 2 decimals) */
    FIGURE_COUNT,      /* a whole number (persons, 人次, projects) */
    FIGURE_PERCENT,    /* hundredths of a percent (printed "94.16") */
    FIGURE_PER         /* 分 per counted thing (printed in 元, 2 decimals) */
} figure_kind;

typedef struct text_figure {
    char *name;
    const char *op;    /* "amount", "count", "sum", "difference", "percent", "per" */
    figure_kind kind;
    bool ok;           /* evaluated (false after an error at `pos`) */
    int64_t value;     /* exact, in the kind's unit (a percent rounded to 0.01%) */
    int64_t lo, hi;    /* the least and greatest value the figure could have had
                          before the 万元 amounts it comes from were rounded */
    bool has_stated;   /* `stated:` the figure as published, to check */
    int64_t stated;
    srcpos pos;        /* the figure's key */
    srcpos stated_pos;
} text_figure;

typedef struct unit {
    char *dir;        /* the unit folder as given */
    char *id;         /* folder name, e.g. "leshan-2024" */
    char *yaml_path;  /* dir/unit.yaml */
    char *name;       /* 乐山市人力资源和社会保障局（机关） */
    char *short_name; /* used inside sentences; defaults to name */
    unit_kind kind;
    int year;
    int pub_year, pub_month, pub_day; /* 公开时间 */
    money_unit money_unit;
    value *yaml;     /* the whole unit.yaml */
    posmap *yaml_pos; /* positions of its nodes */
    bool has_tables; /* tables/ exists: the unit has a disclosure (决算公开) */
    table *tables; /* one per spec, in spec order (absent CSVs: n_rows = 0);
                      none when !has_tables */
    size_t n_tables;
    catalog added[3]; /* by subject_scheme: codes outside the catalog, with
                         the names the unit's tables give (gen/input) */
    unit_file department; /* performance/department.yaml (部门整体支出绩效自评) */
    text_figure *figures;      /* its `figures:`, evaluated (gen/input figures_load) */
    size_t n_figures;
    bool has_scores;      /* its sections carry scores (自评N分) */
    int64_t score_total;  /* 自评总分: the sum of the outermost scored sections,
                             in hundredths (9650 = 96.5 分) */
    perf_project *projects; /* performance/projects/NAME.yaml, in file-name order */
    size_t n_projects;
} unit;

/** The position of a dotted path in unit.yaml ("previous.total"), or the
 *  file's position when unknown. */
srcpos unit_pos(const unit *u, const char *path);
/** The table bound to spec id `id` ("t01"), NULL if none. */
const table *unit_table(const unit *u, const char *id);
/** "部门" or "单位". */
const char *unit_kind_name(unit_kind k);
/** The figure named `name`, or NULL. */
const text_figure *unit_figure(const unit *u, const char *name);
/** A figure as printed: 万元 / count / percent / 元 with 2 decimals ("94.16");
 *  its rounded value when `stated` is false, else its stated value. `out` >= 32. */
char *figure_format(const text_figure *f, bool stated, char *out);
/** Free what a unit_file holds and zero it. */
void unit_file_free(unit_file *f);
/** Free everything the unit owns (not the struct itself). */
void unit_free(unit *u);

/* ------------------------------------------------------------------------
 * profile — where every file under templates/ is found
 *
 * The project's templates/ is the default profile; a unit may name another
 * (`profile:` in unit.yaml), a folder laid out like templates/ holding only
 * what differs. Every template, table spec, style, option, glossary and
 * catalog file is looked up through profile_find (or, for files that merge
 * layer by layer, profile_find_all), so a profile overlays all of them.
 * ---------------------------------------------------------------------- */

#define PROFILE_MAX_LAYERS 4

/** The folders templates are looked up in, bottom (the project's
 *  templates/) first; a later layer's file replaces an earlier one's. */
typedef struct profile {
    char *dirs[PROFILE_MAX_LAYERS];
    size_t n;
} profile;

/** Start a lookup with the project's templates folder as its only layer. */
void profile_init(profile *p, const char *templates_dir);
/** Lay folder `dir` over the layers so far (ignored beyond PROFILE_MAX_LAYERS). */
void profile_add(profile *p, const char *dir);
/** The path of the file `rel` ("parts/part2.mustache", "tables/01.yaml") in
 *  the top-most layer that has it (malloc'd), or NULL when no layer has it. */
char *profile_find(const profile *p, const char *rel);
/** The path `rel` would have in the bottom layer (malloc'd): what a message
 *  about a file no layer has names. */
char *profile_base_path(const profile *p, const char *rel);
/** Every layer's path of `rel` that exists, bottom first, into `out`
 *  (room for PROFILE_MAX_LAYERS; each malloc'd); returns how many. For
 *  files that merge (catalog rows, facts options). */
size_t profile_find_all(const profile *p, const char *rel, char **out);
/** The names of the files in folder `sub` ("tables") ending in `suffix`
 *  (".yaml") over all layers, each once, sorted (malloc'd array of
 *  malloc'd names; *n receives the count). */
char **profile_list(const profile *p, const char *sub, const char *suffix, size_t *n);
/** Free the layers (the struct itself may be reused after profile_init). */
void profile_free(profile *p);

#endif
