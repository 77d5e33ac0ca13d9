/* facts.h — gen/facts: every derived figure and phrase, as one tree.
 *
 * The facts tree is the contract between data and templates: templates
 * only place what is here; they never compute. `juesuan facts UNIT` prints
 * it as JSON (keys in a stable order). Amounts are formatted strings in
 * 万元 with 2 decimals ("3313.32"); counts are numbers.
 *
 * Top-level keys (juesuan facts input/leshan-2024 shows every one):
 *   unit            name, short_name, kind (部门|单位), year, previous_year,
 *                   published (“2025年9月18日”), money_unit, title
 *   overview        duties [{number “（一）”, text}], organization
 *   totals          一 收支总计: income, expenditure, equal, change, expenditure_change, reason
 *   income          二 收入: total, has_items, items [{name, amount, share, last}]
 *   expenditure     三 支出: total, basic, project, has_items, items
 *   fiscal          四 财政拨款收支总计: like totals
 *   general_budget  五: amount, share_of_expenditure, change, reason,
 *                   classes [{name, amount, share, last}], has_classes,
 *                   budget (completion of the total), has_items,
 *                   items [{number, code, path, final, budget, percent,
 *                   comparison 大于|小于|等于, equal, has_budget, reason}]
 *   basic           六: total, personnel {amount, items “基本工资、…”}, public {…}
 *   three_public    七: has_spending, total (completion + change), reason,
 *                   budget_reason, abroad / vehicle / reception (completion,
 *                   name, share, change, reason, and their quantities)
 *   government_fund, state_capital  八/九: amount, share, change, has_funds, reason
 *   other           十: admin_operating, procurement, assets, performance
 *   glossary        第三部分: [{number, term, text}]
 *   attachments     第四部分: [{number, title, embedded (the 部门整体 report
 *                   printed in 第四部分 has this title)}], has_attachments
 *   performance     projects [{number, number_cn, table_id “project-1”, code, name,
 *                   title “code-name”, department, implementer, target, achieved,
 *                   process, funds [{label, present, initial, adjusted, spent,
 *                   rate “100.00%”, zero_budget}], budget {initial, adjusted,
 *                   spent, rate, weight, score, full, reason}, indicators
 *                   [{level1, level2, name, sense, target, unit, actual, weight,
 *                   score, full, reason, met}], indicator_weight, indicator_score,
 *                   total {weight, score, full}, conclusion, problems, measures,
 *                   manager, finance_manager}], has_projects, project_count,
 *                   table_title (项目支出绩效自评表; scores as “10”, “8.5”)
 *   tables          第五部分: [{id, label, title, number “一”, sheet}]
 *   (the keys above only when the unit folder has tables/: the disclosure)
 *   performance.department  the 部门整体支出绩效自评报告 (performance/department.yaml):
 *                   layout, layout_is {LAYOUT: true}, in_disclosure (also in
 *                   the disclosure's 第四部分: asked for and the unit has tables/),
 *                   title, attachment, disclosure_label (“附件N” over its title
 *                   in the disclosure: the attachments entry with its title, else
 *                   attachment), header, signature, basics, finance (income,
 *                   expenditure, balance, budget, execution, by_function),
 *                   management, evaluation, conclusion, analysis, achievements,
 *                   problems, suggestions, chapters {achievements, problems,
 *                   suggestions: {cn 四…} of those present, else null} (bodies: {items [{paragraph} |
 *                   {section {n, cn, title, lead, inline, score, text}}]}),
 *                   score {has_scores, total}, figures {name: printed},
 *                   grids (the tables @grid prints)
 *   correction      the 更正说明 (only when `juesuan diff --report` adds it, from
 *                   facts_correction): unit, date, count, documents [{title,
 *                   pages [{page, place “第5页”, items [{number, where,
 *                   has_where, old, new, end}]}]}]
 * A change is {current, previous, amount, equal, increase, decrease,
 * direction 增加|减少|持平, rate_direction 增长|下降|持平, previous_zero,
 * has_percent, percent}; see facts_change.
 */
#ifndef JUESUAN_FACTS_H
#define JUESUAN_FACTS_H

#include "../input/input.h"

/** Options that choose between wordings the published reports differ on;
 *  read from templates/facts.yaml. */
