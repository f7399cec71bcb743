// A thin RAII layer over SQLite's C API: a connection and prepared statements that finalise themselves,
// with every SQLite failure turned into a storyline Error that names the database file. Private to the
// store module; nothing outside src/store/ sees SQLite.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "storyline/common/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace storyline::detail {

class SqliteStatement;

class SqliteDatabase {
 public:
  // Opens `path` read-write (creating it when `create`) or read-only. Errors: kUnreadableInput when the
  // file cannot be opened.
  [[nodiscard]] static Result<SqliteDatabase> open(const std::string& path, bool read_only, bool create);

  SqliteDatabase(SqliteDatabase&& other) noexcept;
  SqliteDatabase& operator=(SqliteDatabase&& other) noexcept;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;
  ~SqliteDatabase();

  // Runs one or more statements that return no rows. Errors: kIoError with SQLite's message.
  [[nodiscard]] Status exec(const char* sql);
  // Errors: kIoError (kInternal would hide a store that is not ours behind "a bug").
  [[nodiscard]] Result<SqliteStatement> prepare(std::string_view sql);
  // The single integer a query such as "PRAGMA user_version" returns.
  [[nodiscard]] Result<std::int64_t> query_int(const char* sql);

  // An Error carrying SQLite's latest message for this connection, prefixed by what was being done.
  [[nodiscard]] Error error(std::string_view doing) const;
  [[nodiscard]] const std::string& path() const noexcept { return m_path; }
  [[nodiscard]] sqlite3* handle() const noexcept { return m_db; }

 private:
  SqliteDatabase(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
  sqlite3* m_db = nullptr;
  std::string m_path;
};

// A prepared statement, reset and reused for each row it writes or reads. Columns and parameters are
// 0-based for columns and 1-based for parameters, as in SQLite.
class SqliteStatement {
 public:
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  void bind(int index, std::int64_t value);
  void bind(int index, std::string_view text);  // the text is copied: the caller's buffer may go
  void bind_null(int index);
  // An empty string is stored as NULL: optional article fields are absent, not blank, in the store.
  void bind_optional(int index, std::string_view text);
  void bind_optional(int index, std::optional<std::int64_t> value);

  // Advances to the next row: true when there is one, false when done. Errors: kIoError.
  [[nodiscard]] Result<bool> step();
  // Runs a statement that returns no rows, then resets it for reuse.
  [[nodiscard]] Status run();
  void reset();

  [[nodiscard]] bool is_null(int column) const;
  [[nodiscard]] std::int64_t column_int(int column) const;
  [[nodiscard]] double column_double(int column) const;
  [[nodiscard]] std::string column_text(int column) const;  // "" for NULL

 private:
  friend class SqliteDatabase;
  SqliteStatement(sqlite3_stmt* statement, std::string path)
      : m_statement(statement), m_path(std::move(path)) {}
  sqlite3_stmt* m_statement = nullptr;
  std::string m_path;  // for messages; a copy, so that statements survive their database object moving
};

}  // namespace storyline::detail
