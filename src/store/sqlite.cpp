#include "store/sqlite.hpp"

#include <sqlite3.h>

#include <utility>

namespace storyline::detail {
namespace {

Error sqlite_error(sqlite3* db, std::string_view doing, const std::string& path) {
  std::string reason(doing);
  reason += ": ";
  reason += db != nullptr ? sqlite3_errmsg(db) : "out of memory";
  // SQLite says "file is not a database" for any file it cannot read as one; say what storyline expected.
  if (db != nullptr && sqlite3_errcode(db) == SQLITE_NOTADB) {
    reason += " (expected a storyline store)";
    return Error{ErrorCode::kUnsupportedFormat, std::move(reason), path};
  }
  // A failed write is most often a full disk (SQLITE_FULL) or a file size limit (EFBIG, which SQLite
  // reports as an I/O error). Either way the transaction was rolled back and earlier ones are intact.
  const int primary = db != nullptr ? sqlite3_errcode(db) & 0xff : SQLITE_OK;  // without the extended part
  if (primary == SQLITE_FULL || primary == SQLITE_IOERR) {
    reason +=
        " (the disk may be full, or a file size limit reached; what was committed before is kept: free some "
        "space, then run the same command again to go on)";
  }
  return Error{ErrorCode::kIoError, std::move(reason), path};
}

}  // namespace

Result<SqliteDatabase> SqliteDatabase::open(const std::string& path, bool read_only, bool create) {
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (!read_only && create) flags |= SQLITE_OPEN_CREATE;
  // One connection per thread of use: SQLite's own mutexes would only add cost.
  flags |= SQLITE_OPEN_NOMUTEX;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Error error = sqlite_error(db, "cannot open the store", path);
    error.code = ErrorCode::kUnreadableInput;
    sqlite3_close(db);
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  return SqliteDatabase(db, path);
}

SqliteDatabase::SqliteDatabase(SqliteDatabase&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)) {}

SqliteDatabase& SqliteDatabase::operator=(SqliteDatabase&& other) noexcept {
  std::swap(m_db, other.m_db);
  std::swap(m_path, other.m_path);
  return *this;
}

// sqlite3_close_v2 defers the close until the last statement is finalised, so member order in the owner
// does not matter. An open transaction is rolled back, which is what an abandoned batch needs.
SqliteDatabase::~SqliteDatabase() { sqlite3_close_v2(m_db); }

Status SqliteDatabase::exec(const char* sql) {
  if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return error("SQL failed");
  return {};
}

Result<SqliteStatement> SqliteDatabase::prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &statement, nullptr) != SQLITE_OK) {
    return error("cannot prepare a query");
  }
  return SqliteStatement(statement, m_path);
}

Result<std::int64_t> SqliteDatabase::query_int(const char* sql) {
  auto statement = prepare(sql);
  if (!statement) return statement.error();
  auto row = statement->step();
  if (!row) return row.error();
  if (!*row) return Error{ErrorCode::kIoError, std::string("no result from: ") + sql, m_path};
  return statement->column_int(0);
}

Error SqliteDatabase::error(std::string_view doing) const { return sqlite_error(m_db, doing, m_path); }

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)), m_path(std::move(other.m_path)) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  std::swap(m_statement, other.m_statement);
  std::swap(m_path, other.m_path);
  return *this;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(m_statement); }

void SqliteStatement::bind(int index, std::int64_t value) { sqlite3_bind_int64(m_statement, index, value); }

void SqliteStatement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(m_statement, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void SqliteStatement::bind_null(int index) { sqlite3_bind_null(m_statement, index); }

void SqliteStatement::bind_optional(int index, std::string_view text) {
  if (text.empty()) {
    bind_null(index);
  } else {
    bind(index, text);
  }
}

void SqliteStatement::bind_optional(int index, std::optional<std::int64_t> value) {
  if (value) {
    bind(index, *value);
  } else {
    bind_null(index);
  }
}

Result<bool> SqliteStatement::step() {
  const int rc = sqlite3_step(m_statement);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error error = sqlite_error(sqlite3_db_handle(m_statement), "query failed", m_path);
  sqlite3_reset(m_statement);
  return error;
}

Status SqliteStatement::run() {
  auto row = step();
  reset();
  if (!row) return row.error();
  return {};
}

void SqliteStatement::reset() {
  sqlite3_reset(m_statement);
  sqlite3_clear_bindings(m_statement);
}

bool SqliteStatement::is_null(int column) const {
  return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::column_int(int column) const {
  return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::column_double(int column) const { return sqlite3_column_double(m_statement, column); }

std::string SqliteStatement::column_text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
  if (text == nullptr) return {};
  return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column)));
}

}  // namespace storyline::detail
