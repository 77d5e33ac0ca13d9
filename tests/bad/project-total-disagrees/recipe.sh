# project-total-disagrees — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# seed 003 as printed: 人社公共服务能力建设补助资金 states 合计 100 100, but its
# scores add up to 95 (预算执行 10 + 指标 85): the typed 合计 is refused
subst performance/projects/02-51110023T000009919626.yaml 'total: {weight: 100}' 'total: {weight: 100, score: 100}'
P=$(pos_of performance/projects/02-51110023T000009919626.yaml 'score: 100}')
P=${P%:*}:$(( ${P#*:} + 7 ))
