/* skeleton.c — what unit.yaml must and may hold, for a person starting a
 * unit: the commented unit.yaml that `juesuan init` writes (every key of
 * the schema table in schema.c, in its order, with what to write there)
 * and the Y-MISSING rule (every required key that is still empty, in one
 * run). A key the schema gains without a line here still appears in the
 * skeleton, with a comment made from its type. */
#include "internal.h"

#include <string.h>

/* What to write under a key. `required`: juesuan cannot make the document
 * without it (unit_load or gen/facts refuse the unit; all but unit.* only
 * when the folder has tables/, a disclosure); `example`: a
 * commented line shown under a mapping or list whose keys or items the
 * unit chooses. */
static const struct {
    const char *path;
    bool required;
    const char *note;
    const char *example;
} DOCS[] = {
    {"unit", true, "单位信息", NULL},
    {"unit.name", true, "单位全称，与封面一致", NULL},
    {"unit.short_name", false, "句中使用的简称（可不写，默认同 name）", NULL},
    {"unit.kind", true, "部门 或 单位：决定全文写“部门决算”还是“单位决算”", NULL},
    {"unit.year", true, "决算年度，如 2024", NULL},
    {"unit.published", false, "公开时间 YYYY-MM-DD（须晚于决算年度；也是文件的创建日期）：check、facts 可不写，build 必须写", NULL},
    {"unit.money_unit", true, "本文件和 tables/*.csv 的金额单位：万元（最多 6 位小数）或 元（最多 2 位）", NULL},
    {"profile", false, "模板配置：profiles/ 下的名称，或相对本文件夹的路径（不写用 templates/）", NULL},
    {"overview", true, "第一部分 单位概况", NULL},
    {"overview.duties", true, "一、主要职责：每条一项，不写编号（juesuan 编（一）（二）……）", "- 拟订……"},
    {"overview.organization", true, "二、机构设置：一段文字", NULL},
    {"overview.units", false, "部门决算汇总的所属单位（可不写）", "- {name: ……, note: 行政单位}"},
    {"previous", true, "上年数：第二部分各节与之比较（金额）", NULL},
    {"previous.total", true, "上年收、支总计", NULL},
    {"previous.fiscal_total", true, "上年财政拨款收、支总计", NULL},
    {"previous.general_budget", true, "上年一般公共预算财政拨款支出", NULL},
    {"previous.government_fund", false, "上年政府性基金预算财政拨款支出（不写按 0）", NULL},
    {"previous.state_capital", false, "上年国有资本经营预算财政拨款支出（不写按 0）", NULL},
    {"previous.admin_operating", true, "上年机关运行经费", NULL},
    {"previous.three_public", true, "上年“三公”经费财政拨款支出", NULL},
    {"previous.three_public.total", false, "合计（不写按 abroad + vehicle + reception）", NULL},
    {"previous.three_public.abroad", true, "因公出国（境）费", NULL},
    {"previous.three_public.vehicle", false, "公务用车购置及运行维护费（不写按 购置 + 运行）", NULL},
    {"previous.three_public.vehicle_purchase", false, "公务用车购置费", NULL},
    {"previous.three_public.vehicle_operation", false, "公务用车运行维护费", NULL},
    {"previous.three_public.reception", true, "公务接待费", NULL},
    {"options", false, "本单位的文字选项（templates/facts.yaml 中的选项，如 percent_trim_zeros: true）", "largest_remainder: true"},
    {"budget_basis", false, "完成预算的比较基数：年初预算（budget）或 调整预算（adjusted_budget）", NULL},
    {"adjusted_budget", false, "一般公共预算财政拨款各项级科目的调整预算数（可不写）", "\"2080101\": 0.00"},
    {"budget", false, "一般公共预算财政拨款各项级科目的年初预算数（完成预算的比较基数）", "\"2080101\": 0.00"},
    {"reasons", false, "变动原因：只写原因本身，以“。”结尾（模板写“主要变动原因是……”）", NULL},
    {"reasons.total", false, "收、支总计比上年变动的原因", NULL},
    {"reasons.fiscal_total", false, "财政拨款收、支总计变动的原因", NULL},
    {"reasons.general_budget", false, "一般公共预算财政拨款支出变动的原因", NULL},
    {"reasons.government_fund", false, "政府性基金预算财政拨款支出变动的原因", NULL},
    {"reasons.state_capital", false, "国有资本经营预算财政拨款支出变动的原因", NULL},
    {"reasons.admin_operating", false, "机关运行经费变动的原因", NULL},
    {"reasons.three_public", false, "“三公”经费比上年变动的原因", NULL},
    {"reasons.three_public_budget", false, "“三公”经费决算与预算不同的原因", NULL},
    {"reasons.three_public_abroad", false, "因公出国（境）费决算与预算不同的原因", NULL},
    {"reasons.three_public_vehicle", false, "公务用车购置及运行维护费决算与预算不同的原因", NULL},
    {"reasons.three_public_reception", false, "公务接待费决算与预算不同的原因", NULL},
    {"reasons.subjects", false, "项级科目决算与年初预算不同的原因", "\"2080101\": ……。"},
    {"three_public", false, "“三公”经费的明细（表中没有的数量和用途）", NULL},
    {"three_public.abroad", false, "因公出国（境）", NULL},
    {"three_public.abroad.groups", false, "组团数", NULL},
    {"three_public.abroad.persons", false, "人次", NULL},
    {"three_public.abroad.content", false, "主要内容", NULL},
    {"three_public.vehicles", false, "公务用车", NULL},
    {"three_public.vehicles.purchased", false, "本年购置的车辆", NULL},
    {"three_public.vehicles.purchased.total", false, "购置车辆数 = sedans + suvs + buses", NULL},
    {"three_public.vehicles.purchased.sedans", false, "其中轿车", NULL},
    {"three_public.vehicles.purchased.suvs", false, "其中越野车", NULL},
    {"three_public.vehicles.purchased.buses", false, "其中大中型客车", NULL},
    {"three_public.vehicles.purchased.amount", false, "购置费（= 公开13表公务用车购置费决算）", NULL},
    {"three_public.vehicles.purchased.types", false, "按车型的购置数量和金额（可不写；写了则按车型列出）", "- {type: 轿车, count: 1, amount: 0.00}"},
    {"three_public.vehicles.held", false, "年末保有的车辆", NULL},
    {"three_public.vehicles.held.total", false, "保有车辆数 = sedans + suvs + buses", NULL},
    {"three_public.vehicles.held.sedans", false, "其中轿车", NULL},
    {"three_public.vehicles.held.suvs", false, "其中越野车", NULL},
    {"three_public.vehicles.held.buses", false, "其中大中型客车", NULL},
    {"three_public.vehicles.operation_use", false, "运行维护费主要用于……", NULL},
    {"three_public.reception", false, "公务接待（国内 + 外事 = 公开13表公务接待费决算）", NULL},
    {"three_public.reception.domestic", false, "国内公务接待", NULL},
    {"three_public.reception.domestic.batches", false, "批次", NULL},
    {"three_public.reception.domestic.persons", false, "人次", NULL},
    {"three_public.reception.domestic.amount", false, "金额", NULL},
    {"three_public.reception.domestic.use", false, "主要用于……", NULL},
    {"three_public.reception.domestic.content", false, "具体内容包括……", NULL},
    {"three_public.reception.foreign", false, "外事接待", NULL},
    {"three_public.reception.foreign.batches", false, "批次", NULL},
    {"three_public.reception.foreign.persons", false, "人次", NULL},
    {"three_public.reception.foreign.amount", false, "金额", NULL},
    {"three_public.reception.foreign.use", false, "主要用于……", NULL},
    {"three_public.reception.foreign.content", false, "具体内容包括……", NULL},
    {"other", true, "十、其他重要事项", NULL},
    {"other.admin_operating", true, "本年机关运行经费", NULL},
    {"other.procurement", false, "政府采购支出（货物、工程、服务；授予中小企业、其中小微企业）", NULL},
    {"other.procurement.total", false, "政府采购支出总额（只有总额、不分货物工程服务时写）", NULL},
    {"other.procurement.goods", false, "政府采购货物支出", NULL},
    {"other.procurement.works", false, "政府采购工程支出", NULL},
    {"other.procurement.services", false, "政府采购服务支出", NULL},
    {"other.procurement.sme", false, "授予中小企业合同金额", NULL},
    {"other.procurement.small_micro", false, "其中授予小微企业合同金额", NULL},
    {"other.procurement.use", false, "主要用于……", NULL},
    {"other.assets", false, "国有资产占有使用情况", NULL},
    {"other.assets.vehicles", false, "车辆：total = leaders + confidential + emergency + other", NULL},
    {"other.assets.vehicles.total", false, "车辆总数", NULL},
    {"other.assets.vehicles.leaders", false, "领导干部用车", NULL},
    {"other.assets.vehicles.confidential", false, "机要通信用车", NULL},
    {"other.assets.vehicles.emergency", false, "应急保障用车", NULL},
    {"other.assets.vehicles.other", false, "其他用车", NULL},
    {"other.assets.vehicles.other_use", false, "其他用车主要用于……", NULL},
    {"other.assets.equipment_over_1m", false, "单价 100 万元以上的设备", NULL},
    {"other.assets.equipment_over_1m.count", false, "台（套）数", NULL},
    {"other.assets.equipment_over_1m.names", false, "设备名称", NULL},
    {"other.performance", false, "预算绩效管理", NULL},
    {"other.performance.prior_assessment", false, "事前绩效评估：count 等于所列项目数", NULL},
    {"other.performance.prior_assessment.count", false, "评估的项目个数", NULL},
    {"other.performance.prior_assessment.projects", false, "项目名称", "- ……"},
    {"other.performance.targets", false, "编制绩效目标的项目个数", NULL},
    {"other.performance.monitored", false, "绩效运行监控的项目个数", NULL},
    {"other.performance.self_evaluated", false, "绩效自评的项目个数", NULL},
    {"other.performance.evaluated_projects", false, "开展绩效自评的项目名称（可不写）", "- ……"},
    {"other.performance.department", false, "部门整体支出绩效自评（可不写）", NULL},
    {"other.performance.department.score", false, "自评得分（0 至 100）", NULL},
    {"other.performance.department.summary", false, "自评结论（一段文字）", NULL},
    {"glossary_notes", false, "加在固定名词解释后的一句话，键是名词", "其他收入: ……"},
    {"glossary_texts", false, "替换名词解释的文字：键是固定词条或 7 位科目编码", "\"2080199\": 反映……"},
    {"glossary_extra", false, "单位自己的名词解释条目", "- {term: ……, text: 指……}"},
    {"attachments", false, "第四部分 附件的标题", "- ……"},
};
enum { N_DOCS = sizeof DOCS / sizeof DOCS[0] };

