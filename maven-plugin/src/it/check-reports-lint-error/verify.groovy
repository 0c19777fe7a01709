// check failed on the unknown unit with the processor's FILE:LINE:COLUMN, logged the warning
// as a warning, honoured the configured severity, and compiled nothing.
def log = new File(basedir, 'build.log').text
def schema = new File(basedir, 'src/main/resources/metrics.yaml').canonicalPath
assert log.contains("[ERROR] [MeteredUnknownUnit] ${schema}:9:53: ")
assert log.contains("[WARNING] [MeteredUnitInName] ${schema}:10:")
assert !log.contains('MeteredMissingDescription')
assert log.contains('has 1 error')
assert !new File(basedir, 'target/classes').exists()
