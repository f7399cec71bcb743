#include "ingest/line_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <limits>
#include <system_error>
#include <utility>

namespace storyline::detail {

class ByteStream {
 public:
  ByteStream() = default;
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;
  ByteStream(ByteStream&&) = delete;
  ByteStream& operator=(ByteStream&&) = delete;
  virtual ~ByteStream() = default;

  // Writes up to `capacity` (> 0) bytes to `out` and returns how many; 0 only at the end of the data.
  // Errors carry code and reason; LineSource adds the file and the line.
  [[nodiscard]] virtual Result<std::size_t> read(char* out, std::size_t capacity) = 0;
};

namespace {

// Big reads keep system calls and decoder calls rare on multi-gigabyte crawls; the line buffer still
// doubles whenever one line does not fit.
constexpr std::size_t kLineBufferInitialSize = std::size_t{1} << 20;
constexpr std::size_t kLineBufferMinimumSize = std::size_t{1} << 12;
constexpr std::size_t kCompressedChunkSize = std::size_t{1} << 18;

constexpr std::array<unsigned char, 2> kGzipMagic = {0x1f, 0x8b};
constexpr std::array<unsigned char, 4> kZstdMagic = {0x28, 0xb5, 0x2f, 0xfd};

// Unlike std::strerror, the generic category's message is safe to call from several threads.
std::string system_reason(int error_number) { return std::generic_category().message(error_number); }

Error unreadable(std::string reason) { return Error{ErrorCode::kUnreadableInput, std::move(reason), {}, 0}; }

// Raw bytes from a file descriptor. Bytes looked at by peek() are served again by read(), so that format
// detection on a pipe loses nothing.
class FdStream final : public ByteStream {
 public:
  FdStream(int fd, bool owns_fd) : m_fd(fd), m_owns_fd(owns_fd) {
    if (m_owns_fd) {
      // A hint only: crawls are read once, front to back.
      static_cast<void>(::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL));
    }
  }
  FdStream(const FdStream&) = delete;
  FdStream& operator=(const FdStream&) = delete;
  FdStream(FdStream&&) = delete;
  FdStream& operator=(FdStream&&) = delete;
  ~FdStream() override {
    if (m_owns_fd) {
      ::close(m_fd);
    }
  }

  Result<std::size_t> read(char* out, std::size_t capacity) override {
    if (m_prefix_pos < m_prefix.size()) {
      const std::size_t n = std::min(capacity, m_prefix.size() - m_prefix_pos);
      std::memcpy(out, m_prefix.data() + m_prefix_pos, n);
      m_prefix_pos += n;
      return n;
    }
    return read_fd(out, capacity);
  }

  // The first `count` bytes of the stream (fewer if it is shorter), without consuming them.
  Result<std::string_view> peek(std::size_t count) {
    while (m_prefix.size() < count) {
      std::array<char, 16> chunk{};
      auto n = read_fd(chunk.data(), std::min(chunk.size(), count - m_prefix.size()));
      if (!n) {
        return std::move(n).error();
      }
      if (*n == 0) {
        break;
      }
      m_prefix.append(chunk.data(), *n);
    }
    return std::string_view(m_prefix).substr(0, count);
  }

 private:
  Result<std::size_t> read_fd(char* out, std::size_t capacity) {
    // A single read() may not exceed SSIZE_MAX; larger requests simply come back short.
    capacity = std::min(capacity, static_cast<std::size_t>(std::numeric_limits<ssize_t>::max()));
    for (;;) {
      const ssize_t n = ::read(m_fd, out, capacity);
      if (n >= 0) {
        return static_cast<std::size_t>(n);
      }
      if (errno != EINTR) {
        return unreadable("cannot read: " + system_reason(errno));
      }
    }
  }

  int m_fd;
  bool m_owns_fd;
  std::string m_prefix;
  std::size_t m_prefix_pos = 0;
};

// gzip via zlib. Concatenated members (as written by `cat a.gz b.gz`, pigz or bgzip) are read as one
// stream, like gzip -d does.
class GzipStream final : public ByteStream {
 public:
  static Result<std::unique_ptr<ByteStream>> create(std::unique_ptr<ByteStream> input) {
    // The z_stream is referred to by zlib's internal state, so it must not move: build in place.
    std::unique_ptr<GzipStream> stream(new GzipStream(std::move(input)));
    // 15 + 32: the largest window, and accept both gzip and zlib headers.
    if (inflateInit2(&stream->m_zs, 15 + 32) != Z_OK) {
      return Error{ErrorCode::kInternal, "cannot initialise zlib", {}, 0};
    }
    stream->m_initialised = true;
    return std::unique_ptr<ByteStream>(std::move(stream));
  }

  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;
  GzipStream(GzipStream&&) = delete;
  GzipStream& operator=(GzipStream&&) = delete;
  ~GzipStream() override {
    if (m_initialised) {
      inflateEnd(&m_zs);
    }
  }

