#!/bin/sh
# juesuan diff and the 更正说明 (issue 12 items 3 and 4). A copy of
# input/leshan-2024 with one corrected 项 figure — 2080199 其他人力资源和社会保障
# 管理事务支出 8.00 → 9.00 万元 of 项目支出, paid from 其他收入, with every total
# it feeds made consistent so that check passes (公开01表, 02, 03) — is compared
# with the original: the changed figures with file:line:col on both sides,
# every affected sentence with both page numbers (each checked against the
# built PDFs: the page that prints "— N —" holds the sentence), the chart
# values, the PDF table cells and the workbook cells (each checked in the
# built workbooks). --report writes the 更正说明 PDF and Markdown (their text
# checked, the same bytes twice). Two identical folders: nothing changed,
# exit 0. A below-precision change moves no printed figure; a changed reason
# is listed with its sentence; bad input in one folder: file:line:col, exit
# 1, no report. Run from the project root.
. tests/e2e/lib.sh
has() { grep -qF -- "$2" "$1" && ok "$3" || no "$3" "$1"; }
lacks() { grep -qF -- "$2" "$1" && no "$3" "$1" || ok "$3"; }
flat() { tr -d ' \n\t\r\f'; }

old=$w/old; new=$w/new
cp -r input/leshan-2024 "$old"; cp -r input/leshan-2024 "$new"
T=$new/tables
sed -i 's/^,合计,3313.32,1648.28,1665.04,,,$/,合计,3314.32,1648.28,1666.04,,,/
s/^208,社会保障和就业支出,2022.21,1536.12,486.09,,,$/208,社会保障和就业支出,2023.21,1536.12,487.09,,,/
s/^20801,人力资源和社会保障管理事务,1784.97,1345.15,439.82,,,$/20801,人力资源和社会保障管理事务,1785.97,1345.15,440.82,,,/
s/^2080199,其他人力资源和社会保障管理事务支出,8.00,,8.00,,,$/2080199,其他人力资源和社会保障管理事务支出,9.00,,9.00,,,/' "$T/03_支出决算表.csv"
sed -i 's/^,合计,3313.07,3312.88,,,,,0.19$/,合计,3314.07,3312.88,,,,,1.19/
s/^208,社会保障和就业支出,2021.96,2021.77,,,,,0.19$/208,社会保障和就业支出,2022.96,2021.77,,,,,1.19/
s/^20801,人力资源和社会保障管理事务,1784.72,1784.53,,,,,0.19$/20801,人力资源和社会保障管理事务,1785.72,1784.53,,,,,1.19/
s/^2080199,其他人力资源和社会保障管理事务支出,8.00,8.00,,,,,$/2080199,其他人力资源和社会保障管理事务支出,9.00,8.00,,,,,1.00/' "$T/02_收入决算表.csv"
sed -i 's/^八、其他收入,8,0.19,八、社会保障和就业支出,20,2022.21$/八、其他收入,8,1.19,八、社会保障和就业支出,20,2023.21/
s/^本年收入合计,9,3313.07,本年支出合计,39,3313.32$/本年收入合计,9,3314.07,本年支出合计,39,3314.32/
s/^总计,12,3313.32,总计,42,3313.32$/总计,12,3314.32,总计,42,3314.32/' "$T/01_收入支出决算总表.csv"
[ "$(diff -r "$old" "$new" | grep -c '^>')" = 11 ] && ok "the corrected copy changes 11 CSV lines" || no "the corrected copy changes 11 CSV lines"
"$bin" check "$new" >/dev/null 2>"$w/err" && ok "the corrected copy passes check" || no "the corrected copy passes check" "$w/err"

# ---- both folders built: the pages the listing must name ---------------------------
"$bin" build "$old" -o "$w/b" >/dev/null 2>&1 && "$bin" build "$new" -o "$w/b2" >/dev/null 2>&1 \
  && ok "both folders build" || no "both folders build"
