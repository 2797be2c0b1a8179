// SDG YAML reader (parse_yaml) on valid UTF-8 with "\n" line ends; the folder names the language.
#include "fuzz_common.h"
#include "fuzz_reader.h"
#include "readers/reader.h"

PLENARY_FUZZ_TARGET(yaml) {
    return plenary::fuzz::read_text(data, size, plenary::parse_yaml, "fuzz/en/global_goals.yml");
}
