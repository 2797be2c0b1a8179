// `plenary-search serve-shard --db D --port P`: one shard served over Xapian's remote protocol.
#pragma once

namespace plenary {

/// Runs the serve-shard subcommand; argv[0] is "serve-shard". Returns the exit status only
/// when the server could not be started (base/exit_codes.h); otherwise the process becomes
/// xapian-tcpsrv.
int serve_shard_main(int argc, char** argv);

}  // namespace plenary