opdf=$(ls "$w/b/old"/*决算.pdf); npdf=$(ls "$w/b2/new"/*决算.pdf)
pages() { # PDF DIR: each page's text, flattened, into DIR/K
  mkdir -p "$2"; n=$(pdfinfo "$1" | sed -n 's/^Pages: *//p'); k=1
  while [ "$k" -le "$n" ]; do pdftotext -f $k -l $k "$1" - 2>/dev/null | flat >"$2/$k"; k=$((k + 1)); done
}
pages "$opdf" "$w/op"; pages "$npdf" "$w/np"
pg() { # DIR TEXT [TEXT2]: the number printed ("— N —") on the first page that holds TEXT (and TEXT2)
  k=$(grep -lF -- "$2" "$1"/* 2>/dev/null | xargs -r grep -lF -- "${3:-$2}" | sed 's#.*/##' | sort -n | head -1)
  [ -n "$k" ] && grep -o '—[0-9]*—' "$1/$k" | tail -1 | tr -d '—'
}
o4=$(pg "$w/op" "收、支总计均为3313.32万元"); n4=$(pg "$w/np" "收、支总计均为3314.32万元")
n5=$(pg "$w/np" "本年支出合计3314.32万元，其中：基本支出"); n6=$(pg "$w/np" "占本年支出合计的95.16%")
o1=$(pg "$w/op" "图1：收、支决算总计变动情况"); n1=$(pg "$w/np" "图1：收、支决算总计变动情况")
o2=$(pg "$w/op" "图2：收入决算结构"); n2=$(pg "$w/np" "图2：收入决算结构")
o03=$(pg "$w/op" "2080199其他人力资源和社会保障管理事务支出8.008.00" "公开03表")
n03=$(pg "$w/np" "2080199其他人力资源和社会保障管理事务支出9.009.00" "公开03表")
o01=$(pg "$w/op" "2,022.21" "公开01表"); n01=$(pg "$w/np" "2,023.21" "公开01表")
for v in "$o4" "$n4" "$n5" "$n6" "$o1" "$n1" "$o2" "$n2" "$o03" "$n03" "$o01" "$n01"; do
  case "$v" in [1-9]*) ;; *) no "a page of the built PDFs not found (got '$v')";; esac
done
echo "pages: sentences $o4/$n4 $n5 $n6, charts $o1/$n1 $o2/$n2, 公开01表 $o01/$n01, 公开03表 $o03/$n03"

# ---- the listing -------------------------------------------------------------
"$bin" diff "$old" "$new" >"$w/out" 2>"$w/err"; rc=$?
[ $rc = 0 ] && ok "diff exits 0" || no "diff exits 0 (got $rc)" "$w/err"
has "$w/out" "输入的更改：22 处（数字 22 处，文字 0 处）" "22 changed input figures"
has "$w/out" "数字 公开03表“2080199 其他人力资源和社会保障管理事务支出”行“项目支出”列：8.00 → 9.00" "the corrected 项 figure: table, row (code + name), column, old → new"
has "$w/out" "位置：旧 $old/tables/03_支出决算表.csv:12:33；新 $new/tables/03_支出决算表.csv:12:33" "…at file:line:col on both sides"
has "$w/out" "数字 公开02表“2080199 其他人力资源和社会保障管理事务支出”行“其他收入”列：（空） → 1.00" "a blank cell given a figure"
has "$w/out" "数字 公开01表“总计”行“金额”列：3313.32 → 3314.32" "a total it feeds"
has "$w/out" "旧 第${o4}页：2024年度收、支总计均为3313.32万元。" "a sentence before, with its old page"
has "$w/out" "新 第${n4}页：2024年度收、支总计均为3314.32万元。" "…and after, with its new page"
has "$w/out" "新 第${n4}页：与2023年度4010.58万元相比，收、支总计各减少696.26万元，下降17.36%。" "the change against last year moves too"
has "$w/out" "新 第${n5}页：2024年度本年支出合计3314.32万元，其中：基本支出1648.28万元，占49.73%；项目支出1666.04万元，占50.27%。" "the expenditure sentence with its shares"
has "$w/out" "新 第${n6}页：2024年度一般公共预算财政拨款支出3153.82万元，占本年支出合计的95.16%。" "a share whose figure did not change"
has "$w/out" "正文（句子；旧、新 PDF 的页码）：4 处" "4 runs of sentences"
has "$w/out" "图1：收、支决算总计变动情况中“2024年度”：3313.32万元 → 3314.32万元（旧第${o1}页，新第${n1}页）" "a chart value"
has "$w/out" "图2：收入决算结构中“其他收入”：0.19万元（0.01%） → 1.19万元（0.04%）（旧第${o2}页，新第${n2}页）" "a pie slice and its share"
has "$w/out" "图表数值：5 处" "5 chart values"
has "$w/out" "公开03表“2080199 其他人力资源和社会保障管理事务支出”行“项目支出”栏：8.00 → 9.00（旧第${o03}页，新第${n03}页）" "a PDF table cell with its pages"
has "$w/out" "公开01表“八、社会保障和就业支出”行“支出/金额”栏：2,022.21 → 2,023.21（旧第${o01}页，新第${n01}页）" "a two-sided form's right side named by its own 项目"
has "$w/out" "PDF 表格单元格：22 处" "22 PDF table cells"
has "$w/out" "03支出决算表!E16：8.00 → 9.00" "a workbook cell"
has "$w/out" "01收入支出决算总表!F35：3,313.32 → 3,314.32" "the workbook's 总计"
has "$w/out" "图表!B25（图2：收入决算结构中“其他收入”）：0.19万元（0.01%） → 1.19万元（0.04%）" "a chart's workbook cell"
has "$w/out" "图表!C23（图2：收入决算结构中“一般公共预算财政拨款收入”）：3153.82万元（95.19%） → 3153.82万元（95.16%）" "a share's workbook cell"
has "$w/out" "工作簿单元格：27 处" "27 workbook cells (22 table cells, 5 chart figures)"
lacks "$w/out" "没有任何更改" "a real change is not 'nothing changed'"

