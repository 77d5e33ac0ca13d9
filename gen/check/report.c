/* report.c — how rules report: amounts as the input states them, sums that
 * remember their parts, the 尾差 tolerance, and where a cell or a unit.yaml
 * value stands. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* At most this many parts are named in a message; the rest are counted. */
enum { NAMES_SHOWN = 8 };

void check_report(cctx *c, const char *rule, srcpos pos, const char *fmt, ...)
{
    const check_rule *r = check_rule_find(rule);
    if (!r) {
        fprintf(stderr, "juesuan: internal error: unknown check rule %s\n", rule);
        abort();
    }
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(c->d, r->severity, r->id, pos, fmt, ap);
    va_end(ap);
    if (r->severity == DIAG_ERROR) c->errors++;
}

/* A magnitude in 分 with a sign, in the unit's money unit. */
static char *money_text(money_unit mu, bool negative, uint64_t mag, char *out)
{
    uint64_t per = mu == MONEY_YUAN ? (uint64_t)MONEY_FEN_PER_YUAN : (uint64_t)MONEY_FEN_PER_WANYUAN;
    int digits = mu == MONEY_YUAN ? 2 : 6;
    char frac[8];
    snprintf(frac, sizeof frac, "%0*llu", digits, (unsigned long long)(mag % per));
    int keep = digits;
    while (keep > 2 && frac[keep - 1] == '0') keep--;
    frac[keep] = '\0';
    snprintf(out, 48, "%s%llu.%s", negative && mag ? "-" : "", (unsigned long long)(mag / per), frac);
    return out;
}

static uint64_t magnitude(money_t v)
{
    return v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
}

char *check_money(const cctx *c, money_t v, char *out)
{
    return money_text(c->u->money_unit, v < 0, magnitude(v), out);
}

/* |a − b| without overflow. */
static uint64_t abs_diff(money_t a, money_t b)
{
    if ((a < 0) == (b < 0)) return a > b ? (uint64_t)a - (uint64_t)b : (uint64_t)b - (uint64_t)a;
    return magnitude(a) + magnitude(b); /* opposite signs: at most 2^64 − 1 */
}

/* ---- sums ---------------------------------------------------------------- */

static void sum_name(sum *s, const char *name)
{
    if (!name) return;
    if (s->n_names < NAMES_SHOWN) {
        if (s->names.len) buf_puts(&s->names, "、");
        buf_puts(&s->names, name);
    }
    s->n_names++;
}

/* The decimals of `v` as an amount in 万元 (0–6): how many digits after
 * the point it needs, trailing zeros dropped. */
static int wan_decimals(money_t v)
{
    uint64_t frac = magnitude(v) % (uint64_t)MONEY_FEN_PER_WANYUAN;
    int d = 6;
    while (d > 0 && frac % 10 == 0) frac /= 10, d--;
    return d;
}

static void sum_part(sum *s, money_t v, const char *name)
{
    if (v) s->n++;
    int d = wan_decimals(v);
    if (d > s->decimals) s->decimals = d;
    sum_name(s, name);
}

void sum_add(sum *s, money_t v, bool present, const char *name)
{
    if (!present) return;
    if (__builtin_add_overflow(s->value, v, &s->value)) s->overflow = true;
    sum_part(s, v, name);
}

void sum_sub(sum *s, money_t v, bool present, const char *name)
{
    if (!present) return;
    if (__builtin_sub_overflow(s->value, v, &s->value)) s->overflow = true;
    sum_part(s, v, name);
}

void sum_cell(sum *s, const table *t, const char *key, int col, const char *name)
{
    const cell *x = tcell(t, key, col);
    if (x) sum_add(s, x->amount, x->present, name ? name : key);
}

void sum_free(sum *s)
{
    buf_free(&s->names);
    memset(s, 0, sizeof *s);
}

