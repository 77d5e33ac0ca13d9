/* figures.c — the `figures:` block of performance/department.yaml: the
 * numbers a report's text quotes as {name}, each typed (amount, count) or
 * computed from others (sum, difference, percent, per), evaluated exactly
 * and with the range the 万元 roundings of its inputs allow. */
#include "input.h"

#include <stdlib.h>
#include <string.h>

static const char *const OPS[] = {"amount", "count", "sum", "difference", "percent", "per"};
enum { N_OPS = sizeof OPS / sizeof *OPS };

typedef struct fload {
    unit *u;
    const value *map; /* figures: */
    int *state;       /* per figure: 0 not yet, 1 evaluating, 2 done */
    diag_list *diags;
    int errors;
} fload;

static srcpos fpos(const fload *c, const char *path)
{
    return posmap_get(c->u->department.pos, path);
}

static void ferror_at(fload *c, const char *path, const char *fmt, const char *a, const char *b)
{
    diag_error(c->diags, fpos(c, path), fmt, a, b);
    c->errors++;
}

/* Half the last typed decimal of a 万元 amount (at least the second), in
 * 分: the rounding it hides; 0 in 元 (exact) and with 6 decimals. */
static int64_t rounding_of(const unit *u, const char *text)
{
    if (u->money_unit != MONEY_WANYUAN) return 0;
    const char *dot = strchr(text, '.');
    size_t d = dot ? strlen(dot + 1) : 0;
    if (d < 2) d = 2; /* "511.1", "0": 万元 amounts are stated to 0.01 at least */
    int64_t h = 5;
    for (size_t i = d + 1; i < 6; i++) h *= 10;
    return d >= 6 ? 0 : h;
}

static bool eval_figure(fload *c, size_t i);

/* The figure an operand names (evaluated), or NULL after an error. */
static text_figure *operand(fload *c, size_t i, size_t k)
{
    text_figure *f = &c->u->figures[i];
    const value *ops = value_get(value_at(c->map, i), f->op);
    const char *name = value_get_text(value_at(ops, k));
    buf path = {0};
    buf_printf(&path, "figures.%s.%s.%zu", f->name, f->op, k);
    for (size_t j = 0; name && j < c->u->n_figures; j++)
        if (strcmp(c->u->figures[j].name, name) == 0) {
            if (c->state[j] == 1) {
                ferror_at(c, buf_cstr(&path), "figures.%s 循环引用了自己（经由 %s）", f->name, name);
                buf_free(&path);
                return NULL;
            }
            buf_free(&path);
            return eval_figure(c, j) ? &c->u->figures[j] : NULL;
        }
    ferror_at(c, buf_cstr(&path), "figures 中没有名为“%s”的数字（%s 引用了它）", name ? name : "", f->name);
    buf_free(&path);
    return NULL;
}

static int64_t pct(int64_t num, int64_t den, bool *ok)
{
    int64_t h = 0;
    if (!money_percent(num, den, &h)) *ok = false;
    return h;
}

