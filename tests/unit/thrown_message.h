// What error tests share: the message of the error a call throws, to compare word for word.
#pragma once

#include <string>

#include "base/error.h"

namespace plenary::testing {

/// The what() of the Error that call() throws, or "no error" when it returns. Any other
/// exception passes through, failing the test.
template <class Error = QueryError, class Call>
std::string thrown_message(const Call& call) {
    try {
        call();
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace plenary::testing
