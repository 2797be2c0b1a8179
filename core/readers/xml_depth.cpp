#include "readers/xml_depth.h"

#include "base/error.h"
#include "base/input_limits.h"
#include "base/text_util.h"

namespace plenary {

void check_xml_depth(const pugi::xml_node& root, std::string_view bytes, const std::string& source,
                     const std::string& part) {
    int depth = 1;  // of n: the root's children are at 1
    pugi::xml_node n = root.first_child();
    while (n) {
        if (depth > limits::max_xml_depth && n.type() == pugi::node_element) {
            const int line = line_of(bytes, n.offset_debug());
            throw DocumentError(source,
                                "nesting deeper than " + std::to_string(limits::max_xml_depth) +
                                    " levels" + (part.empty() ? "" : " in " + part),
                                part.empty() ? line : 0);
        }
        if (n.first_child()) {
            n = n.first_child();
            ++depth;
            continue;
        }
        while (n && n != root && !n.next_sibling()) {
            n = n.parent();
            --depth;
        }
        if (!n || n == root) break;
        n = n.next_sibling();
    }
}

}  // namespace plenary
