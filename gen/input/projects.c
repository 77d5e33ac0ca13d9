/* projects.c — read UNIT/performance/projects/NAME.yaml (one 项目支出绩效自评表
 * each) into perf_project, and templates/performance/scoring.yaml into
 * perf_rules. Every problem is an error at the file:line:col of the key or
 * value. The arithmetic rules (weights, scores, 合计) are gen/check's. */
#include "input.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading one file ------------------------------------------------------ */

typedef struct preader {
    const char *path;
    const value *root;
    const posmap *pos;
    money_unit mu;
    diag_list *diags;
    int errors;
} preader;

static void perr(preader *r, const char *path, bool at_key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void perr(preader *r, const char *path, bool at_key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    srcpos p = at_key ? posmap_get_key(r->pos, path) : posmap_get(r->pos, path);
    diag_vadd(r->diags, DIAG_ERROR, NULL, p, fmt, ap);
    va_end(ap);
    r->errors++;
}

/* Every key of map `m` (at `path`, "" for the root) must be in `keys`. */
static void keys_check(preader *r, const value *m, const char *path, const char *const *keys)
{
    for (size_t i = 0; i < value_count(m); i++) {
        const char *k = value_key_at(m, i);
        bool ok = false;
        for (const char *const *q = keys; *q && !ok; q++) ok = strcmp(*q, k) == 0;
        if (ok) continue;
        buf p = {0}, list = {0};
        buf_printf(&p, "%s%s%s", path, path[0] ? "." : "", k);
        for (const char *const *q = keys; *q; q++) buf_printf(&list, "%s%s", q == keys ? "" : "、", *q);
        perr(r, buf_cstr(&p), true, "未知的键 %s（%s可用的键：%s）", k, path[0] ? path : "项目表", buf_cstr(&list));
        buf_free(&p);
        buf_free(&list);
    }
}

static const value *pget(preader *r, const char *path)
{
    return value_get_path(r->root, path);
}

/* A text at `path`: "" when absent or empty; an error when required and
 * missing, or when it is a list or a mapping. */
static char *ptext(preader *r, const char *path, bool required, const char *what)
{
    const value *v = pget(r, path);
    if (!v || value_get_type(v) == VALUE_NULL || (value_get_text(v) && !value_get_text(v)[0])) {
        if (required) perr(r, path, !v, "缺少 %s（%s）", path, what);
        return xstrdup("");
    }
    const char *t = value_get_text(v);
    if (!t) {
        perr(r, path, false, "%s（%s）应是文字", path, what);
        return xstrdup("");
    }
    return xstrdup(t);
}

/* An amount in the unit's money unit. */
static bool pmoney(preader *r, const char *path, money_t *out)
{
    const value *v = pget(r, path);
    if (!v || value_get_type(v) == VALUE_NULL) {
        perr(r, path, true, "缺少 %s（金额，单位%s）", path, money_unit_name(r->mu));
        return false;
    }
    const char *t = value_get_text(v);
    if (!t) {
        perr(r, path, false, "%s 应是金额（单位%s）", path, money_unit_name(r->mu));
        return false;
    }
    money_status st = money_parse(t, r->mu, out);
    if (st != MONEY_OK) {
        perr(r, path, false, "%s 的金额“%s”%s", path, t, money_status_text(st));
        return false;
    }
    if (*out < 0) {
        perr(r, path, false, "%s 的金额不能为负数（实为 %s）", path, t);
        return false;
    }
    return true;
}

/* A weight or score: a number >= 0 with at most 2 decimals, in hundredths. */
static bool ppoints(preader *r, const char *path, const char *what, int64_t *out)
{
    const value *v = pget(r, path);
    if (!v || value_get_type(v) == VALUE_NULL) {
        perr(r, path, true, "缺少 %s（%s）", path, what);
        return false;
    }
    const char *t = value_get_text(v);
    money_t h;
    money_status st = t ? money_parse(t, MONEY_YUAN, &h) : MONEY_SYNTAX;
    if (st != MONEY_OK || h < 0 || h > INT64_C(100000000)) {
        perr(r, path, false, "%s（%s）应是不小于 0 的分值，最多两位小数（实为“%s”）", path, what, t ? t : "非文字的值");
        return false;
    }
    *out = h;
    return true;
}

static void read_fund(preader *r, perf_project *p, perf_fund_kind k, const char *key)
{
    static const char *const keys[] = {"initial", "adjusted", "spent", NULL};
    char path[64];
    snprintf(path, sizeof path, "budget.%s", key);
    const value *v = pget(r, path);
    if (!v || value_get_type(v) == VALUE_NULL) {
        if (k == PERF_FUND_TOTAL) perr(r, "budget", true, "缺少 budget.total（总额：initial 年初预算、adjusted 调整后预算数、spent 预算执行数）");
        return;
    }
    if (value_get_type(v) != VALUE_MAP) {
        perr(r, path, false, "%s 应是映射（initial 年初预算、adjusted 调整后预算数、spent 预算执行数）", path);
        return;
    }
    keys_check(r, v, path, keys);
    perf_fund *f = &p->funds[k];
    char sub[80];
    bool ok = true;
    snprintf(sub, sizeof sub, "%s.initial", path);
    ok &= pmoney(r, sub, &f->initial);
    snprintf(sub, sizeof sub, "%s.adjusted", path);
    ok &= pmoney(r, sub, &f->adjusted);
    snprintf(sub, sizeof sub, "%s.spent", path);
    ok &= pmoney(r, sub, &f->spent);
    f->present = ok;
}

static void read_indicators(preader *r, perf_project *p)
{
    static const char *const keys[] = {"level1", "level2", "name", "sense", "target", "unit",
                                       "actual", "weight", "score",  "reason", NULL};
    const value *list = pget(r, "indicators");
    if (!list && pget(r, "report")) return; /* a project that only has its report (no disclosure) */
    if (!list || value_get_type(list) != VALUE_LIST || value_count(list) == 0) {
        perr(r, "indicators", !list, "indicators 应是绩效指标的列表（每行一项：level1 一级指标、level2 二级指标、name 三级指标、sense 指标性质、target 指标值、unit 度量单位、actual 完成值、weight 权重、score 得分、reason 未完成原因分析）");
        return;
    }
    p->indicators = xcalloc(value_count(list), sizeof *p->indicators);
    const char *l1 = NULL, *l2 = NULL;
    for (size_t i = 0; i < value_count(list); i++) {
        char path[64], sub[96];
        snprintf(path, sizeof path, "indicators.%zu", i);
        const value *row = value_at(list, i);
        if (value_get_type(row) != VALUE_MAP) {
            perr(r, path, false, "绩效指标的每一行应是映射（name、sense、target、actual、weight、score …）");
            continue;
        }
        keys_check(r, row, path, keys);
        perf_indicator *in = &p->indicators[p->n_indicators++];
        snprintf(sub, sizeof sub, "%s.level1", path);
        in->level1 = ptext(r, sub, false, "一级指标");
        snprintf(sub, sizeof sub, "%s.level2", path);
        in->level2 = ptext(r, sub, false, "二级指标");
        /* a level left out is the one above (the merged cell of the form) */
        if (!in->level1[0] && l1) free(in->level1), in->level1 = xstrdup(l1);
        else if (l1 && strcmp(in->level1, l1) != 0) l2 = NULL; /* a new 一级指标 starts its own 二级指标 */
        if (!in->level2[0] && l2) free(in->level2), in->level2 = xstrdup(l2);
        if (!in->level1[0]) perr(r, path, false, "第一行绩效指标应写 level1（一级指标）");
        else if (!in->level2[0]) perr(r, path, false, "这一行绩效指标缺少 level2（二级指标），上面也没有可以沿用的");
        l1 = in->level1, l2 = in->level2;
        snprintf(sub, sizeof sub, "%s.name", path);
        in->name = ptext(r, sub, true, "三级指标");
        snprintf(sub, sizeof sub, "%s.sense", path);
        char *sense = ptext(r, sub, true, "指标性质");
        in->sense = perf_sense_parse(sense);
        if (sense[0] && !in->sense)
            perr(r, sub, false, "指标性质应为 ≥、≤、=、＞、＜ 或 定性，实为“%s”", sense);
        free(sense);
        snprintf(sub, sizeof sub, "%s.target", path);
        in->target = ptext(r, sub, false, "指标值");
        snprintf(sub, sizeof sub, "%s.unit", path);
        in->unit = ptext(r, sub, false, "度量单位");
        snprintf(sub, sizeof sub, "%s.actual", path);
        in->actual = ptext(r, sub, false, "完成值");
        snprintf(sub, sizeof sub, "%s.weight", path);
        ppoints(r, sub, "权重", &in->weight);
        snprintf(sub, sizeof sub, "%s.score", path);
        ppoints(r, sub, "得分", &in->score);
        snprintf(sub, sizeof sub, "%s.reason", path);
        in->reason = ptext(r, sub, false, "未完成原因分析");
    }
}

static const char *const TOP_KEYS[] = {"code",    "name",      "department", "implementer", "target",
                                       "achieved", "process",  "budget",     "indicators",  "total",
                                       "conclusion", "problems", "measures", "manager",     "finance_manager",
                                       "report",  NULL};

/* report: the 项目支出绩效自评报告's texts, in perf_report_part order */
static const char *const REPORT_KEYS[PERF_REPORT_COUNT + 1] = {
    "approval", "goals", "consistency", "funds_arrival", "funds_use", "finance", "organization",
    "completion", "benefits", "problems", "suggestions", NULL};
static const char *const REPORT_NAMES[PERF_REPORT_COUNT] = {
    "项目资金申报及批复情况", "项目绩效目标", "项目资金申报相符性", "资金计划及到位", "资金使用",
    "项目财务管理情况", "项目组织实施情况", "项目完成情况", "项目效益情况", "存在的问题", "相关建议"};

static void read_project(preader *r, perf_project *p)
{
    static const char *const budget_keys[] = {"total", "fiscal", "special", "unit", "other", "reason", NULL};
    static const char *const total_keys[] = {"weight", "score", NULL};
    keys_check(r, r->root, "", TOP_KEYS);
    p->code = ptext(r, "code", false, "项目编码");
    p->name = ptext(r, "name", true, "项目名称");
    p->department = ptext(r, "department", false, "主管部门");
    p->implementer = ptext(r, "implementer", false, "实施单位");
    p->target = ptext(r, "target", false, "项目年度目标");
    p->achieved = ptext(r, "achieved", false, "年度目标完成情况");
    p->process = ptext(r, "process", false, "项目实施内容及过程概述");
    const value *b = pget(r, "budget");
    if (!b || value_get_type(b) != VALUE_MAP) {
        perr(r, "budget", !b, "budget 应是预算执行情况的映射（total 总额，fiscal、special、unit、other 其中各项资金，reason 原因）");
    } else {
        keys_check(r, b, "budget", budget_keys);
        static const char *const fund_keys[PERF_FUND_COUNT] = {"total", "fiscal", "special", "unit", "other"};
        for (int k = 0; k < PERF_FUND_COUNT; k++) read_fund(r, p, (perf_fund_kind)k, fund_keys[k]);
    }
    p->budget_reason = ptext(r, "budget.reason", false, "原因");
    read_indicators(r, p);
    const value *t = pget(r, "total");
    if (t && value_get_type(t) != VALUE_NULL) {
        if (value_get_type(t) != VALUE_MAP) {
            perr(r, "total", false, "total（合计）应是映射：weight 权重、score 得分");
        } else {
            keys_check(r, t, "total", total_keys);
            if (value_get(t, "weight")) p->has_total_weight = ppoints(r, "total.weight", "合计权重", &p->total_weight);
            if (value_get(t, "score")) p->has_total_score = ppoints(r, "total.score", "合计得分", &p->total_score);
        }
    }
    p->conclusion = ptext(r, "conclusion", false, "评价结论");
    p->problems = ptext(r, "problems", false, "存在问题");
    p->measures = ptext(r, "measures", false, "改进措施");
    p->manager = ptext(r, "manager", false, "项目负责人");
    p->finance_manager = ptext(r, "finance_manager", false, "财务负责人");
    const value *rep = pget(r, "report");
    if (rep && value_get_type(rep) != VALUE_NULL && value_get_type(rep) != VALUE_MAP) {
        perr(r, "report", false, "report（项目支出绩效自评报告）应是映射");
    } else if (rep && value_get_type(rep) == VALUE_MAP) {
        keys_check(r, rep, "report", REPORT_KEYS);
        p->has_report = true;
        for (int k = 0; k < PERF_REPORT_COUNT; k++) {
            char path[48];
            snprintf(path, sizeof path, "report.%s", REPORT_KEYS[k]);
            p->report[k] = ptext(r, path, k < PERF_REPORT_PROBLEMS, REPORT_NAMES[k]);
        }
    }
}

/* ---- the folder ---------------------------------------------------------------- */

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int projects_load(unit *u, diag_list *diags)
{
    buf dir = {0};
    buf_printf(&dir, "%s/performance/projects", u->dir);
    DIR *d = opendir(buf_cstr(&dir));
    if (!d) { /* no folder: no projects */
        buf_free(&dir);
        return 0;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] != '.' && l > 5 && strcmp(e->d_name + l - 5, ".yaml") == 0) {
            names = xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = xstrdup(e->d_name);
        }
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, name_cmp); /* readdir order is not stable */
    u->projects = xcalloc(n ? n : 1, sizeof *u->projects);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        perf_project *p = &u->projects[u->n_projects++];
        buf path = {0};
        buf_printf(&path, "%s/%s", buf_cstr(&dir), names[i]);
        p->path = buf_detach(&path);
        free(names[i]);
        if (yaml_load(p->path, &p->yaml, &p->pos, diags) != 0) {
            rc = -1;
            continue;
        }
        if (value_get_type(p->yaml) != VALUE_MAP) {
            diag_error(diags, posmap_get(p->pos, ""), "项目表应是映射（code、name、budget、indicators …），不是列表或文字");
            rc = -1;
            continue;
        }
        preader r = {p->path, p->yaml, p->pos, u->money_unit, diags, 0};
        read_project(&r, p);
        if (r.errors) rc = -1;
    }
    free(names);
    for (size_t i = 0; i < u->n_projects; i++)
        for (size_t j = 0; j < i; j++)
            if (u->projects[i].code && u->projects[i].code[0] && u->projects[j].code &&
                strcmp(u->projects[i].code, u->projects[j].code) == 0) {
                diag_error(diags, posmap_get(u->projects[i].pos, "code"), "项目编码 %s 与 %s 重复",
                           u->projects[i].code, u->projects[j].path);
                rc = -1;
            }
    buf_free(&dir);
    return rc;
}

