/**
 * What generated recorders and wrappers call, and nothing else should: these types are public only
 * because generated code lives in the user's packages. They are not part of Metered's API and may
 * change in any release without notice; code you write uses {@link dev.metered.runtime} and
 * {@link dev.metered.runtime.testing}. The processor and the runtime of one release go together,
 * so generated code and this package always match.
 *
 * <p>As in Dagger's {@code dagger.internal} and Micrometer's {@code ...instrument.internal}, a
 * separate package keeps the user's API small: an IDE that completes {@code dev.metered.runtime.}
 * offers only what users call.
 */
package dev.metered.runtime.internal;
