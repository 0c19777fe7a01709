// After the schema-only edit, the second build regenerated: the new metric is in the generated
// recorder, in its compiled class and in the catalog. The third, unchanged, compiled nothing.
def recorder = new File(basedir, 'target/generated-sources/annotations/it/metered/metrics/JobsMetrics.java')
assert recorder.isFile()
assert recorder.text.contains('"app.jobs.failures"')
def compiled = new File(basedir, 'target/classes/it/metered/metrics/JobsMetrics.class')
assert new String(compiled.bytes, 'ISO-8859-1').contains('app.jobs.failures')
def catalog = new File(basedir, 'target/classes/META-INF/metered/metrics.json')
assert catalog.text.contains('"app.jobs.failures"')

def log = new File(basedir, 'build.log').text
def compilations = log.split(/\[INFO\] --- maven-compiler-plugin:[^ ]+:compile/).drop(1)
assert compilations.size() == 3
assert compilations[1].contains('Recompiling the module')
assert log.contains('changed since the last generation')
assert compilations[2].contains('Nothing to compile - all classes are up to date.')