  Result<std::size_t> read(char* out, std::size_t capacity) override {
    const auto out_size = static_cast<uInt>(std::min<std::size_t>(capacity, std::numeric_limits<uInt>::max()));
    m_zs.next_out = reinterpret_cast<Bytef*>(out);
    m_zs.avail_out = out_size;
    while (m_zs.avail_out == out_size) {
      if (m_zs.avail_in == 0 && !m_input_eof) {
        if (auto filled = fill(); !filled) {
          return std::move(filled).error();
        }
      }
      if (m_member_done) {
        if (m_zs.avail_in == 0) {
          break;  // `fill` found the end of the file: a clean end after a whole member
        }
        inflateReset(&m_zs);
        m_member_done = false;
      }
      if (m_zs.avail_in == 0 && !m_any_input) {
        break;  // an empty file holds no lines rather than a broken stream
      }
      const int rc = inflate(&m_zs, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        m_member_done = true;
      } else if (rc == Z_BUF_ERROR && m_zs.avail_in == 0) {
        // No progress was possible without more input; at the end of the file there is none.
        if (m_input_eof) {
          return unreadable("truncated gzip data: the file ends in the middle of a compressed stream");
        }
      } else if (rc != Z_OK) {
        return unreadable(std::string("corrupt gzip data: ") + (m_zs.msg != nullptr ? m_zs.msg : "unknown error"));
      }
    }
    return static_cast<std::size_t>(out_size - m_zs.avail_out);
  }

 private:
  explicit GzipStream(std::unique_ptr<ByteStream> input)
      : m_input(std::move(input)), m_chunk(std::make_unique_for_overwrite<char[]>(kCompressedChunkSize)) {}

  Status fill() {
    auto n = m_input->read(m_chunk.get(), kCompressedChunkSize);
    if (!n) {
      return std::move(n).error();
    }
    if (*n == 0) {
      m_input_eof = true;
      return {};
    }
    m_any_input = true;
    m_zs.next_in = reinterpret_cast<Bytef*>(m_chunk.get());
    m_zs.avail_in = static_cast<uInt>(*n);
    return {};
  }

  std::unique_ptr<ByteStream> m_input;
  std::unique_ptr<char[]> m_chunk;
  z_stream m_zs{};
  bool m_initialised = false;
  bool m_input_eof = false;
  bool m_any_input = false;
  bool m_member_done = false;
};

// zstd through its streaming API; a sequence of frames (as written by `zstd -c a b`) is one stream.
class ZstdStream final : public ByteStream {
 public:
  static Result<std::unique_ptr<ByteStream>> create(std::unique_ptr<ByteStream> input) {
    std::unique_ptr<ZstdStream> stream(new ZstdStream(std::move(input)));
    if (stream->m_context == nullptr) {
      return Error{ErrorCode::kInternal, "cannot initialise zstd", {}, 0};
    }
    return std::unique_ptr<ByteStream>(std::move(stream));
  }

  ZstdStream(const ZstdStream&) = delete;
  ZstdStream& operator=(const ZstdStream&) = delete;
  ZstdStream(ZstdStream&&) = delete;
  ZstdStream& operator=(ZstdStream&&) = delete;
  ~ZstdStream() override { ZSTD_freeDCtx(m_context); }  // accepts nullptr

  Result<std::size_t> read(char* out, std::size_t capacity) override {
    ZSTD_outBuffer output{out, capacity, 0};
    while (output.pos == 0) {
      if (m_in.pos == m_in.size && !m_input_eof) {
        auto n = m_input->read(m_chunk.get(), kCompressedChunkSize);
        if (!n) {
          return std::move(n).error();
        }
        m_input_eof = *n == 0;
        m_in = ZSTD_inBuffer{m_chunk.get(), *n, 0};
      }
      if (m_in.pos == m_in.size && m_input_eof && !m_frame_open) {
        break;  // the end, between frames
      }
      const std::size_t before = m_in.pos;
      const std::size_t rc = ZSTD_decompressStream(m_context, &output, &m_in);
      if (ZSTD_isError(rc) != 0U) {
        return unreadable(std::string("corrupt zstd data: ") + ZSTD_getErrorName(rc));
      }
      // rc == 0: a frame is complete and all of its output flushed.
      m_frame_open = rc != 0;
      if (m_input_eof && m_in.pos == before && output.pos == 0) {
        if (m_frame_open) {
          return unreadable("truncated zstd data: the file ends in the middle of a compressed frame");
        }
        break;
      }
    }
    return output.pos;
  }

 private:
  explicit ZstdStream(std::unique_ptr<ByteStream> input)
      : m_input(std::move(input)),
        m_context(ZSTD_createDCtx()),
        m_chunk(std::make_unique_for_overwrite<char[]>(kCompressedChunkSize)) {}

  std::unique_ptr<ByteStream> m_input;
  ZSTD_DCtx* m_context;
  std::unique_ptr<char[]> m_chunk;
  ZSTD_inBuffer m_in{nullptr, 0, 0};
  bool m_input_eof = false;
  bool m_frame_open = false;
};

bool starts_with_bytes(std::string_view data, const auto& magic) {
  return data.size() >= magic.size() &&
         std::equal(magic.begin(), magic.end(), data.begin(),
                    [](unsigned char m, char c) { return m == static_cast<unsigned char>(c); });
}

}  // namespace