static void parts_text(buf *b, const sum *s, const char *parts)
{
    buf_puts(b, parts);
    if (s->n_names) {
        buf_printf(b, "（%s", buf_cstr(&s->names));
        if (s->n_names > NAMES_SHOWN) buf_printf(b, "等 %d 项", s->n_names);
        buf_puts(b, "）");
    }
}

/* The last decimal the figures of a sum carry, in 万元: the most decimals
 * among the total and its parts, at least 2. */
static int sum_decimals(money_t actual, const sum *s)
{
    int d = wan_decimals(actual);
    if (s->decimals > d) d = s->decimals;
    return d < 2 ? 2 : d;
}

bool check_tail(const cctx *c, money_t actual, const sum *s)
{
    if (c->u->money_unit != MONEY_WANYUAN || s->overflow) return false;
    int d = sum_decimals(actual, s);
    if (d >= 6) return false; /* 6 decimals of 万元 are whole 分: nothing was rounded */
    uint64_t step = 1; /* one unit of the last decimal, in 分 */
    for (int i = d; i < 6; i++) step *= 10;
    /* |actual − sum| <= n × unit / 2 */
    uint64_t diff = abs_diff(actual, s->value);
    return diff <= UINT64_MAX / 2 && 2 * diff <= (uint64_t)s->n * step;
}

void check_tail_text(const cctx *c, buf *b, money_t actual, const sum *s)
{
    (void)c;
    int d = sum_decimals(actual, s);
    buf_printf(b, "，在 %d 项各 0.%0*d5 万元（半个末位）的尾差以内", s->n, d, 0);
}

char *check_diff(const cctx *c, money_t a, money_t b, char *out)
{
    return money_text(c->u->money_unit, false, abs_diff(a, b), out);
}

static bool sum_agrees(money_t actual, const sum *s)
{
    return !s->overflow && actual == s->value;
}

bool check_sum(cctx *c, const char *rule, srcpos pos, money_t actual, const sum *s, const char *what,
               const char *parts)
{
    if (sum_agrees(actual, s)) return true;
    buf p = {0};
    parts_text(&p, s, parts);
    char x[48], y[48], z[48];
    if (s->overflow) {
        check_report(c, rule, pos, "%s应等于%s之和，但这些金额之和超出了可以表示的范围", what, buf_cstr(&p));
        buf_free(&p);
        return false;
    }
    check_money(c, s->value, x);
    check_money(c, actual, y);
    check_diff(c, actual, s->value, z);
    const check_rule *r = check_rule_find(rule);
    if (r && r->rounding && r->severity == DIAG_ERROR && check_tail(c, actual, s)) {
        buf m = {0};
        buf_printf(&m, "尾差：%s与%s之和不等（前者为 %s，后者为 %s，相差 %s", what, buf_cstr(&p), y, x, z);
        check_tail_text(c, &m, actual, s);
        buf_puts(&m, "）");
        diag_add(c->d, DIAG_WARNING, rule, pos, "%s", buf_cstr(&m));
        buf_free(&m);
    } else {
        check_report(c, rule, pos, "%s与%s之和不等（前者为 %s，后者为 %s，相差 %s）", what, buf_cstr(&p), y, x, z);
    }
    buf_free(&p);
    return false;
}

bool check_sum_cell(cctx *c, const char *rule, const table *t, const char *key, int col, const sum *s,
                    const char *parts)
{
    money_t actual = tval(t, key, col);
    if (sum_agrees(actual, s)) return true; /* most rows: nothing to describe */
    char *what = tdesc_str(c, t, key, col, false);
    check_sum(c, rule, tpos(t, key, col), actual, s, what, parts);
    free(what);
    return false;
}