typedef struct facts_options {
    bool prior_zero_as_100;  /* prior year 0, now more: "增长100%" (published
                                practice); false: the rate is omitted */
    bool largest_remainder;  /* shares of a list add up to exactly 100.00%
                                (false: each share rounded on its own, so a
                                reader can check it with a calculator) */
    bool list_zero_items;    /* structure lists name items of 0 too */
    bool zero_percent_plain; /* a zero percent is written "0", not "0.00" */
    bool percent_trim_zeros; /* percents without trailing zeros: "100", "98.5" */
    value *glossary;         /* templates/glossary.yaml: before/after term lists */
    posmap *glossary_pos;
} facts_options;

/** Load the options from templates_dir/facts.yaml (booleans; unknown keys
 *  are errors; missing keys keep the defaults) and the fixed 名词解释 terms
 *  from templates_dir/glossary.yaml. Returns 0 or -1. */
int facts_options_load(const char *templates_dir, facts_options *out, diag_list *diags);

/** facts_options_load through a profile: every layer's facts.yaml in turn
 *  (a layer's keys replace the ones below), the top-most glossary.yaml. */
int facts_options_load_profile(const profile *p, facts_options *out, diag_list *diags);

/** Set the options a map gives (`map`'s keys: prior_zero_as_100, …; each
 *  true or false); `pos` and `prefix` ("options.") place messages about an
 *  unknown key or a value that is not a bool. Returns 0 or -1. */
int facts_options_apply(facts_options *o, const value *map, const posmap *pos, const char *prefix,
                        diag_list *diags);

/** Free what facts_options_load allocated. */
void facts_options_free(facts_options *o);

/** An amount as shown in text: 万元, 2 decimals, no thousands separators. */
value *facts_amount(money_t v);

/** A percent (hundredths) as shown: "95.19"; 0 as "0" when the option says. */
value *facts_percent(int64_t hundredths, const facts_options *o);

/** Change against the prior year. Equality is judged as shown (rounded to
 *  0.01 万元); the amount and the percent come from the exact values:
 *  {current, previous, amount (absolute), equal, increase, decrease,
 *   direction 增加|减少|持平, rate_direction 增长|下降|持平, previous_zero,
 *   has_percent, percent (of |previous|; null when previous is 0 and the
 *   option prior_zero_as_100 is off)}. */
value *facts_change(money_t current, money_t previous, const facts_options *o);

/** Shares (hundredths of a percent) of `n` parts in `whole`, each rounded on
 *  its own, or by largest remainder when the option says and the parts are
 *  non-negative and add up to the whole. Returns false when whole is 0. */
bool facts_shares(const money_t *parts, size_t n, money_t whole, const facts_options *o, int64_t *out);

/** Final against budget: {final, budget, has_budget, equal, greater, less,
 *  comparison 大于|小于|等于, difference, percent (null without a budget)}. */
value *facts_completion(money_t final, money_t budget, const facts_options *o);

/** Build the facts tree of a loaded unit. Returns NULL after adding errors
 *  to `diags` (e.g. a part-one text that is not a string). */
value *facts_build(const unit *u, const spec_set *specs, const facts_options *o, diag_list *diags);

/** One place a correction changes, as the 更正说明 states it: in the
 *  published document `document` (its title), on printed page `page` (0: a
 *  page without a number, the cover), the text `old_text` (a sentence, a
 *  chart value, a table cell) now reads `new_text`. `where` names a chart
 *  value or table cell ("公开05表“2050302 中等职业教育”行“项目支出”栏"); NULL
 *  or "" for a sentence of the text. */
typedef struct correction_item {
    const char *document;
    int page;
    const char *where;
    const char *old_text, *new_text;
} correction_item;

/** The facts of a 更正说明 (the `correction` subtree): {unit {name}, date
 *  “2025年10月9日” (the correction's 公开时间), count, documents [{title,
 *  number_cn, pages [{page, place “第5页” | “封面”, items [{number, where,
 *  has_where, old, new, end “。” or “” when `new` ends a sentence}]}]}]}: the items grouped by document (in the order
 *  they first appear) and, within one, by page (ascending; items of one page
 *  in the order given), numbered 1, 2, … across the notice. */
value *facts_correction(const char *unit_name, const correction_item *items, size_t n, int year, int month,
                        int day);

/** Chinese numeral for 1–99 ("一", "十", "十三", "二十一") into `out`
 *  (size >= 16); returns `out`. */
char *facts_cn_number(int n, char *out);

#endif
