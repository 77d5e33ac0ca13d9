/* rules.c — the wording rules every figure of part two goes through:
 * amounts, change against the prior year, shares of a structure list and
 * completion against the budget. Each branch is explicit here, and the
 * choices the published reports differ on are options (templates/facts.yaml). */
#include "facts.h"

#include <stdlib.h>
#include <string.h>

int facts_options_load(const char *templates_dir, facts_options *out, diag_list *diags)
{
    memset(out, 0, sizeof *out);
    buf path = {0};
    buf_printf(&path, "%s/facts.yaml", templates_dir);
    /* defaults: what seed 003 (Sichuan) does */
    out->prior_zero_as_100 = true;
    out->largest_remainder = false;
    out->list_zero_items = false;
    out->zero_percent_plain = true;
    value *root = NULL;
    posmap *pos = NULL;
    int rc = yaml_load(buf_cstr(&path), &root, &pos, diags);
    if (rc == 0) {
        static const struct {
            const char *key;
            size_t offset;
        } keys[] = {
            {"prior_zero_as_100", offsetof(facts_options, prior_zero_as_100)},
            {"largest_remainder", offsetof(facts_options, largest_remainder)},
            {"list_zero_items", offsetof(facts_options, list_zero_items)},
            {"zero_percent_plain", offsetof(facts_options, zero_percent_plain)},
        };
        for (size_t i = 0; i < value_count(root); i++) {
            const char *k = value_key_at(root, i);
            const value *v = value_at(root, i);
            size_t j = 0;
            while (j < sizeof keys / sizeof keys[0] && strcmp(keys[j].key, k) != 0) j++;
            if (j == sizeof keys / sizeof keys[0]) {
                diag_error(diags, posmap_get(pos, k), "未知的选项 %s", k);
                rc = -1;
            } else if (value_get_type(v) != VALUE_BOOL) {
                diag_error(diags, posmap_get(pos, k), "选项 %s 应是 true 或 false", k);
                rc = -1;
            } else {
                *(bool *)((char *)out + keys[j].offset) = value_get_bool(v);
            }
        }
    }
    value_free(root);
    posmap_free(pos);
    path.len = 0;
    buf_printf(&path, "%s/glossary.yaml", templates_dir);
    if (yaml_load(buf_cstr(&path), &out->glossary, &out->glossary_pos, diags) != 0) rc = -1;
    buf_free(&path);
    return rc;
}

void facts_options_free(facts_options *o)
{
    value_free(o->glossary);
    posmap_free(o->glossary_pos);
    o->glossary = NULL;
    o->glossary_pos = NULL;
}

value *facts_amount(money_t v)
{
    char b[32];
    return value_new_string(money_format_wan(v, false, b));
}

value *facts_percent(int64_t hundredths, const facts_options *o)
{
    char b[32];
    if (hundredths == 0 && o->zero_percent_plain) return value_new_string("0");
    return value_new_string(percent_format(hundredths, b));
}

/* Equality is judged as a reader sees it (both rounded to 0.01 万元), so
 * the text never says "增加0.00万元"; amounts and percents come from the
 * exact values. */
static int shown_cmp(money_t a, money_t b)
{
    money_t ra = money_round_wan(a), rb = money_round_wan(b);
    return ra < rb ? -1 : ra > rb;
}

value *facts_change(money_t current, money_t previous, const facts_options *o)
{
    value *m = value_new_map();
    value_set(m, "current", facts_amount(current));
    value_set(m, "previous", facts_amount(previous));
    int cmp = shown_cmp(current, previous);
    money_t diff = current - previous;
    value_set(m, "amount", facts_amount(diff < 0 ? -diff : diff));
    value_set_bool(m, "equal", cmp == 0);
    value_set_bool(m, "increase", cmp > 0);
    value_set_bool(m, "decrease", cmp < 0);
    value_set_string(m, "direction", cmp == 0 ? "持平" : cmp > 0 ? "增加" : "减少");
    value_set_string(m, "rate_direction", cmp == 0 ? "持平" : cmp > 0 ? "增长" : "下降");
    value_set_bool(m, "previous_zero", money_round_wan(previous) == 0);
    /* the rate: change over |previous|; previous 0 has no rate, unless the
     * option says to write 100% as the published reports do */
    int64_t h = 0;
    bool has = false;
    if (cmp == 0) {
        has = true;
    } else if (money_round_wan(previous) == 0) {
        if (o->prior_zero_as_100) h = 10000, has = true;
    } else {
        /* from the exact amounts, as ARCHITECTURE says: 8.4495 / 12.4210 → 68.03 */
        money_t d = current - previous, base = previous;
        has = money_percent(d < 0 ? -d : d, base < 0 ? -base : base, &h);
    }
    value_set_bool(m, "has_percent", has);
    value_set(m, "percent", has ? facts_percent(h, o) : value_new_null());
    return m;
}

bool facts_shares(const money_t *parts, size_t n, money_t whole, const facts_options *o, int64_t *out)
{
    bool ok = whole != 0;
    for (size_t i = 0; ok && i < n; i++) ok = money_percent(parts[i], whole, &out[i]);
    if (!ok || !o->largest_remainder) return ok;
    /* largest remainder: only for non-negative parts that add up to the whole */
    money_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (parts[i] < 0 || parts[i] > INT64_MAX / 10000 || sum > INT64_MAX - parts[i]) return true;
        sum += parts[i];
    }
    if (sum != whole || whole <= 0) return true;
    int64_t *rem = xcalloc(n ? n : 1, sizeof *rem);
    int64_t total = 0;
    for (size_t i = 0; i < n; i++) {
        out[i] = parts[i] * 10000 / whole;
        rem[i] = parts[i] * 10000 % whole;
        total += out[i];
    }
    /* hand the missing hundredths to the largest remainders (ties: first) */
    for (int64_t left = 10000 - total; left > 0; left--) {
        size_t best = 0;
        for (size_t i = 1; i < n; i++)
            if (rem[i] > rem[best]) best = i;
        out[best]++;
        rem[best] = -1;
    }
    free(rem);
    return true;
}

value *facts_completion(money_t final, money_t budget, const facts_options *o)
{
    value *m = value_new_map();
    value_set(m, "final", facts_amount(final));
    value_set(m, "budget", facts_amount(budget));
    int cmp = shown_cmp(final, budget);
    value_set_bool(m, "has_budget", money_round_wan(budget) != 0);
    value_set_bool(m, "equal", cmp == 0);
    value_set_bool(m, "greater", cmp > 0);
    value_set_bool(m, "less", cmp < 0);
    value_set_string(m, "comparison", cmp == 0 ? "等于" : cmp > 0 ? "大于" : "小于");
    money_t diff = final - budget;
    value_set(m, "difference", facts_amount(diff < 0 ? -diff : diff));
    int64_t h;
    if (money_round_wan(budget) != 0 && money_percent(final, budget, &h))
        value_set(m, "percent", facts_percent(h, o));
    else
        value_set(m, "percent", value_new_null());
    return m;
}
