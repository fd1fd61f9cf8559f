#pragma once
// Errors that reach a person. One place (the HTTP server) turns them into
// application/problem+json; the chat layer turns them into a one-line reply.
#include <stdexcept>
#include <string>

namespace thidua {

// A failure with an HTTP status, a stable machine code and a Vietnamese detail.
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, std::string detail)
      : std::runtime_error(code + ": " + detail),
        status_(status),
        code_(std::move(code)),
        detail_(std::move(detail)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& detail() const { return detail_; }

 private:
  int status_;
  std::string code_;
  std::string detail_;
};

inline ApiError bad_request(std::string code, std::string detail) {
  return ApiError(400, std::move(code), std::move(detail));
}
inline ApiError not_found(std::string code, std::string detail) {
  return ApiError(404, std::move(code), std::move(detail));
}
inline ApiError conflict(std::string code, std::string detail) {
  return ApiError(409, std::move(code), std::move(detail));
}
inline ApiError unprocessable(std::string code, std::string detail) {
  return ApiError(422, std::move(code), std::move(detail));
}

// Start-up configuration that cannot be used; the message names the variable.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace thidua
