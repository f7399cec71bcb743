// The one error type of the library: a closed set of codes plus the context a user needs to fix the
// problem (which file, which line, what was wrong). Library calls never throw across the public API and
// never exit; front ends translate an Error into a message and an exit code in one place each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace storyline {

enum class ErrorCode : std::uint8_t {
  kInvalidArgument,    // the caller passed something unusable (bad option value, empty input list)
  kUnreadableInput,    // a file or directory could not be opened or read
  kInvalidUtf8,        // bytes that are not well-formed UTF-8
  kMalformedJson,      // a JSON Lines record that does not parse as a JSON object
  kMissingField,       // a required field (`id`, `text`) is absent or empty
  kInvalidField,       // a field is present but has the wrong type or an unusable value
  kTooLarge,           // a record or line over a configured size limit (never truncated: skipped whole)
  kRepeatedId,         // an article whose id an earlier article of the same run already had
  kUnsupportedFormat,  // an input whose format storyline does not read
  kIoError,            // writing or flushing output failed
  kInternal,           // a bug or a failure inside a dependency (ICU, libstemmer, ...)
};

// Stable, human-readable name of a code, used in messages and in run summaries ("invalid UTF-8").
[[nodiscard]] std::string_view error_code_name(ErrorCode code) noexcept;

struct Error {
  Error() = default;
  Error(ErrorCode error_code, std::string error_reason, std::string error_file = {}, std::size_t error_line = 0)
      : code(error_code), reason(std::move(error_reason)), file(std::move(error_file)), line(error_line) {}

  ErrorCode code = ErrorCode::kInternal;
  std::string reason;  // what went wrong and, where it helps, what to do about it
  std::string file;    // input the error is about; empty when not about a file
  std::size_t line = 0;  // 1-based line in `file`; 0 when not about a line

  // "file:line: reason", "file: reason" or "reason", in the style of compilers and grep.
  [[nodiscard]] std::string message() const;
};

}  // namespace storyline
