#include "docs/docx_package.hpp"

#include <zip.h>

#include <memory>
#include <mutex>
#include <sstream>
#include <utility>
#include <vector>

#include "docs/docx_layout.hpp"

namespace thidua::docs::docx {
namespace {

std::string header_xml(bool page_number) {
  pugi::xml_document x;
  auto root = x.append_child("w:hdr");
  root.append_attribute("xmlns:w") = kW;
  root.append_attribute("xmlns:r") = kR;
  ParaStyle s;
  s.jc = "center";
  auto p = para(root, s);
  if (page_number) {
    auto field = p.append_child("w:fldSimple");
    field.append_attribute("w:instr") = " PAGE ";
    run(field, "2", {false, false, kHeadSmall});
  }
  std::ostringstream out;
  x.save(out, "", pugi::format_raw);
  return out.str();
}

const char* kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" )"
    R"(w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>)"
    R"(<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" )"
    R"(w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" )"
    R"(w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>)"
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>)"
    R"(<w:qFormat/></w:style></w:styles>)";

const char* kSettings =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>)"
    R"(<w:compat><w:compatSetting w:name="compatibilityMode" )"
    R"(w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>)";

const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>)"
    R"(<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>)"
    R"(<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>)"
    R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
    R"(</Types>)";

const char* kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
    R"(</Relationships>)";

const char* kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>)"
    R"(<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>)"
    R"(<Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>)"
    R"(</Relationships>)";

std::string core_xml(const Document& d) {
  pugi::xml_document x;
  auto decl = x.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  auto root = x.append_child("cp:coreProperties");
  root.append_attribute("xmlns:cp") =
      "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_child("dc:title").text().set(clean(d.title).c_str());
  root.append_child("dc:creator").text().set(clean(d.issuing_body).c_str());
  root.append_child("dc:language").text().set("vi-VN");
  std::ostringstream out;
  x.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

// libzip writing into memory: the archive's source is a growable buffer that outlives
// zip_close, and the entries' data stays in `parts` until then.
class ZipWriter {
 public:
  ZipWriter() {
    zip_error_t error;
    zip_error_init(&error);
    source_ = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!source_) fail("zip_source_buffer_create");
    zip_source_keep(source_);
    archive_ = open_from_source(source_, &error);
    if (!archive_) fail("zip_open_from_source", &error);
  }
  ~ZipWriter() {
    if (archive_) zip_discard(archive_);
    if (source_) zip_source_free(source_);
  }
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  void add(const std::string& name, std::string data) {
    parts_.push_back(std::make_unique<std::string>(std::move(data)));
    const auto& part = *parts_.back();
    zip_source_t* s = zip_source_buffer(archive_, part.data(), part.size(), 0);
    if (!s) fail("zip_source_buffer");
    zip_int64_t index = zip_file_add(archive_, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(s);
      fail("zip_file_add");
    }
    // A fixed time keeps the bytes the same for the same document.
    zip_file_set_mtime(archive_, static_cast<zip_uint64_t>(index), kFixedTime, 0);
  }

  std::string finish() {
    if (zip_close(archive_) != 0) fail("zip_close");
    archive_ = nullptr;
    if (zip_source_open(source_) != 0) fail("zip_source_open");
    zip_source_seek(source_, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(source_);
    zip_source_seek(source_, 0, SEEK_SET);
    std::string out(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)), '\0');
    zip_int64_t got = zip_source_read(source_, out.data(), out.size());
    zip_source_close(source_);
    if (got != size) fail("zip_source_read");
    return out;
  }

 private:
  static constexpr time_t kFixedTime = 1262347200;  // 2010-01-01 12:00 UTC
  [[noreturn]] static void fail(const char* what, zip_error_t* error = nullptr) {
    std::string detail = error ? std::string(": ") + zip_error_strerror(error) : "";
    throw std::runtime_error(std::string("docx: ") + what + " failed" + detail);
  }
  // libzip before 1.10 (Debian 12 has 1.7.3) fills two function-static bitmaps on the first
  // zip_open_from_source without a lock: a second thread can see one set and the other not
  // and refuse the buffer as "Read-only archive" (upstream e47da96e). Two documents rendered
  // at once in a fresh process did that; every call is serialised, which costs microseconds.
  static zip_t* open_from_source(zip_source_t* source, zip_error_t* error) {
    static std::mutex open_lock;
    std::lock_guard lock(open_lock);
    return zip_open_from_source(source, ZIP_TRUNCATE, error);
  }
  zip_source_t* source_ = nullptr;
  zip_t* archive_ = nullptr;
  std::vector<std::unique_ptr<std::string>> parts_;
};

}  // namespace

std::string package(const Document& doc, const std::string& document_xml) {
  ZipWriter zip;
  // [Content_Types].xml first, as the Open Packaging Conventions recommend.
  zip.add("[Content_Types].xml", kContentTypes);
  zip.add("_rels/.rels", kRootRels);
  zip.add("docProps/core.xml", core_xml(doc));
  zip.add("word/document.xml", document_xml);
  zip.add("word/_rels/document.xml.rels", kDocumentRels);
  zip.add("word/styles.xml", kStyles);
  zip.add("word/settings.xml", kSettings);
  zip.add("word/header1.xml", header_xml(true));
  zip.add("word/header2.xml", header_xml(false));
  return zip.finish();
}

}  // namespace thidua::docs::docx
