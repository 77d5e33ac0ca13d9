# profile-unparsable — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a profile (named by a path relative to the unit) whose facts.yaml has a YAML error
mkdir -p myprofile
printf '# options that differ\npercent_trim_zeros: [true\n' > myprofile/facts.yaml
sed -i '1i profile: ./myprofile' unit.yaml
