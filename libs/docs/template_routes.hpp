#pragma once
// "Mẫu văn bản" on the wire, the same in every service that issues documents (issue 11):
//   GET    <base>/templates           {templates: [TemplateInfo]}            admin
//   GET    <base>/templates/{file}    TemplateInfo                           admin
//   PUT    <base>/templates/{file}    {"wording": text} → TemplateInfo       admin
//                                     (422 template_invalid: the line to correct)
//   DELETE <base>/templates/{file}    back to the original → TemplateInfo    admin
// TemplateInfo: {file, label, wording, edited, updated_by|null, updated_at|null}.
#include <string>

#include "core/clock.hpp"
#include "docs/template_library.hpp"
#include "http/router.hpp"

namespace thidua::docs {

void add_template_routes(http::Router& router, TemplateLibrary& library, const Clock& clock,
                         const std::string& base);

}  // namespace thidua::docs
