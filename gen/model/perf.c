/* perf.c — the arithmetic of the 项目支出绩效自评表: 指标性质, 预算执行率,
 * the budget score under the rules of templates/performance/scoring.yaml,
 * whether an indicator is met, and the 合计. All exact fixed point. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

perf_sense perf_sense_parse(const char *s)
{
    static const struct {
        const char *text;
        perf_sense sense;
    } forms[] = {
        {"≥", PERF_SENSE_GE}, {">=", PERF_SENSE_GE}, {"＞＝", PERF_SENSE_GE}, {"≤", PERF_SENSE_LE},
        {"<=", PERF_SENSE_LE}, {"＜＝", PERF_SENSE_LE}, {"=", PERF_SENSE_EQ},   {"＝", PERF_SENSE_EQ},
        {">", PERF_SENSE_GT},  {"＞", PERF_SENSE_GT},   {"<", PERF_SENSE_LT},    {"＜", PERF_SENSE_LT},
        {"定性", PERF_SENSE_QUAL},
    };
    if (!s) return PERF_SENSE_NONE;
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (strcmp(s, forms[i].text) == 0) return forms[i].sense;
    return PERF_SENSE_NONE;
}

const char *perf_sense_text(perf_sense s)
{
    switch (s) {
    case PERF_SENSE_GE: return "≥";
    case PERF_SENSE_LE: return "≤";
    case PERF_SENSE_EQ: return "=";
    case PERF_SENSE_GT: return "＞";
    case PERF_SENSE_LT: return "＜";
    case PERF_SENSE_QUAL: return "定性";
    default: return "";
    }
}

bool perf_rate(money_t spent, money_t adjusted, int64_t *hundredths)
{
    if (adjusted == 0) return false;
    return money_percent(spent, adjusted, hundredths);
}

/* num / den × weight, rounded to a multiple of `step` hundredths as the
 * rules say (num <= den, both >= 0). */
static int64_t scaled_round(const perf_rules *r, int64_t num, int64_t den, int64_t weight, int64_t step)
{
    if (weight <= 0 || den <= 0 || num <= 0) return 0;
    if (weight > UINT32_MAX || den > INT64_MAX / step) return weight; /* beyond any real form */
    uint64_t q, rem;
    if (!money_muldiv(num, (uint32_t)weight, den * step, &q, &rem)) return weight;
    if (r->rounding == PERF_ROUND_HALF_UP && rem >= (uint64_t)(den * step) - rem) q++;
    int64_t v = (int64_t)q * step;
    return v > weight ? weight : v;
}

int64_t perf_budget_score(const perf_rules *r, money_t spent, money_t adjusted)
{
    int64_t step = r->score_decimals >= 2 ? 1 : r->score_decimals == 1 ? 10 : 100;
    if (adjusted <= 0) return r->zero_budget_full ? r->budget_weight : 0;
    if (spent < 0) spent = 0;
    if (spent >= adjusted) return r->budget_weight;
    if (r->rate_as_printed) {
        int64_t rate;
        if (!perf_rate(spent, adjusted, &rate)) return 0;
        if (rate >= 10000) return r->budget_weight;
        return scaled_round(r, rate, 10000, r->budget_weight, step);
    }
    return scaled_round(r, spent, adjusted, r->budget_weight, step);
}

bool perf_value_parse(const char *s, int64_t *millionths)
{
    if (!s) return false;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ')) n--;
    if (n >= 1 && s[n - 1] == '%') n--;
    else if (n >= 3 && memcmp(s + n - 3, "％", 3) == 0) n -= 3;
    char tmp[64];
    if (n == 0 || n >= sizeof tmp) return false;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    money_t v; /* 万元 counts 1,000,000 分 per unit: exactly millionths */
    if (money_parse(tmp, MONEY_WANYUAN, &v) != MONEY_OK) return false;
    *millionths = v;
    return true;
}

int perf_indicator_met(const perf_indicator *in)
{
    if (in->sense == PERF_SENSE_QUAL || in->sense == PERF_SENSE_NONE) return -1;
    int64_t t, a;
    if (!perf_value_parse(in->target, &t) || !perf_value_parse(in->actual, &a)) return -1;
    switch (in->sense) {
    case PERF_SENSE_GE: return a >= t;
    case PERF_SENSE_LE: return a <= t;
    case PERF_SENSE_EQ: return a == t;
    case PERF_SENSE_GT: return a > t;
    case PERF_SENSE_LT: return a < t;
    default: return -1;
    }
}

char *perf_score_format(int64_t hundredths, char *out)
{
    bool neg = hundredths < 0;
    uint64_t m = neg ? (uint64_t)0 - (uint64_t)hundredths : (uint64_t)hundredths;
    uint64_t whole = m / 100, frac = m % 100;
    if (frac == 0) snprintf(out, 32, "%s%llu", neg ? "-" : "", (unsigned long long)whole);
    else if (frac % 10 == 0) snprintf(out, 32, "%s%llu.%llu", neg ? "-" : "", (unsigned long long)whole,
                                      (unsigned long long)(frac / 10));
    else snprintf(out, 32, "%s%llu.%02llu", neg ? "-" : "", (unsigned long long)whole, (unsigned long long)frac);
    return out;
}

bool perf_score_parse(const value *v, int64_t *hundredths)
{
    money_t m = 0;
    if (value_get_type(v) != VALUE_NUMBER || money_parse(value_get_text(v), MONEY_YUAN, &m) != MONEY_OK || m < 0)
        return false;
    *hundredths = m;
    return true;
}

void perf_project_totals(const perf_project *p, const perf_rules *r, int64_t *weight, int64_t *score)
{
    const perf_fund *t = &p->funds[PERF_FUND_TOTAL];
    int64_t w = r->budget_weight, s = perf_budget_score(r, t->spent, t->adjusted);
    for (size_t i = 0; i < p->n_indicators; i++) {
        w += p->indicators[i].weight;
        s += p->indicators[i].score;
    }
    *weight = w;
    *score = s;
}

void perf_project_free(perf_project *p)
{
    if (!p) return;
    free(p->path), free(p->code), free(p->name), free(p->department), free(p->implementer);
    free(p->target), free(p->achieved), free(p->process), free(p->budget_reason);
    for (size_t i = 0; i < p->n_indicators; i++) {
        perf_indicator *in = &p->indicators[i];
        free(in->level1), free(in->level2), free(in->name), free(in->target), free(in->unit);
        free(in->actual), free(in->reason);
    }
    free(p->indicators);
    free(p->conclusion), free(p->problems), free(p->measures), free(p->manager), free(p->finance_manager);
    for (int k = 0; k < PERF_REPORT_COUNT; k++) free(p->report[k]);
    value_free(p->yaml);
    posmap_free(p->pos);
    memset(p, 0, sizeof *p);
}

void perf_rules_free(perf_rules *r)
{
    if (!r) return;
    free(r->zero_rate_text);
    free(r->table_title);
    free(r->path);
    memset(r, 0, sizeof *r);
}