"$bin" diff "$old" "$new" --json >"$w/json" 2>"$w/err"; rc=$?
if [ $rc = 0 ] && "$py" - "$w/json" >"$w/jsonr" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["changed"] and d["moves_printed"], d["changed"]
assert len(d["inputs"]) == 22, len(d["inputs"])
i = [x for x in d["inputs"] if x["what"].endswith("行“项目支出”列") and "2080199" in x["what"]][0]
assert (i["kind"], i["old"], i["new"]) == ("figure", "8.00", "9.00"), i
assert i["new_pos"].endswith("/new/tables/03_支出决算表.csv:12:33"), i
doc = d["documents"][0]
assert doc["kind"] == "disclosure", doc["kind"]
cells = [c for c in doc["changes"] if c["kind"] == "cell" and c["new"][0]["cell"] == "03支出决算表!E16"]
assert cells and cells[0]["old"][0] == {"text": "8.00", "page": 45, "cell": "03支出决算表!E16"}, cells
texts = [c for c in doc["changes"] if c["kind"] == "text"]
assert texts[0]["new"][0] == {"text": "2024年度收、支总计均为3314.32万元。", "page": 4, "cell": None}, texts[0]
PY
then ok "--json: the same content for programs"; else no "--json: the same content for programs (rc $rc)" "$w/jsonr"; fi

# the workbook cells the listing names hold the figures
if "$py" - "$(ls "$w/b/old"/*附表.xlsx)" "$(ls "$w/b2/new"/*附表.xlsx)" >"$w/cells" 2>&1 <<'PY'
import sys, openpyxl
o = openpyxl.load_workbook(sys.argv[1]); n = openpyxl.load_workbook(sys.argv[2])
for sheet, cell, a, b in [("03支出决算表", "E16", 8.0, 9.0), ("02收入决算表", "I16", None, 1.0),
                          ("01收入支出决算总表", "F35", 3313.32, 3314.32), ("01收入支出决算总表", "C13", 0.19, 1.19),
                          ("图表", "B4", 3313.32, 3314.32), ("图表", "B25", 0.19, 1.19), ("图表", "C23", 0.9519, 0.9516)]:
    assert o[sheet][cell].value == a and n[sheet][cell].value == b, (sheet, cell, o[sheet][cell].value, n[sheet][cell].value)
PY
then ok "the workbook cells named hold the old and new figures"; else no "the workbook cells named hold the old and new figures" "$w/cells"; fi

