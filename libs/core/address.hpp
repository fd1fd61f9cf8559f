#pragma once
// How the bot addresses a colleague. In a Vietnamese school colleagues are "thầy" (a man) and
// "cô" (a woman), never "bạn"; "thầy cô" when the staff record does not say (issue 13).
#include <string>
#include <string_view>

namespace thidua {

// `gender` as the nominations catalogue keeps it: "male", "female", or "" / anything else
// when unknown. Lower case, for the middle of a sentence ("Kính gửi thầy Nguyễn Văn An").
std::string honorific(std::string_view gender);

}  // namespace thidua