bool check_equal(cctx *c, const char *rule, srcpos pos, money_t actual, money_t expected, const char *what,
                 srcpos other_pos, const char *other)
{
    if (actual == expected) return true;
    char x[48], y[48], z[48];
    buf m = {0};
    buf_printf(&m, "%s为 %s", what, check_money(c, actual, y));
    if (pos.line > 0) buf_printf(&m, "（%s:%d:%d）", pos.file, pos.line, pos.col);
    buf_printf(&m, "，%s为 %s", other, check_money(c, expected, x));
    if (other_pos.line > 0) buf_printf(&m, "（%s:%d:%d）", other_pos.file, other_pos.line, other_pos.col);
    buf_printf(&m, "，相差 %s；两处应当一致", check_diff(c, actual, expected, z));
    check_report(c, rule, pos, "%s", buf_cstr(&m));
    buf_free(&m);
    return false;
}

/* ---- tables ------------------------------------------------------------- */

int tcol(const table *t, const char *key, int side)
{
    return t ? table_spec_column(t->spec, key, side) : -1;
}

const cell *tcell(const table *t, const char *key, int col)
{
    const table_row *r = table_find_row(t, key);
    if (!r || col < 0 || (size_t)col >= t->spec->n_columns) return NULL;
    return &r->cells[col];
}

money_t tval(const table *t, const char *key, int col)
{
    const cell *x = tcell(t, key, col);
    return x && x->present ? x->amount : 0;
}

srcpos tpos(const table *t, const char *key, int col)
{
    if (!t) return SRCPOS_NONE;
    const table_row *r = table_find_row(t, key);
    if (!r || r->computed) return (srcpos){t->path, 0, 0};
    if (col >= 0 && (size_t)col < t->spec->n_columns && r->cells[col].pos.line) return r->cells[col].pos;
    return r->pos;
}

/* The amount columns on `side` of a spec. */
static int amount_columns(const table_spec *s, int side)
{
    int n = 0;
    for (size_t i = 0; i < s->n_columns; i++)
        if (s->columns[i].role == COLUMN_AMOUNT && s->columns[i].side == side) n++;
    return n;
}

void tdesc(const cctx *c, buf *b, const table *t, const char *key, int col, bool with_table)
{
    if (with_table) buf_puts(b, t->spec->label);
    const table_row *r = table_find_row(t, key);
    int side = 0;
    if (t->spec->kind == TABLE_FIXED) {
        int k = table_spec_row(t->spec, key);
        side = k >= 0 ? t->spec->rows[k].side : 0;
        buf_printf(b, "“%s”", k >= 0 ? t->spec->rows[k].label : key);
    } else if (strcmp(key, "total") == 0) {
        buf_puts(b, "“合计”行");
    } else {
        const subject *s = unit_subject(c->u, c->specs, t->spec->scheme, key);
        buf_printf(b, "“%s %s”行", key, r ? r->label : s ? s->name : "");
    }
    if (col >= 0 && (amount_columns(t->spec, side) > 1 || t->spec->kind == TABLE_SUBJECT))
        buf_printf(b, "“%s”列", t->spec->columns[col].header);
}

char *tdesc_str(const cctx *c, const table *t, const char *key, int col, bool with_table)
{
    buf b = {0};
    tdesc(c, &b, t, key, col, with_table);
    return buf_detach(&b);
}

/* ---- unit.yaml ----------------------------------------------------------- */

bool ymoney(const cctx *c, const char *path, money_t *out)
{
    const value *v = value_get_path(c->u->yaml, path);
    *out = 0;
    if (!v || value_get_type(v) != VALUE_NUMBER) return false;
    return money_parse(value_get_text(v), c->u->money_unit, out) == MONEY_OK;
}

bool ytext(const cctx *c, const char *path)
{
    const value *v = value_get_path(c->u->yaml, path);
    const char *t = v && (value_get_type(v) == VALUE_STRING || value_get_type(v) == VALUE_NUMBER)
                        ? value_get_text(v)
                        : NULL;
    return t && t[0];
}

bool shown_equal(money_t a, money_t b)
{
    return money_round_wan(a) == money_round_wan(b);
}
