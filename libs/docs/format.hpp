#pragma once
// The small formats of an administrative document, after Nghị định 30/2020/NĐ-CP, Phụ lục I
// (thể thức văn bản hành chính): the place-and-date line, the number and symbol, names in
// upper case. Pure functions; the rule each follows is named beside it.
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace thidua::docs {

// "Vĩnh Phong, ngày 05 tháng 02 năm 2026". Phụ lục I, II.4.b: days below 10 and the months 1
// and 2 are written with a leading zero; the other months without ("tháng 10", "tháng 3").
// Throws std::invalid_argument for a date that does not exist or an empty place.
std::string date_line(std::string_view place, LocalDate date);

// "01/BC-THCSVP1": Phụ lục I, II.3: the number counts from 01 on 1 January, numbers below 10
// with a leading zero, then "/", the type's abbreviation (BC = báo cáo, TTr = tờ trình, …),
// "-" and the issuing body's abbreviation. `number` ≥ 1, else std::invalid_argument.
std::string document_number(int number, std::string_view type, std::string_view symbol);
// The same with the number left blank for a preview: "     /BC-THCSVP1".
std::string blank_number(std::string_view type, std::string_view symbol);

// Upper case of Vietnamese text (the governing and issuing bodies are printed in capitals):
// "UBND xã Vĩnh Phong" → "UBND XÃ VĨNH PHONG". Text that is not UTF-8 is returned as it is.
std::string upper(std::string_view text);

}  // namespace thidua::docs