static int doc_find(const char *path)
{
    for (int i = 0; i < N_DOCS; i++)
        if (strcmp(DOCS[i].path, path) == 0) return i;
    return -1;
}

static int depth_of(const char *path)
{
    int d = 0;
    for (const char *c = path; *c; c++) d += *c == '.';
    return d;
}

static const char *last_segment(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot ? dot + 1 : path;
}

/* Display columns of UTF-8 text (CJK characters count two). */
static int columns(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x80) w++;
        else if ((*p & 0xC0) != 0x80) w += 2;
    return w;
}

/* The comment of a key without a line in DOCS: its type. */
static const char *kind_note(ykind k)
{
    switch (k) {
    case Y_MONEY: return "金额";
    case Y_COUNT: return "个数（非负整数）";
    case Y_TEXT: return "文字";
    case Y_LIST: return "列表（每项以“- ”开头）";
    case Y_MAP: return "";
    case Y_NUMBER: return "数";
    case Y_BODY: return "文字或段落";
    case Y_BOOL: return "true 或 false";
    case Y_SCALAR: break;
    }
    return "";
}

/* A commented example of the items of a list of mappings whose keys the
 * schema lists ("- {name: ……, note: ……}"). */
static void item_example(buf *b, const schema_key *keys, size_t n, const char *list_path)
{
    buf item = {0};
    size_t len = strlen(list_path);
    for (size_t i = 0; i < n; i++) {
        const char *p = keys[i].path;
        if (strncmp(p, list_path, len) != 0 || strncmp(p + len, ".#.", 3) != 0 || strchr(p + len + 3, '.')) continue;
        buf_printf(&item, "%s%s: ……", item.len ? ", " : "", p + len + 3);
    }
    if (item.len) buf_printf(b, "- {%s}", buf_cstr(&item));
    buf_free(&item);
}