/* ---- templates/performance/scoring.yaml ------------------------------------------ */

int perf_rules_load(const char *path, perf_rules *out, diag_list *diags)
{
    static const char *const keys[] = {"table_title", "budget_weight", "indicator_weight", "budget_score",
                                       "zero_budget", NULL};
    static const char *const score_keys[] = {"rate", "decimals", "rounding", NULL};
    static const char *const zero_keys[] = {"rate", "score", NULL};
    memset(out, 0, sizeof *out);
    out->path = xstrdup(path);
    value *root = NULL;
    posmap *pos = NULL;
    if (yaml_load(path, &root, &pos, diags) != 0) {
        value_free(root);
        posmap_free(pos);
        return -1;
    }
    preader r = {path, root, pos, MONEY_YUAN, diags, 0};
    if (value_get_type(root) != VALUE_MAP) {
        perr(&r, "", false, "评分规则应是映射");
    } else {
        keys_check(&r, root, "", keys);
        if (value_get(root, "budget_score")) keys_check(&r, pget(&r, "budget_score"), "budget_score", score_keys);
        if (value_get(root, "zero_budget")) keys_check(&r, pget(&r, "zero_budget"), "zero_budget", zero_keys);
        out->table_title = ptext(&r, "table_title", true, "自评表标题");
        ppoints(&r, "budget_weight", "预算执行情况权重", &out->budget_weight);
        ppoints(&r, "indicator_weight", "绩效指标权重合计", &out->indicator_weight);
        char *rate = ptext(&r, "budget_score.rate", true, "exact 或 printed");
        if (strcmp(rate, "printed") == 0) out->rate_as_printed = true;
        else if (strcmp(rate, "exact") != 0 && rate[0])
            perr(&r, "budget_score.rate", false, "budget_score.rate 应为 exact（按执行数/调整后预算数精确计算）或 printed（按印出的两位小数执行率），实为“%s”", rate);
        free(rate);
        char *dec = ptext(&r, "budget_score.decimals", true, "0、1 或 2");
        if (strcmp(dec, "0") == 0 || strcmp(dec, "1") == 0 || strcmp(dec, "2") == 0) out->score_decimals = atoi(dec);
        else if (dec[0]) perr(&r, "budget_score.decimals", false, "budget_score.decimals 应为 0、1 或 2，实为“%s”", dec);
        free(dec);
        char *rnd = ptext(&r, "budget_score.rounding", true, "half_up 或 down");
        if (strcmp(rnd, "half_up") == 0) out->rounding = PERF_ROUND_HALF_UP;
        else if (strcmp(rnd, "down") == 0) out->rounding = PERF_ROUND_DOWN;
        else if (rnd[0]) perr(&r, "budget_score.rounding", false, "budget_score.rounding 应为 half_up（四舍五入）或 down（舍去），实为“%s”", rnd);
        free(rnd);
        out->zero_rate_text = ptext(&r, "zero_budget.rate", true, "调整后预算数为 0 时执行率印什么");
        char *zs = ptext(&r, "zero_budget.score", true, "full 或 zero");
        if (strcmp(zs, "full") == 0) out->zero_budget_full = true;
        else if (strcmp(zs, "zero") != 0 && zs[0])
            perr(&r, "zero_budget.score", false, "zero_budget.score 应为 full（得满分）或 zero（得 0 分），实为“%s”", zs);
        free(zs);
    }
    value_free(root);
    posmap_free(pos);
    return r.errors ? -1 : 0;
}
