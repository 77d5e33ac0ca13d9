/* rules.c — the rule table (ID, severity, description) and the driver that
 * runs every rule group over a unit. README's "Checks" section lists this
 * table (check_rules_print writes it). */
#include "internal.h"

#include <string.h>

#define E DIAG_ERROR
#define W DIAG_WARNING

static const check_rule RULES[] = {
    /* unit.yaml */
    {"Y-UNKNOWN-KEY", E, false, "unit.yaml、performance/department.yaml 中出现未知的键（拼写相近时提示应为哪个键）"},
    {"Y-TYPE", E, false, "unit.yaml、performance/department.yaml 的值类型不对（应是金额、整数、数、文字、列表或映射）"},
    {"Y-MISSING", E, false, "unit.yaml 缺少必填的键（一次列出全部），或公开01表还没有数据"},
    {"Y-NO-TABLES", W, false, "单位文件夹没有 tables/（不生成决算公开），unit.yaml 中决算公开用的块不会用到"},
    {"Y-PREV-3P", E, true, "previous.three_public：合计 = 出国 + 用车 + 接待，用车 = 购置 + 运行"},
    /* subject tables: the classification tree */
    {"SUB-KUAN", E, true, "科目表中款 = 其下各项之和（每个金额列）"},
    {"SUB-CLASS", E, true, "科目表中类 = 其下各款之和（每个金额列）"},
    {"SUB-TOTAL", E, true, "科目表中合计 = 各类之和（每个金额列）"},
    {"SUB-ORDER", W, false, "科目表的行应为合计在前、其后按科目编码顺序排列"},
    /* row identities of the subject tables */
    {"T02-ROW", E, true, "收入决算表每行：本年收入合计 = 财政拨款 + 上级补助 + 事业 + 经营 + 附属单位上缴 + 其他收入"},
    {"T03-ROW", E, true, "支出决算表每行：本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助支出"},
    {"T05-ROW", E, true, "财政拨款支出决算明细表每行：合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算财政拨款"},
    {"T06-ROW", E, true, "一般公共预算财政拨款支出决算表每行：合计 = 基本支出 + 项目支出"},
    {"T07-ROW", E, true, "一般公共预算财政拨款支出决算明细表每行：合计 = 人员经费 + 公用经费 + 项目支出"},
    {"T07-KIND", W, false, "公开07表人员经费只应出现在 301/303 类，公用经费只应出现在 302/310/399 类"},
    {"T10-ROW", E, true, "政府性基金收支表每行：本年支出小计 = 基本支出 + 项目支出"},
    {"T10-BALANCE", E, true, "政府性基金收支表每行：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出"},
    {"T11-ROW", E, true, "国有资本经营收支表每行：本年支出小计 = 基本支出 + 项目支出"},
    {"T11-BALANCE", E, true, "国有资本经营收支表每行：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出"},
    {"T12-ROW", E, true, "国有资本经营预算财政拨款支出决算表每行：合计 = 基本支出 + 项目支出"},
    /* fixed-row tables */
    {"T01-IN-TOTAL", E, true, "公开01表：本年收入合计 = 八项收入之和"},
    {"T01-IN-GRAND", E, true, "公开01表：收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余"},
    {"T01-EXP-TOTAL", E, true, "公开01表：本年支出合计 = 各类支出之和"},
    {"T01-EXP-GRAND", E, true, "公开01表：支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余"},
    {"T01-BALANCE", E, false, "公开01表：收入总计 = 支出总计"},
    {"T04-IN-TOTAL", E, true, "公开04表：本年收入合计 = 三项财政拨款收入之和"},
    {"T04-BEGIN", E, true, "公开04表：年初财政拨款结转和结余 = 其下三项之和"},
    {"T04-IN-GRAND", E, true, "公开04表：收入总计 = 本年收入合计 + 年初财政拨款结转和结余"},
    {"T04-ROW", E, true, "公开04表支出每行：合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算财政拨款"},
    {"T04-EXP-TOTAL", E, true, "公开04表：本年支出合计 = 各类支出之和（每个金额列）"},
    {"T04-EXP-GRAND", E, true, "公开04表：支出总计 = 本年支出合计 + 年末财政拨款结转和结余（每个金额列）"},
    {"T04-BALANCE", E, false, "公开04表：收入总计 = 支出总计"},
    {"T04-FUND", E, true, "公开04表每种财政拨款：年末结转和结余 = 年初 + 本年收入 − 本年支出"},
    {"T13-TOTAL", E, true, "公开13表（预算数、决算数）：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费"},
    {"T13-VEHICLE", E, true, "公开13表（预算数、决算数）：公务用车购置及运行维护费 = 购置费 + 运行维护费"},
    /* 表间 (the identities are in templates/checks/identities.yaml) */
    {"X13-08", W, false, "公开08表 30212/30217/30231/31013 不应大于公开13表对应的“三公”决算数"},
    /* plausibility */
    {"P-NEGATIVE", E, false, "金额为负数（只有结转、结余的行或列可以为负）"},
    {"P-BUDGET-CODE", E, false, "budget 中的科目应是公开06表中的项级科目"},
    {"P-SUBJECT-REASON", W, false, "项级科目决算数不等于（小于或无）年初预算数，但 reasons.subjects 没有写原因"},
    {"P-COMPLETION", W, false, "决算数大于预算数（完成预算超过 100%），但没有写原因"},
    {"P-REASON-MISSING", W, false, "数字与上年相比有变动（或“三公”决算小于预算），但 reasons 中没有写原因"},
    {"P-REASON-UNUSED", W, false, "reasons 中写了原因，但它要解释的数字没有变动（或科目不在表中），原因不会印出"},
    {"P-ADMIN-OP", W, false, "other.admin_operating（机关运行经费）大于一般公共预算财政拨款公用经费"},
    {"P-PREV-ORDER", W, false, "previous：财政拨款收支总计不应小于三项财政拨款支出之和，收支总计不应小于财政拨款收支总计"},
    {"O-PROCUREMENT", E, false, "政府采购：授予小微企业 ≤ 授予中小企业 ≤ 货物 + 工程 + 服务"},
    {"O-VEHICLES", E, false, "other.assets.vehicles：车辆总数 = 各类车辆之和"},
    {"O-PRIOR-ASSESS", E, false, "事前绩效评估项目数 = 所列项目个数"},
    {"D-LAYOUT", E, false, "department.yaml：layout 应是 templates/performance/department/ 下的一个版式"},
    {"D-IN-DISCLOSURE", W, false, "department.yaml：in_disclosure: true 但单位没有 tables/（没有决算公开），报告只单独生成"},
    {"D-FROM-TABLES", E, false, "department.yaml：单位有 tables/ 时，收入、支出、年初年末结转结余取自公开表，不应另写其合计、各项、基本、项目支出及 begin / end"},
    {"D-SUM", E, true, "department.yaml：所写合计 = 所列各项之和（收入、支出、基本 + 项目、项目、结转结余、按功能分类的预算数和决算数）"},
    {"D-COUNT", E, false, "department.yaml：所写项目个数 = 所列项目数"},
    {"D-BALANCE", W, false, "department.yaml：年初结转结余 + 收入 − 支出 = 年末结转结余"},
    {"D-SCORE-TOTAL", E, false, "department.yaml：所写自评总分 = 各评分项之和"},
    {"D-SCORE-STATED", E, false, "unit.yaml other.performance.department.score（第二部分所写部门整体自评得分）= department.yaml 的自评总分（其各节有得分时）"},
    {"D-SCORE-GROUP", E, false, "department.yaml：有得分的小节 = 其下各评分项之和"},
    {"D-SCORE-MAX", E, false, "department.yaml：得分不超过分值（max）"},
    {"D-FIGURE", E, false, "department.yaml：figures 中原文的数（stated）= 由数据算出的数（万元舍入范围以内为警告）"},
    {"D-FIGURE-REF", E, false, "department.yaml：文字中的 {名称} 应是 figures 中的数字"},
    /* 项目支出绩效自评表 (performance/projects/NAME.yaml; weights from templates/performance/scoring.yaml) */
    {"PRJ-WEIGHT", E, false, "项目自评表：绩效指标权重之和 = 规定的指标总分（四川：90），合计权重 = 预算执行 10 + 90 = 100"},
    {"PRJ-SCORE", E, false, "项目自评表：每项绩效指标的得分不大于其权重"},
    {"PRJ-TOTAL", E, false, "项目自评表：写出的合计（total.weight、total.score）= 计算所得的合计权重、合计得分"},
    {"PRJ-FUND-SUM", E, true, "项目自评表：总额 = 其中财政资金 + 财政专户管理资金 + 单位资金 + 其他资金（年初预算、调整后预算数、预算执行数）"},
    {"PRJ-OVERSPENT", E, false, "项目自评表：预算执行数不大于调整后预算数，除非 budget.reason 写了原因"},
    {"PRJ-VALUE", E, false, "项目自评表：指标性质为 ≥ ≤ = ＞ ＜ 的指标，指标值和完成值应是数字（可带 %）"},
    {"PRJ-MISSED", W, false, "项目自评表：完成值未达到指标值（按指标性质比较），却得了满分"},
    {"PRJ-REASON", W, false, "项目自评表：得分低于权重（包括已达到指标值却未得满分），但没有写未完成原因分析"},
};

