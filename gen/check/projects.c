/* projects.c — the rules of the 项目支出绩效自评表 (performance/projects/NAME.yaml):
 * weights, scores against weights, the 合计 as typed, fund rows against the
 * 总额, spending over the adjusted budget, and indicators met or missed
 * against their score. The weights and the budget-score rule come from
 * templates/performance/scoring.yaml (spec_set.perf). */
#include "internal.h"

#include <string.h>

static srcpos ppos(const perf_project *p, const char *path)
{
    return posmap_get(p->pos, path);
}

static const char *const FUND_KEYS[PERF_FUND_COUNT] = {"total", "fiscal", "special", "unit", "other"};
static const char *const FUND_NAMES[PERF_FUND_COUNT] = {"总额", "财政资金", "财政专户管理资金", "单位资金", "其他资金"};

/* 总额 = 其中 财政资金 + 财政专户管理资金 + 单位资金 + 其他资金, per column. */
static void check_fund_sum(cctx *c, const perf_project *p)
{
    static const char *const cols[] = {"initial", "adjusted", "spent"};
    static const char *const col_names[] = {"年初预算", "调整后预算数", "预算执行数"};
    bool any = false;
    for (int k = 1; k < PERF_FUND_COUNT; k++) any |= p->funds[k].present;
    if (!any || !p->funds[PERF_FUND_TOTAL].present) return;
    for (int col = 0; col < 3; col++) {
        sum s = {0};
        for (int k = 1; k < PERF_FUND_COUNT; k++) {
            const perf_fund *f = &p->funds[k];
            money_t v = col == 0 ? f->initial : col == 1 ? f->adjusted : f->spent;
            sum_add(&s, v, f->present, FUND_NAMES[k]);
        }
        const perf_fund *t = &p->funds[PERF_FUND_TOTAL];
        money_t actual = col == 0 ? t->initial : col == 1 ? t->adjusted : t->spent;
        char path[64], what[96];
        snprintf(path, sizeof path, "budget.total.%s", cols[col]);
        snprintf(what, sizeof what, "总额的%s", col_names[col]);
        check_sum(c, "PRJ-FUND-SUM", ppos(p, path), actual, &s, what, "其中各项资金");
        sum_free(&s);
    }
}

/* 执行数 ≤ 调整后预算数 unless budget.reason says why. */
static void check_overspent(cctx *c, const perf_project *p)
{
    if (p->budget_reason[0]) return;
    for (int k = 0; k < PERF_FUND_COUNT; k++) {
        const perf_fund *f = &p->funds[k];
        if (!f->present || f->spent <= f->adjusted) continue;
        char path[64], a[48], b[48];
        snprintf(path, sizeof path, "budget.%s.spent", FUND_KEYS[k]);
        check_report(c, "PRJ-OVERSPENT", ppos(p, path),
                     "%s的预算执行数 %s 大于调整后预算数 %s，但 budget.reason 没有写原因", FUND_NAMES[k],
                     check_money(c, f->spent, a), check_money(c, f->adjusted, b));
    }
}