static bool eval_figure(fload *c, size_t i)
{
    text_figure *f = &c->u->figures[i];
    if (c->state[i] == 2) return f->ok;
    c->state[i] = 1;
    const value *def = value_at(c->map, i);
    const value *arg = value_get(def, f->op);
    buf path = {0};
    buf_printf(&path, "figures.%s.%s", f->name, f->op);
    const char *p = buf_cstr(&path);
    f->ok = true;
    if (strcmp(f->op, "amount") == 0) {
        const char *t = value_get_type(arg) == VALUE_NUMBER ? value_get_text(arg) : NULL;
        money_t m = 0;
        if (!t || money_parse(t, c->u->money_unit, &m) != MONEY_OK) {
            ferror_at(c, p, "%s 应是金额（%s）", p, money_unit_name(c->u->money_unit));
            f->ok = false;
        } else {
            int64_t h = rounding_of(c->u, t);
            f->kind = FIGURE_AMOUNT, f->value = m, f->lo = m - h, f->hi = m + h;
        }
    } else if (strcmp(f->op, "count") == 0) {
        const char *t = value_get_type(arg) == VALUE_NUMBER ? value_get_text(arg) : NULL;
        char *end = NULL;
        long long n = t ? strtoll(t, &end, 10) : -1;
        if (!t || *end || n < 0 || n > 1000000000000LL) {
            ferror_at(c, p, "%s 应是非负整数", p, "");
            f->ok = false;
        } else {
            f->kind = FIGURE_COUNT, f->value = f->lo = f->hi = n;
        }
    } else {
        size_t n = value_get_type(arg) == VALUE_LIST ? value_count(arg) : 0;
        bool two = strcmp(f->op, "sum") != 0;
        if (n == 0 || (two && n != 2)) {
            ferror_at(c, p, "%s 应是%s", p, two ? "两个数字名称的列表，如 [决算数, 预算数]" : "数字名称的列表");
            f->ok = false;
        }
        text_figure *a[64];
        for (size_t k = 0; f->ok && k < n && k < 64; k++)
            if (!(a[k] = operand(c, i, k))) f->ok = false;
        if (f->ok && n > 64) ferror_at(c, p, "%s 最多 64 项", p, ""), f->ok = false;
        if (f->ok && strcmp(f->op, "sum") == 0) {
            f->kind = a[0]->kind, f->value = f->lo = f->hi = 0;
            for (size_t k = 0; k < n && f->ok; k++) {
                if (a[k]->kind != f->kind || (f->kind != FIGURE_AMOUNT && f->kind != FIGURE_COUNT)) {
                    ferror_at(c, p, "%s 只能把同一种数（都是金额或都是个数）相加", p, ""), f->ok = false;
                    break;
                }
                f->value += a[k]->value, f->lo += a[k]->lo, f->hi += a[k]->hi;
            }
        } else if (f->ok && strcmp(f->op, "difference") == 0) {
            if (a[0]->kind != a[1]->kind || (a[0]->kind != FIGURE_AMOUNT && a[0]->kind != FIGURE_COUNT)) {
                ferror_at(c, p, "%s 只能是两个同种数（金额或个数）之差", p, ""), f->ok = false;
            } else {
                f->kind = a[0]->kind;
                f->value = a[0]->value - a[1]->value;
                f->lo = a[0]->lo - a[1]->hi, f->hi = a[0]->hi - a[1]->lo;
            }
        } else if (f->ok && strcmp(f->op, "percent") == 0) {
            if (a[0]->kind != a[1]->kind || (a[0]->kind != FIGURE_AMOUNT && a[0]->kind != FIGURE_COUNT)) {
                ferror_at(c, p, "%s 应是两个同种数（金额或个数）之比", p, ""), f->ok = false;
            } else if (a[1]->value == 0) {
                ferror_at(c, p, "%s 的除数 %s 为 0，算不出百分比", p, a[1]->name), f->ok = false;
            } else {
                f->kind = FIGURE_PERCENT;
                f->value = pct(a[0]->value, a[1]->value, &f->ok);
                /* the extremes: the numerator high over the denominator low, and back */
                f->lo = a[1]->hi > 0 ? pct(a[0]->lo, a[1]->hi, &f->ok) : f->value;
                f->hi = a[1]->lo > 0 ? pct(a[0]->hi, a[1]->lo, &f->ok) : f->value;
                if (!f->ok) ferror_at(c, p, "%s 超出范围", p, "");
            }
        } else if (f->ok) { /* per: an amount over a count, 分 per thing */
            if (a[0]->kind != FIGURE_AMOUNT || a[1]->kind != FIGURE_COUNT) {
                ferror_at(c, p, "%s 应是 [金额, 个数]（人均、次均）", p, ""), f->ok = false;
            } else if (a[1]->value == 0) {
                ferror_at(c, p, "%s 的除数 %s 为 0，算不出平均数", p, a[1]->name), f->ok = false;
            } else {
                f->kind = FIGURE_PER;
                int64_t den = a[1]->value * 10000; /* money_percent: num / den × 10000 */
                f->value = pct(a[0]->value, den, &f->ok);
                f->lo = pct(a[0]->lo, den, &f->ok), f->hi = pct(a[0]->hi, den, &f->ok);
                if (!f->ok) ferror_at(c, p, "%s 超出范围", p, "");
            }
        }
    }
    if (f->lo > f->hi) {
        int64_t t = f->lo;
        f->lo = f->hi, f->hi = t;
    }
    /* stated: the figure as the published text has it */
    const value *st = value_get(def, "stated");
    if (f->ok && st) {
        buf sp = {0};
        buf_printf(&sp, "figures.%s.stated", f->name);
        const char *t = value_get_type(st) == VALUE_NUMBER ? value_get_text(st) : NULL;
        money_t m = 0;
        money_status ms = !t ? MONEY_SYNTAX
                          : f->kind == FIGURE_AMOUNT ? money_parse(t, c->u->money_unit, &m)
                          : f->kind == FIGURE_COUNT ? money_parse(t, MONEY_YUAN, &m)
                                                    : money_parse(t, MONEY_YUAN, &m);
        if (ms != MONEY_OK || (f->kind == FIGURE_COUNT && m % 100 != 0)) {
            ferror_at(c, buf_cstr(&sp), "%s 应是%s", buf_cstr(&sp),
                      f->kind == FIGURE_COUNT ? "整数" : "至多两位小数的数");
        } else {
            f->has_stated = true;
            f->stated = f->kind == FIGURE_COUNT ? m / 100 : m;
            f->stated_pos = fpos(c, buf_cstr(&sp));
        }
        buf_free(&sp);
    }
    buf_free(&path);
    c->state[i] = 2;
    return f->ok;
}

int figures_load(unit *u, diag_list *diags)
{
    const value *map = value_get(u->department.root, "figures");
    if (!map || value_get_type(map) != VALUE_MAP) return 0; /* absent, or a type error gen/check reports */
    fload c = {u, map, NULL, diags, 0};
    size_t n = value_count(map);
    u->figures = xcalloc(n ? n : 1, sizeof *u->figures);
    c.state = xcalloc(n ? n : 1, sizeof *c.state);
    for (size_t i = 0; i < n; i++) {
        text_figure *f = &u->figures[u->n_figures++];
        f->name = xstrdup(value_key_at(map, i));
        buf path = {0};
        buf_printf(&path, "figures.%s", f->name);
        f->pos = posmap_get_key(u->department.pos, buf_cstr(&path));
        const value *def = value_at(map, i);
        for (size_t k = 0; k < N_OPS && value_get_type(def) == VALUE_MAP; k++)
            if (value_get(def, OPS[k])) {
                if (f->op) {
                    ferror_at(&c, buf_cstr(&path), "%s 只能有 amount、count、sum、difference、percent、per 中的一个%s", buf_cstr(&path), "");
                    break;
                }
                f->op = OPS[k];
            }
        if (!f->op) {
            ferror_at(&c, buf_cstr(&path),
                      "%s 应是 {amount: 金额}、{count: 个数}，或 {sum|difference|percent|per: [数字名称, …]}%s", buf_cstr(&path), "");
            c.state[i] = 2;
        }
        buf_free(&path);
    }
    for (size_t i = 0; i < n; i++)
        if (u->figures[i].op) eval_figure(&c, i);
    free(c.state);
    return c.errors ? -1 : 0;
}
