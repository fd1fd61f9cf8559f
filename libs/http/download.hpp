#pragma once
// A file to download with a Vietnamese name: Content-Disposition per RFC 6266 with both
// filename= (an ASCII form for old clients) and filename*=UTF-8''… (RFC 8187), which every
// current browser prefers.
#include <string>
#include <string_view>

#include "http/types.hpp"

namespace thidua::http {

// `attachment; filename="Bao-cao-nam-2026.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o…`.
// Characters a file system refuses (/ \ : * ? " < > |) and control characters become "-".
std::string content_disposition(std::string_view file_name);
// 200 with `body`, `content_type` and the header above; private, never stored by a cache.
Response download(std::string body, std::string content_type, std::string_view file_name);

}  // namespace thidua::http
