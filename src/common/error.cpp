#include "storyline/common/error.hpp"

namespace storyline {

std::string_view error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid argument";
    case ErrorCode::kUnreadableInput: return "unreadable input";
    case ErrorCode::kInvalidUtf8: return "invalid UTF-8";
    case ErrorCode::kMalformedJson: return "malformed JSON";
    case ErrorCode::kMissingField: return "missing field";
    case ErrorCode::kInvalidField: return "invalid field";
    case ErrorCode::kTooLarge: return "too large";
    case ErrorCode::kRepeatedId:
      return "repeated id";
    case ErrorCode::kUnsupportedFormat: return "unsupported format";
    case ErrorCode::kIoError: return "I/O error";
    case ErrorCode::kInternal: return "internal error";
  }
  return "unknown error";
}

std::string Error::message() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) {
      out += ':';
      out += std::to_string(line);
    }
    out += ": ";
  }
  out += reason;
  return out;
}

}  // namespace storyline
