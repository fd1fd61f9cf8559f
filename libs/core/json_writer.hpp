#pragma once
// JSON written straight into a string, for the hot read paths and log lines: building a
// nlohmann tree only to dump it cost a third of a GET's CPU (bench/README.md).
#include <boost/container/small_vector.hpp>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace thidua {

// Appends `s` as the inside of a JSON string. Invalid UTF-8 becomes U+FFFD, so no caller's
// bytes can make the output invalid.
void append_json_escaped(std::string& out, std::string_view s);

class JsonWriter {
 public:
  // Room for a typical record up front: grown from empty, a 1 KiB body took seven
  // allocations (bench/README.md).
  JsonWriter() { out_.reserve(kInitialCapacity); }

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& string(std::string_view v);
  JsonWriter& number(long long v);
  // Fixed-point with `decimals` digits; NaN and infinities (not JSON numbers) become null.
  JsonWriter& number(double v, int decimals);
  JsonWriter& boolean(bool v);
  JsonWriter& null();
  JsonWriter& value(const nlohmann::json& v);
  // `json` must already be valid JSON text.
  JsonWriter& raw(std::string_view json);
  // `k` then a string value: the common case.
  JsonWriter& field(std::string_view k, std::string_view v) { return key(k).string(v); }
  // The text written so far; complete once every object and array is closed.
  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  static constexpr std::size_t kInitialCapacity = 1024;
  void before_value();
  std::string out_;
  // Per open object or array: a comma goes before the next. Sixteen levels in place.
  boost::container::small_vector<bool, 16> has_member_;
  bool after_key_ = false;
};

}  // namespace thidua