# ---- the 更正说明 --------------------------------------------------------------
"$bin" diff "$old" "$new" --report "$w/rep" --date 2025-10-09 >"$w/out2" 2>"$w/err"; rc=$?
[ $rc = 0 ] && ok "--report exits 0" || no "--report exits 0 (got $rc)" "$w/err"
pdf="$w/rep/乐山市人力资源和社会保障局（机关）更正说明.pdf"; md="$w/rep/乐山市人力资源和社会保障局（机关）更正说明.md"
[ -s "$pdf" ] && [ -s "$md" ] && ok "the notice's PDF and Markdown are written" || no "the notice's PDF and Markdown are written" "$w/out2"
has "$w/out2" "$pdf" "the paths written are printed"
[ "$(ls -A "$w/rep" | wc -l)" = 2 ] && ok "nothing else is left in the report folder" || no "nothing else is left in the report folder"
pdftotext "$pdf" - 2>/dev/null | flat >"$w/notice.txt"
has "$w/notice.txt" "更正说明乐山市人力资源和社会保障局（机关）已公开的下列文件中，部分内容有误，现更正如下：" "the notice's opening"
has "$w/notice.txt" "一、《乐山市人力资源和社会保障局（机关）2024年度单位决算》" "grouped by document"
has "$w/notice.txt" "1.《乐山市人力资源和社会保障局（机关）2024年度单位决算》第${o4}页“2024年度收、支总计均为3313.32万元。”更正为“2024年度收、支总计均为3314.32万元。”" "a sentence corrected, at its page"
has "$w/notice.txt" "第${o1}页图1：收、支决算总计变动情况中“2024年度”的“3313.32万元”更正为“3314.32万元”。" "a chart value corrected"
has "$w/notice.txt" "32.《乐山市人力资源和社会保障局（机关）2024年度单位决算》第${o03}页公开03表“2080199其他人力资源和社会保障管理事务支出”行“项目支出”栏的“8.00”更正为“9.00”。" "a table cell corrected; 32 items"
has "$w/notice.txt" "特此更正。乐山市人力资源和社会保障局（机关）2025年10月9日" "signed and dated from --date"
has "$md" "32. 《乐山市人力资源和社会保障局（机关）2024年度单位决算》第${o03}页公开03表“2080199 其他人力资源和社会保障管理事务支出”行“项目支出”栏的“8.00”更正为“9.00”。" "the Markdown has the same item"
has "$md" "## 一、《乐山市人力资源和社会保障局（机关）2024年度单位决算》" "the Markdown groups by document"
fonts=$(pdffonts "$pdf" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')
dfonts=$(pdffonts "$npdf" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')
case " $dfonts " in *" $(echo "$fonts" | cut -d' ' -f1) "*) ok "the notice uses the disclosure's fonts ($fonts)";; *) no "the notice uses the disclosure's fonts ($fonts / $dfonts)";; esac
[ "$(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')" = "$(pdfinfo "$npdf" | sed -n 's/^Page size: *//p')" ] && ok "the notice's page size is the disclosure's" || no "the notice's page size is the disclosure's"
"$bin" diff "$old" "$new" --report "$w/rep2" --date 2025-10-09 >/dev/null 2>&1
cmp -s "$pdf" "$w/rep2/$(basename "$pdf")" && cmp -s "$md" "$w/rep2/$(basename "$md")" && ok "the notice is the same bytes twice" || no "the notice is the same bytes twice"
"$bin" diff "$old" "$new" --report "$w/rep3" >/dev/null 2>&1
pdftotext "$w/rep3/$(basename "$pdf")" - 2>/dev/null | flat | grep -qF "2025年9月18日" && ok "without --date the notice is dated unit.published" || no "without --date the notice is dated unit.published"

# a profile rewords the notice (templates/correction/ through profile_find)
pn=$w/pnew; cp -r "$new" "$pn"; mkdir -p "$pn/profile/correction"
for f in notice.mustache notice.md.mustache; do
  sed 's/特此更正。/特此更正（本地措辞）。/' "templates/correction/$f" >"$pn/profile/correction/$f"
done
sed -i '1i profile: ./profile' "$pn/unit.yaml"
"$bin" diff "$old" "$pn" --report "$w/profrep" --date 2025-10-09 >/dev/null 2>"$w/err"
pdftotext "$w/profrep/$(basename "$pdf")" - 2>/dev/null | grep -qF "特此更正（本地措辞）。" && grep -qF "特此更正（本地措辞）。" "$w/profrep/$(basename "$md")" \
  && ok "a profile rewords the notice (PDF and Markdown)" || no "a profile rewords the notice (PDF and Markdown)" "$w/err"

# ---- nothing changed; below precision; a reason; bad input; usage ------------------
"$bin" diff "$old" "$old" >"$w/same" 2>"$w/err"; rc=$?
[ $rc = 0 ] && ok "identical folders: exit 0" || no "identical folders: exit 0 (got $rc)" "$w/err"
has "$w/same" "两个文件夹的输入和文档都相同：没有任何更改。" "identical folders: nothing changed"
[ "$(wc -l <"$w/same")" = 2 ] && ok "identical folders: two lines" || no "identical folders: two lines" "$w/same"

prec=$w/prec; cp -r "$old" "$prec"
sed -i 's/^2080199,其他人力资源和社会保障管理事务支出,8.00,,8.00,,,$/2080199,其他人力资源和社会保障管理事务支出,8.001,,8.001,,,/' "$prec/tables/03_支出决算表.csv"
"$bin" diff "$old" "$prec" --report "$w/prep" >"$w/prec.out" 2>"$w/err"; rc=$?
[ $rc = 0 ] && ok "below precision: exit 0" || no "below precision: exit 0 (got $rc)" "$w/err"
has "$w/prec.out" "行“项目支出”列：8.00 → 8.001（低于印出精度 0.01 万元）" "below precision: the change is listed and said to be below printed precision"
has "$w/prec.out" "文档中受影响的位置：0 处" "below precision: no place in the documents"
has "$w/prec.out" "以上更改没有改变任何印出的数字或文字" "below precision: said to move no printed figure"
[ ! -e "$w/prep" ] && ok "below precision: no notice written" || no "below precision: no notice written"

