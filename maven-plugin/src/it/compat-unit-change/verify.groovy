// compat resolved version 1 from the repository and named the changed unit at its place in the
// build's catalog: an error in the first build, a warning in the second (failOnChange=false).
def log = new File(basedir, 'build.log').text
def catalog = new File(basedir, 'target/classes/META-INF/metered/metrics.json').canonicalPath
def change = "\\[MeteredCatalogChange\\] \\Q${catalog}\\E:\\d+:\\d+: the metric 'app.jobs.duration' changed its unit from millisecond to second"
assert log =~ /\[ERROR\] ${change}/
assert log =~ /\[WARNING\] ${change}/
assert log.contains('comparing the catalog with it.metered:compat-sample:1')
assert !log.contains('app.jobs.runs\' changed')
