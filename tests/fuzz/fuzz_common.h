// What every fuzz target shares: its entry point, the input a reader is given, and what counts
// as a finding.
//
// A target is written once, with PLENARY_FUZZ_TARGET(name) { ... }. In the fuzz build
// (-DPLENARY_FUZZ=ON) it is libFuzzer's LLVMFuzzerTestOneInput, one binary per target; in the
// normal build it is registered by name in fuzz_regression_test, which replays the inputs kept
// in tests/data/fuzz/<name>/ and the seeds in tests/fuzz/seeds/<name>/.
//
// Plenary refuses bad input with a plenary::Error (a DocumentError naming the file, a
// QueryError with its column): that is an answer, not a finding. Any other exception escaping
// a target (std::out_of_range, std::length_error, nlohmann's errors...) is a finding, as are
// the sanitizers' reports, crashes, timeouts and running out of memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "base/error.h"
#include "base/text_util.h"

namespace plenary::fuzz {

using Target = int (*)(const std::uint8_t* data, std::size_t size);

/// Adds a target to fuzz_regression_test's list (normal build only); returns 0.
int register_target(const char* name, Target target);

/// The input as bytes.
inline std::string_view bytes_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// What parse_document hands a text reader: valid UTF-8 with "\n" line ends. nullopt for
/// input parse_document refuses before any reader sees it (invalid UTF-8).
inline std::optional<std::string> reader_text(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = bytes_of(data, size);
    if (!check_utf8(bytes)) return std::nullopt;
    return normalise_newlines(bytes);
}

/// An exception that is not Plenary's answer to bad input: report it and stop. Under libFuzzer
/// abort() makes it a crash with the input saved; in the replay test it fails the test.
[[noreturn]] inline void finding(const char* what) {
#ifdef PLENARY_FUZZ_REPLAY
    throw std::logic_error(std::string("fuzz finding: ") + what);
#else
    std::fprintf(stderr, "fuzz finding: %s\n", what);
    std::abort();
#endif
}

/// Runs body; a plenary::Error is a refusal, anything else a finding.
template <class F>
void run_guarded(F&& body) {
    try {
        body();
    } catch (const Error&) {
    } catch (const std::exception& e) {
        finding((std::string("unexpected exception: ") + e.what()).c_str());
    }
}

/// A byte range [begin, end) that must lie within text: a finding if not.
inline void check_range(std::size_t begin, std::size_t end, std::string_view text,
                        const char* what) {
    if (begin > end || end > text.size()) finding(what);
}

}  // namespace plenary::fuzz

#ifdef PLENARY_FUZZ_REPLAY
#define PLENARY_FUZZ_TARGET(name)                                               \
    static int plenary_fuzz_##name(const std::uint8_t* data, std::size_t size); \
    [[maybe_unused]] static const int plenary_fuzz_registered_##name =          \
        plenary::fuzz::register_target(#name, plenary_fuzz_##name);             \
    static int plenary_fuzz_##name(const std::uint8_t* data, std::size_t size)
#else
#define PLENARY_FUZZ_TARGET(name) \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
#endif
