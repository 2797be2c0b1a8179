#include "index/shard_of.h"

#include "index/copies.h"
#include "index/index_writer.h"

namespace plenary {

std::string ShardSpec::str() const {
    return sharded() ? std::to_string(index) + "/" + std::to_string(count) : std::string();
}

std::optional<ShardSpec> ShardSpec::parse(const std::string& text) {
    const auto slash = text.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == text.size() || slash > 4 ||
        text.size() - slash - 1 > 4)
        return std::nullopt;
    auto number = [](const std::string& s) {
        int n = 0;
        for (const char c : s) {
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    };
    const int k = number(text.substr(0, slash));
    const int n = number(text.substr(slash + 1));
    if (k < 1 || n < 1 || k > n || n > 1024) return std::nullopt;
    return ShardSpec{k, n};
}

std::string shard_identity(const CopySignature& sig) {
    if (!sig.symbol.empty()) return "symbol\t" + sig.symbol;
    // A text too short for a sketch: every such text of a language goes to one shard.
    if (sig.sketch.empty()) return "short\t" + sig.lang;
    return "text\t" + sig.lang + "\t" + hex64(sig.sketch.front());
}

int shard_of(const CopySignature& sig, int count) {
    if (count <= 1) return 1;
    return static_cast<int>(content_hash(shard_identity(sig)) % static_cast<std::uint64_t>(count)) +
           1;
}

}  // namespace plenary
