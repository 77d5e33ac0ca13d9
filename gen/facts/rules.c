/* rules.c — the wording rules every figure of part two goes through:
 * amounts, change against the prior year, shares of a structure list and
 * completion against the budget. Each branch is explicit here, and the
 * choices the published reports differ on are options (templates/facts.yaml). */
#include "facts.h"

#include <stdlib.h>
#include <string.h>

/* Read one facts.yaml over `out`: its keys replace the values so far. */
static int options_read(const char *path, facts_options *out, diag_list *diags)
{
    value *root = NULL;
    posmap *pos = NULL;
    int rc = yaml_load(path, &root, &pos, diags);
    if (rc == 0) rc = facts_options_apply(out, root, pos, "", diags);
    value_free(root);
    posmap_free(pos);
    return rc;
}

int facts_options_apply(facts_options *o, const value *map, const posmap *pos, const char *prefix, diag_list *diags)
{
    static const struct {
        const char *key;
        size_t offset;
    } keys[] = {
        {"prior_zero_as_100", offsetof(facts_options, prior_zero_as_100)},
        {"largest_remainder", offsetof(facts_options, largest_remainder)},
        {"list_zero_items", offsetof(facts_options, list_zero_items)},
        {"zero_percent_plain", offsetof(facts_options, zero_percent_plain)},
        {"percent_trim_zeros", offsetof(facts_options, percent_trim_zeros)},
    };
    int rc = 0;
    for (size_t i = 0; i < value_count(map); i++) {
        const char *k = value_key_at(map, i);
        const value *v = value_at(map, i);
        buf path = {0};
        buf_printf(&path, "%s%s", prefix, k);
        size_t j = 0;
        while (j < sizeof keys / sizeof keys[0] && strcmp(keys[j].key, k) != 0) j++;
        if (j == sizeof keys / sizeof keys[0]) {
            diag_error(diags, posmap_get_key(pos, buf_cstr(&path)), "未知的选项 %s（可用 prior_zero_as_100、largest_remainder、list_zero_items、zero_percent_plain、percent_trim_zeros）", k);
            rc = -1;
        } else if (value_get_type(v) != VALUE_BOOL) {
            diag_error(diags, posmap_get(pos, buf_cstr(&path)), "选项 %s 应是 true 或 false", k);
            rc = -1;
        } else {
            *(bool *)((char *)o + keys[j].offset) = value_get_bool(v);
        }
        buf_free(&path);
    }
    return rc;
}

int facts_options_load(const char *templates_dir, facts_options *out, diag_list *diags)
{
    profile p;
    profile_init(&p, templates_dir);
    int rc = facts_options_load_profile(&p, out, diags);
    profile_free(&p);
    return rc;
}

int facts_options_load_profile(const profile *p, facts_options *out, diag_list *diags)
{
    memset(out, 0, sizeof *out);
    /* defaults: what seed 003 (Sichuan) does */
    out->prior_zero_as_100 = true;
    out->largest_remainder = false;
    out->list_zero_items = false;
    out->zero_percent_plain = true;
    int rc = 0;
    char *paths[PROFILE_MAX_LAYERS];
    size_t n = profile_find_all(p, "facts.yaml", paths);
    for (size_t i = 0; i < n; i++) { /* each layer's keys over the ones below */
        if (options_read(paths[i], out, diags) != 0) rc = -1;
        free(paths[i]);
    }
    char *g = profile_find(p, "glossary.yaml");
    if (!g) g = profile_base_path(p, "glossary.yaml"); /* yaml_load reports it missing */
    if (yaml_load(g, &out->glossary, &out->glossary_pos, diags) != 0) rc = -1;
    free(g);
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
    percent_format(hundredths, b);
    if (o->percent_trim_zeros && strchr(b, '.')) { /* "100.00" → "100", "98.50" → "98.5" */
        size_t n = strlen(b);
        while (b[n - 1] == '0') b[--n] = '\0';
        if (b[n - 1] == '.') b[--n] = '\0';
    }
    return value_new_string(b);
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
    value_set_string(m, "basis", "预算"); /* general_budget: 年初预算 or 调整预算 when the unit says */
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
