// `plenary-search report KIND [QUERY] [options]`: the reports of search/report.h.
#pragma once

namespace plenary {

/// Runs the report subcommand; argv[0] is "report". Returns the exit status (base/exit_codes.h).
int report_main(int argc, char** argv);

}  // namespace plenary