rea=$w/reason; cp -r "$old" "$rea"
sed -i 's/局机关支出减少。$/局机关支出相应减少。/' "$rea/unit.yaml"
"$bin" diff "$old" "$rea" >"$w/rea.out" 2>"$w/err"; rc=$?
[ $rc = 0 ] && ok "a reason: exit 0" || no "a reason: exit 0 (got $rc)" "$w/err"
has "$w/rea.out" "输入的更改：1 处（数字 0 处，文字 1 处）" "a reason: one text change"
has "$w/rea.out" "文字 unit.yaml reasons.subjects.2080199：" "a reason: named by its key"
has "$w/rea.out" "位置：旧 $old/unit.yaml:82:16；新 $rea/unit.yaml:82:16" "a reason: at its line:col on both sides"
n8=$(pg "$w/op" "完成预算63.25万元的12.65%")
has "$w/rea.out" "新 第${n8}页：6.社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他人力资源和社会保障管理事务支出（项）：支出决算为8.00万元，完成预算63.25万元的12.65%，决算数小于预算数的主要原因是省级补助高校毕业生“三支一扶”项目划拨方式改变，局机关支出相应减少。" "a reason: the sentence quoting it, with its page"

bad=$w/bad; cp -r "$old" "$bad"
sed -i '5s/1019.89/10 19.89/' "$bad/tables/03_支出决算表.csv"
"$bin" diff "$old" "$bad" --report "$w/brep" --date 2025-10-09 >"$w/bad.out" 2>"$w/bad.err"; rc=$?
[ $rc = 1 ] && ok "bad input in the new folder: exit 1" || no "bad input in the new folder: exit 1 (got $rc)" "$w/bad.err"
has "$w/bad.err" "$bad/tables/03_支出决算表.csv:5:16: 错误: “本年支出合计”列的金额“10 19.89”不是合法的数字" "bad input: file:line:col"
[ ! -e "$w/brep" ] && [ ! -s "$w/bad.out" ] && ok "bad input: no report, no listing" || no "bad input: no report, no listing" "$w/bad.out"
"$bin" diff "$bad" "$new" >/dev/null 2>"$w/bad.err"; rc=$?
[ $rc = 1 ] && grep -qF "$bad/tables/03_支出决算表.csv:5:16" "$w/bad.err" && ok "bad input in the old folder: exit 1 at file:line:col" || no "bad input in the old folder: exit 1" "$w/bad.err"

"$bin" diff "$old" >/dev/null 2>&1; [ $? = 2 ] && ok "one folder: usage, exit 2" || no "one folder: usage, exit 2"
"$bin" diff "$old" "$new" --date 2025-02-30 >/dev/null 2>&1; [ $? = 2 ] && ok "a bad --date: exit 2" || no "a bad --date: exit 2"
"$bin" diff "$old" "$new" --bogus >/dev/null 2>&1; [ $? = 2 ] && ok "an unknown option: exit 2" || no "an unknown option: exit 2"

# ---- a unit with performance reports only --------------------------------------
eb=$w/ebian; cp -r input/ebian-2024 "$eb"
sed -i 's/提高群众满意度。$/提高了群众满意度。/' "$eb/performance/projects/03-人社公共服务能力建设上级资金.yaml"
"$bin" diff input/ebian-2024 "$eb" >"$w/eb.out" 2>"$w/err"; rc=$?
[ $rc = 0 ] && ok "performance reports: exit 0" || no "performance reports: exit 0 (got $rc)" "$w/err"
has "$w/eb.out" "文字 performance/projects/03-人社公共服务能力建设上级资金.yaml report.benefits：" "performance reports: the changed text"
"$bin" build "$eb" -o "$w/eb" --doc project_reports >/dev/null 2>&1
pages "$(ls "$w/eb/ebian"/*.pdf | head -1)" "$w/ebp"
n10=$(pg "$w/ebp" "提高了群众满意度")
has "$w/eb.out" "新 第${n10}页：提升人社公共服务能力，让群众办事条件得到进一步改善，提高了群众满意度。" "performance reports: the sentence and its page"
has "$w/eb.out" "2024年度部门整体支出预算绩效自评报告》（department）：没有变化" "performance reports: the document it does not reach"

finish
