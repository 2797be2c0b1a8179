// Element nesting depth of a parsed XML tree, checked before any reader walks it recursively.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace plenary {

/// Throws DocumentError(source, "nesting deeper than N levels[ in part]", line) when an
/// element of root's tree lies deeper than limits::max_xml_depth. bytes are the parsed text,
/// for the line number; part names a zip entry ("word/document.xml"), or is empty. The walk
/// itself is iterative, so any depth is measured safely.
void check_xml_depth(const pugi::xml_node& root, std::string_view bytes, const std::string& source,
                     const std::string& part = "");

}  // namespace plenary
