// compat resolved version 1 from the repository and named the changed unit, at its place in
// the build's catalog.
def log = new File(basedir, 'build.log').text
def catalog = new File(basedir, 'target/classes/META-INF/metered/metrics.json').canonicalPath
assert log =~ /\[ERROR\] \[MeteredCatalogChange\] \Q${catalog}\E:\d+:\d+: the metric 'app.jobs.duration' changed its unit from millisecond to second/
assert log.contains('it.metered:compat-sample:1')