static void check_indicator(cctx *c, const perf_project *p, size_t i)
{
    const perf_indicator *in = &p->indicators[i];
    char path[64], sub[80], w[32], s[32];
    snprintf(path, sizeof path, "indicators.%zu", i);
    perf_score_format(in->weight, w);
    perf_score_format(in->score, s);
    if (in->score > in->weight) {
        snprintf(sub, sizeof sub, "%s.score", path);
        check_report(c, "PRJ-SCORE", ppos(p, sub), "“%s”的得分 %s 大于权重 %s", in->name, s, w);
        return;
    }
    if (in->sense != PERF_SENSE_QUAL && in->sense != PERF_SENSE_NONE) {
        int64_t v;
        bool bad = false;
        if (!perf_value_parse(in->target, &v)) {
            snprintf(sub, sizeof sub, "%s.target", path);
            check_report(c, "PRJ-VALUE", ppos(p, sub), "“%s”的指标性质为 %s，指标值应是数字，实为“%s”", in->name,
                         perf_sense_text(in->sense), in->target);
            bad = true;
        }
        if (!perf_value_parse(in->actual, &v)) {
            snprintf(sub, sizeof sub, "%s.actual", path);
            check_report(c, "PRJ-VALUE", ppos(p, sub), "“%s”的指标性质为 %s，完成值应是数字，实为“%s”", in->name,
                         perf_sense_text(in->sense), in->actual);
            bad = true;
        }
        if (bad) return;
    }
    int met = perf_indicator_met(in);
    if (met == 0 && in->score == in->weight) {
        snprintf(sub, sizeof sub, "%s.score", path);
        check_report(c, "PRJ-MISSED", ppos(p, sub), "“%s”的完成值 %s 未达到指标值 %s %s%s，但得分 %s 为满分", in->name,
                     in->actual, perf_sense_text(in->sense), in->target, in->unit, s);
    } else if (in->score < in->weight && !in->reason[0]) {
        snprintf(sub, sizeof sub, "%s.score", path);
        check_report(c, "PRJ-REASON", ppos(p, sub), "“%s”的得分 %s 低于权重 %s（%s），但没有写未完成原因分析（reason）",
                     in->name, s, w,
                     met == 1 ? "完成值已达到指标值" : met == 0 ? "完成值未达到指标值" : "定性指标");
    }
}

static void check_project(cctx *c, const perf_project *p)
{
    const perf_rules *r = &c->specs->perf;
    check_fund_sum(c, p);
    check_overspent(c, p);
    int64_t indicator_weight = 0;
    for (size_t i = 0; i < p->n_indicators; i++) {
        check_indicator(c, p, i);
        indicator_weight += p->indicators[i].weight;
    }
    char a[32], b[32], d[32];
    /* a project without indicators (only its report) has no 自评表 to
     * print; in a disclosure it must have one */
    if ((p->n_indicators || c->u->has_tables) && indicator_weight != r->indicator_weight)
        check_report(c, "PRJ-WEIGHT", ppos(p, "indicators"),
                     "绩效指标的权重之和与 %s 规定的指标总分不等（前者为 %s，后者为 %s，相差 %s；合计权重为 %s，规定为 %s）",
                     r->path, perf_score_format(indicator_weight, a), perf_score_format(r->indicator_weight, b),
                     perf_score_format(indicator_weight > r->indicator_weight ? indicator_weight - r->indicator_weight
                                                                              : r->indicator_weight - indicator_weight,
                                       d),
                     perf_score_format(r->budget_weight + indicator_weight, (char[32]){0}),
                     perf_score_format(r->budget_weight + r->indicator_weight, (char[32]){0}));
    int64_t weight, score;
    perf_project_totals(p, r, &weight, &score);
    if (p->has_total_weight && p->total_weight != weight)
        check_report(c, "PRJ-TOTAL", ppos(p, "total.weight"),
                     "所写合计的权重与预算执行 %s + 各项绩效指标权重之和不等（前者为 %s，后者为 %s，相差 %s）",
                     perf_score_format(r->budget_weight, b), perf_score_format(p->total_weight, d),
                     perf_score_format(weight, a),
                     perf_score_format(weight > p->total_weight ? weight - p->total_weight : p->total_weight - weight,
                                       (char[32]){0}));
    if (p->has_total_score && p->total_score != score) {
        const perf_fund *t = &p->funds[PERF_FUND_TOTAL];
        check_report(c, "PRJ-TOTAL", ppos(p, "total.score"),
                     "所写合计的得分与预算执行得分 %s + 各项绩效指标得分之和 %s 不等（前者为 %s，后者为 %s，相差 %s）",
                     perf_score_format(perf_budget_score(r, t->spent, t->adjusted), b),
                     perf_score_format(score - perf_budget_score(r, t->spent, t->adjusted), d),
                     perf_score_format(p->total_score, (char[32]){0}), perf_score_format(score, a),
                     perf_score_format(score > p->total_score ? score - p->total_score : p->total_score - score,
                                       (char[32]){0}));
    }
}

void check_projects(cctx *c)
{
    for (size_t i = 0; i < c->u->n_projects; i++) check_project(c, &c->u->projects[i]);
}
