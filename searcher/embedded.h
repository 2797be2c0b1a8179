// Files served by plenary-search serve, compiled into the binary so nothing is fetched at run time.
#pragma once

#include <string>

namespace plenary {

/// searcher/web/index.html: the librarians' search page.
const std::string& embedded_index_html();
/// schemas/openapi.json: the service's API description.
const std::string& embedded_openapi_json();

}  // namespace plenary