LineSource::LineSource(std::unique_ptr<ByteStream> stream, std::string display_name, std::size_t buffer_size)
    : m_stream(std::move(stream)),
      m_display_name(std::move(display_name)),
      m_buffer(std::make_unique_for_overwrite<char[]>(buffer_size)),
      m_capacity(buffer_size) {}

LineSource::LineSource(LineSource&& other) noexcept = default;
LineSource& LineSource::operator=(LineSource&& other) noexcept = default;
LineSource::~LineSource() = default;

Result<LineSource> LineSource::open(const std::string& path, std::string display_name, Compression compression) {
  const bool is_stdin = path == "-";
  int fd = STDIN_FILENO;
  if (!is_stdin) {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return Error{ErrorCode::kUnreadableInput, "cannot open: " + system_reason(errno), std::move(display_name), 0};
    }
  }
  auto raw = std::make_unique<FdStream>(fd, !is_stdin);

  // A small plain file gets a buffer its size (plus room to see the end), not a megabyte.
  std::size_t buffer_size = kLineBufferInitialSize;
  struct stat info {};
  if (compression == Compression::kNone && ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
    buffer_size = std::clamp(static_cast<std::size_t>(info.st_size) + 1, kLineBufferMinimumSize, kLineBufferInitialSize);
  }

  if (compression == Compression::kDetect) {
    auto head = raw->peek(kZstdMagic.size());
    if (!head) {
      Error error = std::move(head).error();
      error.file = std::move(display_name);
      return error;
    }
    compression = starts_with_bytes(*head, kGzipMagic)   ? Compression::kGzip
                  : starts_with_bytes(*head, kZstdMagic) ? Compression::kZstd
                                                         : Compression::kNone;
  }

  Result<std::unique_ptr<ByteStream>> stream = std::unique_ptr<ByteStream>(std::move(raw));
  if (compression == Compression::kGzip) {
    stream = GzipStream::create(std::move(*stream));
  } else if (compression == Compression::kZstd) {
    stream = ZstdStream::create(std::move(*stream));
  }
  if (!stream) {
    Error error = std::move(stream).error();
    error.file = std::move(display_name);
    return error;
  }
  return LineSource(std::move(*stream), std::move(display_name), buffer_size);
}

Result<bool> LineSource::next(std::string_view& line) {
  if (m_failed) {
    return false;
  }
  m_overlong_size = 0;
  for (;;) {
    if (m_scan < m_end) {
      const char* base = m_buffer.get();
      const void* newline = std::memchr(base + m_scan, '\n', m_end - m_scan);
      if (newline != nullptr) {
        const auto stop = static_cast<std::size_t>(static_cast<const char*>(newline) - base);
        line = std::string_view(base + m_begin, stop - m_begin);
        m_begin = m_scan = stop + 1;
        break;
      }
      m_scan = m_end;
    }
    if (m_eof) {
      if (m_begin == m_end && !m_discarding) {
        return false;
      }
      line = std::string_view(m_buffer.get() + m_begin, m_end - m_begin);  // a last line without '\n'
      m_begin = m_scan = m_end;
      break;
    }
    // A line already over the limit is dropped as it arrives rather than grown into memory. The slack
    // of 4 bytes covers a "\r" and a byte order mark, which the exact check after stripping ignores.
    constexpr std::size_t kSlack = 4;
    const std::size_t keep = m_max_line > std::numeric_limits<std::size_t>::max() - kSlack ? m_max_line
                                                                                           : m_max_line + kSlack;
    if (m_end - m_begin > keep) {
      m_discarded += m_end - m_begin;
      m_discarding = true;
      m_begin = m_scan = m_end;
    }
    // Keep only the unfinished line, at the front, and make room behind it.
    if (m_begin > 0) {
      std::memmove(m_buffer.get(), m_buffer.get() + m_begin, m_end - m_begin);
      m_end -= m_begin;
      m_scan -= m_begin;
      m_begin = 0;
    }
    if (m_end == m_capacity) {
      auto larger = std::make_unique_for_overwrite<char[]>(m_capacity * 2);
      std::memcpy(larger.get(), m_buffer.get(), m_end);
      m_buffer = std::move(larger);
      m_capacity *= 2;
    }
    auto n = m_stream->read(m_buffer.get() + m_end, m_capacity - m_end);
    if (!n) {
      m_failed = true;
      Error error = std::move(n).error();
      error.file = m_display_name;
      error.line = m_line_number + 1;
      return error;
    }
    m_end += *n;
    m_eof = *n == 0;
  }

  ++m_line_number;
  if (m_discarding) {
    m_overlong_size = m_discarded + line.size();
    m_discarded = 0;
    m_discarding = false;
    line = {};
    return true;
  }
  if (!line.empty() && line.back() == '\r') {
    line.remove_suffix(1);
  }
  if (m_line_number == 1 && line.starts_with("\xEF\xBB\xBF")) {
    line.remove_prefix(3);  // editors on Windows open UTF-8 files with a byte order mark
  }
  return true;
}

}  // namespace storyline::detail
