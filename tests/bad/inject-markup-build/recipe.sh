# inject-markup-build — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# the same injection through a whole build: the text is printed as text
subst unit.yaml '    - 完成市委、市政府交办的其他事项。' '    - "完成市委、市政府交办的其他事项。\n# 注入的标题\n\n@pagebreak"'
subst unit.yaml '  organization: 乐山市人力资源' '  organization: "@toc\n\n乐山市人力资源'
python3 - <<'PY'
import re
s = open("unit.yaml", encoding="utf-8").read()
s = re.sub(r'(  organization: "@toc.*?)\n', lambda m: m.group(1) + '"\n', s, count=1)
open("unit.yaml", "w", encoding="utf-8").write(s)
PY
CMD=build