char *check_yaml_skeleton(void)
{
    size_t n;
    const schema_key *keys = schema_keys(&n);
    buf b = {0};
    buf_puts(&b, "# unit.yaml — 由 juesuan init 写出：schema 中的每个键都在这里，各有说明。\n"
                 "# 标【必填】的键必须填写；其余的键可以留空（留空等于不写），用不到的可以删去。\n"
                 "# 金额写成普通数字（4010.58），单位是 unit.money_unit；科目编码作键时加引号（\"2080101\"）。\n"
                 "# 每个键的详细说明见 README.md 的 unit.yaml 一节。填好后运行 juesuan check 本文件夹：\n"
                 "# 它一次列出还缺的全部内容。\n");
    for (size_t i = 0; i < n; i++) {
        const schema_key *k = &keys[i];
        if (strchr(k->path, '#') || strchr(k->path, '*')) continue; /* shown as examples under their parent */
        int depth = depth_of(k->path);
        if (depth == 0) buf_putc(&b, '\n');
        int d = doc_find(k->path);
        buf line = {0};
        for (int j = 0; j < depth; j++) buf_puts(&line, "  ");
        buf_printf(&line, "%s:", last_segment(k->path));
        if (strcmp(k->path, "unit.money_unit") == 0) buf_puts(&line, " 万元");
        const char *note = d >= 0 ? DOCS[d].note : kind_note(k->kind);
        bool required = d >= 0 && DOCS[d].required;
        if (note[0] || required) {
            int pad = 44 - columns(buf_cstr(&line));
            for (int j = 0; j < (pad > 1 ? pad : 1); j++) buf_putc(&line, ' ');
            buf_printf(&line, "# %s%s", required ? "【必填】" : "", note);
        }
        buf_puts(&b, buf_cstr(&line));
        buf_putc(&b, '\n');
        buf_free(&line);
        /* what the items or keys the unit chooses look like */
        buf ex = {0};
        if (d >= 0 && DOCS[d].example) buf_puts(&ex, DOCS[d].example);
        else if (k->kind == Y_LIST) item_example(&ex, keys, n, k->path);
        if (ex.len) {
            for (int j = 0; j <= depth; j++) buf_puts(&b, "  ");
            buf_printf(&b, "# %s\n", buf_cstr(&ex));
        }
        buf_free(&ex);
    }
    return buf_detach(&b);
}

