# type-duties-text — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# duties written as one paragraph instead of a list
python3 - <<'PY'
import re
s = open("unit.yaml", encoding="utf-8").read()
s = re.sub(r"  duties:\n(    - .*\n)+", "  duties: 拟订全市人力资源和社会保障事业发展政策、规划并组织实施。\n", s, count=1)
open("unit.yaml", "w", encoding="utf-8").write(s)
PY
POS=$(pos_of unit.yaml '拟订全市')