#undef E
#undef W

const check_rule *check_rules(size_t *n)
{
    *n = sizeof RULES / sizeof RULES[0];
    return RULES;
}

const check_rule *check_rule_find(const char *id)
{
    for (size_t i = 0; i < sizeof RULES / sizeof RULES[0]; i++)
        if (strcmp(RULES[i].id, id) == 0) return &RULES[i];
    return NULL;
}

void check_rules_print(FILE *out)
{
    fputs("| ID | 级别 | 说明 |\n|---|---|---|\n", out);
    for (size_t i = 0; i < sizeof RULES / sizeof RULES[0]; i++)
        fprintf(out, "| %s | %s | %s |\n", RULES[i].id,
                RULES[i].severity == DIAG_ERROR ? (RULES[i].rounding ? "错误（万元尾差为警告）" : "错误") : "警告",
                RULES[i].description);
}

int check_unit(const unit *u, const spec_set *specs, diag_list *d)
{
    cctx c = {u, specs, d, 0, false};
    check_schema(&c);
    c.errors += check_missing(u, d);
    c.yaml_ok = c.errors == 0;
    if (u->has_tables) { /* the disclosure's tables and the unit.yaml blocks that explain them */
        check_tree(&c);
        check_rows(&c);
        check_fixed(&c);
        check_identities(&c);
        check_three_public(&c);
        check_plausible(&c);
    }
    check_department(&c); /* performance/department.yaml, when the folder has one */
    check_projects(&c);
    return c.errors;
}