/* ---- Y-MISSING ------------------------------------------------------------- */

static bool is_empty(const value *v)
{
    return !v || value_get_type(v) == VALUE_NULL;
}

int check_missing(const unit *u, diag_list *d)
{
    cctx c = {u, NULL, d, 0, false};
    if (!u->has_tables) return 0; /* the keys below are the disclosure's */
    diag_show_all(d, "Y-MISSING"); /* the whole list, however long */
    for (int i = 0; i < N_DOCS; i++) {
        const char *path = DOCS[i].path;
        /* unit_load reports the unit: block itself; a block of several
         * required keys is reported key by key */
        if (!DOCS[i].required || strcmp(path, "unit") == 0 || strncmp(path, "unit.", 5) == 0) continue;
        const value *v = value_get_path(u->yaml, path);
        if (!is_empty(v) && !(value_get_type(v) == VALUE_LIST && value_count(v) == 0)) continue;
        bool has_required_child = false;
        size_t len = strlen(path);
        for (int j = 0; j < N_DOCS; j++)
            if (DOCS[j].required && strncmp(DOCS[j].path, path, len) == 0 && DOCS[j].path[len] == '.')
                has_required_child = true;
        if (has_required_child) continue;
        /* inside a parent that is not a mapping, Y-TYPE has said it */
        const char *dot = strrchr(path, '.');
        if (dot) {
            char parent[96];
            snprintf(parent, sizeof parent, "%.*s", (int)(dot - path), path);
            const value *pv = value_get_path(u->yaml, parent);
            if (!is_empty(pv) && value_get_type(pv) != VALUE_MAP) continue;
        }
        check_report(&c, "Y-MISSING", unit_pos(u, path), "unit.yaml 还缺 %s：%s", path, DOCS[i].note);
    }
    /* a disclosure needs the 总表 at least */
    const table *t01 = unit_table(u, "t01");
    bool unread = false; /* a file that could not be read has its own error */
    for (size_t i = 0; t01 && t01->path && i < d->count; i++)
        if (d->items[i].file && strcmp(d->items[i].file, t01->path) == 0) unread = true;
    if (t01 && t01->path && !unread && !table_has_data(t01))
        check_report(&c, "Y-MISSING", (srcpos){t01->path, 1, 1}, "%s还没有数据（只有表头）", t01->spec->title);
    return c.errors;
}
