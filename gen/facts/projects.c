/* projects.c — performance.projects: every figure of the 项目支出绩效自评表
 * (预算执行率 per fund row, the budget score under the rules of
 * templates/performance/scoring.yaml, 合计权重 and 合计得分), so that the
 * table in 第四部分, the workbook sheet and any sentence quoting a score
 * print one and the same fact. */
#include "internal.h"

#include <string.h>

static value *points(int64_t hundredths)
{
    char t[32];
    return value_new_string(perf_score_format(hundredths, t));
}

/* 预算执行率 as printed: "100.00%", or the rules' text for a zero budget. */
static value *rate_text(const perf_rules *r, const perf_fund *f)
{
    int64_t h;
    char t[32];
    if (!perf_rate(f->spent, f->adjusted, &h)) return value_new_string(r->zero_rate_text);
    return value_new_stringf("%s%%", percent_format(h, t));
}

static value *fund_row(const perf_rules *r, const perf_project *p, int k, const char *label)
{
    const perf_fund *f = &p->funds[k];
    value *m = value_new_map();
    value_set_string(m, "label", label);
    value_set_bool(m, "present", f->present);
    value_set(m, "initial", f->present ? facts_amount(f->initial) : value_new_null());
    value_set(m, "adjusted", f->present ? facts_amount(f->adjusted) : value_new_null());
    value_set(m, "spent", f->present ? facts_amount(f->spent) : value_new_null());
    value_set(m, "rate", f->present ? rate_text(r, f) : value_new_null());
    value_set_bool(m, "zero_budget", f->present && f->adjusted == 0);
    return m;
}

static value *indicator(const perf_indicator *in)
{
    value *m = value_new_map();
    value_set_string(m, "level1", in->level1);
    value_set_string(m, "level2", in->level2);
    value_set_string(m, "name", in->name);
    value_set_string(m, "sense", perf_sense_text(in->sense));
    value_set_bool(m, "qualitative", in->sense == PERF_SENSE_QUAL);
    value_set_string(m, "target", in->target);
    value_set_string(m, "unit", in->unit);
    value_set_string(m, "actual", in->actual);
    value_set(m, "weight", points(in->weight));
    value_set(m, "score", points(in->score));
    value_set_bool(m, "full", in->score == in->weight);
    value_set_string(m, "reason", in->reason);
    int met = perf_indicator_met(in);
    value_set(m, "met", met < 0 ? value_new_null() : value_new_bool(met == 1));
    return m;
}

static value *project(const fctx *c, const perf_project *p, size_t i)
{
    static const char *const labels[PERF_FUND_COUNT] = {"总额", "其中：财政资金", "财政专户管理资金", "单位资金",
                                                        "其他资金"};
    const perf_rules *r = &c->specs->perf;
    value *m = value_new_map();
    char num[16];
    value_set_int(m, "number", (int64_t)i + 1);
    value_set_string(m, "number_cn", facts_cn_number((int)i + 1, num));
    value_set(m, "table_id", value_new_stringf("project-%zu", i + 1));
    value_set_string(m, "code", p->code);
    value_set_string(m, "name", p->name);
    value_set(m, "title", p->code[0] ? value_new_stringf("%s-%s", p->code, p->name) : value_new_string(p->name));
    value_set_string(m, "department", p->department);
    value_set_string(m, "implementer", p->implementer);
    value_set_string(m, "target", p->target);
    value_set_string(m, "achieved", p->achieved);
    value_set_string(m, "process", p->process);

    value *funds = value_set(m, "funds", value_new_list());
    for (int k = 0; k < PERF_FUND_COUNT; k++) value_append(funds, fund_row(r, p, k, labels[k]));
    const perf_fund *t = &p->funds[PERF_FUND_TOTAL];
    int64_t budget_score = perf_budget_score(r, t->spent, t->adjusted);
    value *b = value_set(m, "budget", value_new_map());
    value_set(b, "initial", facts_amount(t->initial));
    value_set(b, "adjusted", facts_amount(t->adjusted));
    value_set(b, "spent", facts_amount(t->spent));
    value_set(b, "rate", rate_text(r, t));
    value_set(b, "weight", points(r->budget_weight));
    value_set(b, "score", points(budget_score));
    value_set_bool(b, "full", budget_score == r->budget_weight);
    value_set(b, "reason", p->budget_reason[0] ? value_new_string(p->budget_reason) : value_new_null());

    value *list = value_set(m, "indicators", value_new_list());
    int64_t iw = 0, is = 0;
    for (size_t k = 0; k < p->n_indicators; k++) {
        value_append(list, indicator(&p->indicators[k]));
        iw += p->indicators[k].weight;
        is += p->indicators[k].score;
    }
    value_set(m, "indicator_weight", points(iw));
    value_set(m, "indicator_score", points(is));
    int64_t weight, score;
    perf_project_totals(p, r, &weight, &score);
    value *tot = value_set(m, "total", value_new_map());
    value_set(tot, "weight", points(weight));
    value_set(tot, "score", points(score));
    value_set_bool(tot, "full", weight == score);
    value_set_string(m, "conclusion", p->conclusion);
    value_set_string(m, "problems", p->problems);
    value_set_string(m, "measures", p->measures);
    value_set_string(m, "manager", p->manager);
    value_set_string(m, "finance_manager", p->finance_manager);
    value_set_bool(m, "has_indicators", p->n_indicators > 0);
    /* the 项目支出绩效自评报告's texts; its figures are the ones above */
    static const char *const keys[PERF_REPORT_COUNT] = {
        "approval", "goals", "consistency", "funds_arrival", "funds_use", "finance", "organization",
        "completion", "benefits", "problems", "suggestions"};
    value_set_bool(m, "has_report", p->has_report);
    value *rep = value_set(m, "report", p->has_report ? value_new_map() : value_new_null());
    for (int k = 0; p->has_report && k < PERF_REPORT_COUNT; k++) {
        const char *text = p->report[k];
        if (!text[0] && k == PERF_REPORT_PROBLEMS) text = p->problems;
        if (!text[0] && k == PERF_REPORT_SUGGESTIONS) text = p->measures;
        value_set(rep, keys[k], text[0] ? value_new_string(text) : value_new_string("无。"));
    }
    return m;
}

static value *facts_projects(fctx *c)
{
    value *list = value_new_list();
    for (size_t i = 0; i < c->u->n_projects; i++) value_append(list, project(c, &c->u->projects[i], i));
    return list;
}

void facts_performance_projects(fctx *c, value *performance)
{
    value *list = value_set(performance, "projects", facts_projects(c));
    value_set_bool(performance, "has_projects", value_count(list) > 0);
    value_set_int(performance, "project_count", (int64_t)value_count(list));
    value_set(performance, "table_title",
              value_new_stringf("%s（%d年度）", c->specs->perf.table_title, c->u->year));
    /* present only when some project has a report: it makes the document */
    int64_t reports = 0;
    for (size_t i = 0; i < c->u->n_projects; i++) reports += c->u->projects[i].has_report;
    if (reports) value_set_int(value_set(performance, "project_reports", value_new_map()), "count", reports);
}
