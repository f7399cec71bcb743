// LineSource: reads an input line by line, with 1-based line numbers, from a plain file, a gzip (.gz) or
// zstd (.zst) file, or standard input (where gzip and zstd are recognised by their magic bytes). Lines come
// out as views into one reusable buffer that grows to fit the longest line, so reading costs no allocation
// per line. Decompression errors and truncated streams are reported as kUnreadableInput at the line being
// read, after every complete line before it has been delivered.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "storyline/common/result.hpp"

namespace storyline::detail {

enum class Compression : std::uint8_t {
  kNone,
  kGzip,
  kZstd,
  kDetect,  // look at the first bytes: gzip and zstd magic numbers, otherwise plain text
};

class ByteStream;  // a source of decompressed bytes, defined in line_source.cpp

class LineSource {
 public:
  // Opens `path` ("-" is standard input, which is never closed). `display_name` is what errors show as
  // the file. Errors: kUnreadableInput with the system's reason, line 0.
  [[nodiscard]] static Result<LineSource> open(const std::string& path, std::string display_name,
                                               Compression compression);

  LineSource(LineSource&& other) noexcept;
  LineSource& operator=(LineSource&& other) noexcept;
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;
  ~LineSource();

  // Sets `line` to the next line without its terminator ("\n", or "\r\n" whose "\r" is dropped) and
  // returns true; returns false at the end of the input. A UTF-8 byte order mark opening the input is
  // dropped. `line` stays valid until the next call. Errors: kUnreadableInput with `file` and `line` set
  // (the number of the line that could not be completed); the source is finished after an error.
  [[nodiscard]] Result<bool> next(std::string_view& line);

  // Lines longer than `max_bytes` (give or take a few bytes; the caller checks the exact length) are not
  // kept: next() reads past them without buffering them and returns an empty `line` for which
  // overlong_size() is set. This bounds the memory a single huge line can take.
  void set_max_line_bytes(std::size_t max_bytes) noexcept { m_max_line = max_bytes; }
  // The size in bytes of the line last returned by next() when it was too long to keep; 0 otherwise.
  [[nodiscard]] std::size_t overlong_size() const noexcept { return m_overlong_size; }

  // Number of the line last returned by next() (0 before the first).
  [[nodiscard]] std::size_t line_number() const noexcept { return m_line_number; }
  [[nodiscard]] const std::string& display_name() const noexcept { return m_display_name; }

 private:
  LineSource(std::unique_ptr<ByteStream> stream, std::string display_name, std::size_t buffer_size);

  std::unique_ptr<ByteStream> m_stream;
  std::string m_display_name;
  std::unique_ptr<char[]> m_buffer;  // not value-initialised: a directory of small files opens many sources
  std::size_t m_capacity = 0;
  std::size_t m_begin = 0;  // start of the first byte not yet returned as part of a line
  std::size_t m_scan = 0;   // bytes in [m_begin, m_scan) are known to hold no '\n'
  std::size_t m_end = 0;    // end of the valid bytes in m_buffer
  std::size_t m_line_number = 0;
  std::size_t m_max_line = static_cast<std::size_t>(-1);
  std::size_t m_discarded = 0;      // bytes of the current line dropped for being over m_max_line
  std::size_t m_overlong_size = 0;  // see overlong_size()
  bool m_discarding = false;        // the current line is over m_max_line: its bytes are dropped
  bool m_eof = false;
  bool m_failed = false;
};

}  // namespace storyline::detail
