#include "docs/format.hpp"

#include <stdexcept>

#include "core/text.hpp"

namespace thidua::docs {
namespace {
std::string two_digits(int n) {
  return n < 10 ? "0" + std::to_string(n) : std::to_string(n);
}
}  // namespace

std::string date_line(std::string_view place, LocalDate date) {
  if (!valid_date(date)) throw std::invalid_argument("date_line: no such date");
  if (place.empty()) throw std::invalid_argument("date_line: no place");
  std::string month = date.month < 3 ? two_digits(date.month) : std::to_string(date.month);
  return std::string(place) + ", ngày " + two_digits(date.day) + " tháng " + month + " năm " +
         std::to_string(date.year);
}

std::string document_number(int number, std::string_view type, std::string_view symbol) {
  if (number < 1) throw std::invalid_argument("document_number: numbers start at 1");
  return two_digits(number) + "/" + std::string(type) + "-" + std::string(symbol);
}

std::string blank_number(std::string_view type, std::string_view symbol) {
  return "     /" + std::string(type) + "-" + std::string(symbol);
}

std::string upper(std::string_view text) {
  return text::upper(text);
}

}  // namespace thidua::docs
