# unit-dir-dotdot-slash — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
ARG=$U/../
