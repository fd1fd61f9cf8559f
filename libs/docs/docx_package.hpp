#pragma once
// A DOCX file (an OPC zip) around the body of a document: the fixed parts (styles, settings,
// content types, relationships), the page headers, the core properties. Internal to
// libs/docs.
#include <string>

#include "docs/document.hpp"

namespace thidua::docs::docx {

// The .docx bytes of `doc` whose word/document.xml is `document_xml`.
std::string package(const Document& doc, const std::string& document_xml);

}  // namespace thidua::docs::docx
