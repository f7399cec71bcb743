#include "storyline/store/store.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

#include "store/schema.hpp"
#include "store/sqlite.hpp"

namespace storyline {
namespace {

using detail::SqliteDatabase;
using detail::SqliteStatement;

// A second writer (another ingest, a server) waits this long for the first to commit its batch.
constexpr int kBusyTimeoutMs = 30000;

std::string format_utc(Timestamp time) {
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day date(day);
  const std::chrono::hh_mm_ss clock(time - day);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return text;
}

std::string now_utc() {
  return format_utc(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

// Unknown fields as one JSON object, so that sqlite3's json_extract can reach them. Each value is the
// input's own JSON text, kept verbatim.
std::string extra_json(const std::vector<ExtraField>& extra) {
  if (extra.empty()) return {};
  std::string out = "{";
  for (const ExtraField& field : extra) {
    if (out.size() > 1) out += ',';
    out += nlohmann::json(field.name).dump();
    out += ':';
    out += field.json;
  }
  out += '}';
  return out;
}

std::vector<ExtraField> parse_extra(const std::string& json) {
  std::vector<ExtraField> extra;
  if (json.empty()) return extra;
  const auto object = nlohmann::ordered_json::parse(json, nullptr, false);
  if (!object.is_object()) return extra;
  for (const auto& [name, value] : object.items()) extra.push_back(ExtraField{name, value.dump()});
  return extra;
}

// Earliest and latest of the group's dates; a NULL (undated article) never wins.
constexpr const char* kKeepFirst =
    "first_published_at = CASE WHEN excluded.first_published_at IS NOT NULL AND (first_published_at IS NULL "
    "OR "
    "excluded.first_published_at < first_published_at) THEN excluded.first_published_at ELSE "
    "first_published_at END, "
    "last_published_at = CASE WHEN excluded.last_published_at IS NOT NULL AND (last_published_at IS NULL OR "
    "excluded.last_published_at > last_published_at) THEN excluded.last_published_at ELSE last_published_at "
    "END";

}  // namespace

struct Store::Impl {
  SqliteDatabase db;
  std::optional<SqliteStatement> insert_article;
  std::optional<SqliteStatement> upsert_storyline;
  std::optional<SqliteStatement> upsert_story;
  std::optional<SqliteStatement> insert_assignment;
  std::optional<SqliteStatement> insert_search;
  std::optional<SqliteStatement> contains_id;
  std::optional<SqliteStatement> id_at;
  std::uint32_t next_position = 0;
  std::optional<std::int64_t> run;
  bool in_batch = false;
  // False only for a version 1 store opened read-only: it has no full-text index yet.
  bool has_search = true;

  explicit Impl(SqliteDatabase database) : db(std::move(database)) {}

  Result<std::uint32_t> stored_end() {
    auto end = db.query_int("SELECT coalesce(max(position) + 1, 0) FROM articles");
    if (!end) return end.error();
    return static_cast<std::uint32_t>(*end);
  }

  Status check_format(bool read_only) {
    auto application = db.query_int("PRAGMA application_id");
    if (!application) return application.error();
    auto version = db.query_int("PRAGMA user_version");
    if (!version) return version.error();
    if (*application == 0 && *version == 0) {
      auto tables = db.query_int("SELECT count(*) FROM sqlite_schema");
      if (!tables) return tables.error();
      if (*tables != 0 || read_only) {
        return Error{ErrorCode::kUnsupportedFormat,
                     read_only && *tables == 0 ? "an empty file, not a storyline store (ingest into it first)"
                                               : "a SQLite database, but not a storyline store",
                     db.path()};
      }
      return create_schema();
    }
    if (*application != kStoreApplicationId) {
      return Error{ErrorCode::kUnsupportedFormat, "a SQLite database, but not a storyline store", db.path()};
    }
    if (*version == detail::kSchemaVersionBeforeSearch) {
      // A read-only connection cannot add the index; everything but search still reads the same.
      if (read_only) {
        has_search = false;
        return {};
      }
      return add_search_index();
    }
    if (*version != kStoreSchemaVersion) {
      return Error{ErrorCode::kUnsupportedFormat,
                   "store schema version " + std::to_string(*version) +
                       ", but this storyline reads version " + std::to_string(kStoreSchemaVersion) +
                       (*version > kStoreSchemaVersion ? " (a newer storyline wrote it: upgrade storyline)"
                                                       : " (an unknown version)"),
                   db.path()};
    }
    return {};
  }

  Status create_schema() {
    // WAL lets readers (listings, a server) work while an ingest writes; it is a property of the file,
    // set once here, and cannot change inside a transaction.
    {
      auto mode = db.prepare("PRAGMA journal_mode = WAL");
      if (!mode) return mode.error();
      auto row = mode->step();
      if (!row) return row.error();
      if (!*row || mode->column_text(0) != "wal") {
        return Error{ErrorCode::kIoError,
                     "cannot switch the store to WAL mode (a file system without shared memory?)", db.path()};
      }
    }  // the statement must be finished before a transaction can begin
    if (auto status = db.exec("BEGIN IMMEDIATE"); !status) return status;
    // Another process may have created the schema while this one waited for the write lock.
    auto version = db.query_int("PRAGMA user_version");
    if (!version) return version.error();
    if (*version == 0) {
      const std::string pragmas = "PRAGMA application_id = " + std::to_string(kStoreApplicationId) +
                                  "; PRAGMA user_version = " + std::to_string(kStoreSchemaVersion) + ";";
      if (auto status = db.exec(detail::kStoreSchemaSql); !status) return rolled_back(status);
      if (auto status = db.exec(detail::kSearchSchemaSql); !status) return rolled_back(status);
      if (auto status = db.exec(pragmas.c_str()); !status) return rolled_back(status);
    }
    return db.exec("COMMIT");
  }

  // Version 1 to 2. One transaction, so that a store is either upgraded with a full index or left at
  // version 1 (a crash mid-way, or a read-only file, leaves it readable by both versions).
  Status add_search_index() {
    if (auto status = db.exec("BEGIN IMMEDIATE"); !status) return status;
    // Another process may have upgraded the store while this one waited for the write lock.
    auto version = db.query_int("PRAGMA user_version");
    if (!version) return rolled_back(version.error());
    if (*version == detail::kSchemaVersionBeforeSearch) {
      const std::string pragma = "PRAGMA user_version = " + std::to_string(kStoreSchemaVersion);
      if (auto status = db.exec(detail::kSearchSchemaSql); !status) return rolled_back(status);
      if (auto status = db.exec(detail::kRebuildSearchSql); !status) return rolled_back(status);
      if (auto status = db.exec(pragma.c_str()); !status) return rolled_back(status);
    }
    if (auto status = db.exec("COMMIT"); !status) return rolled_back(status);
    return {};
  }

  // For the schema transactions, which are not batches: the error is kept, the transaction dropped.
  Status rolled_back(const Status& status) {
    (void)db.exec("ROLLBACK");
    return status;
  }

  Status prepare_writes() {
    const std::string story_upsert =
        std::string(
            "INSERT INTO stories (story, storyline, first_article, first_published_at, last_published_at, "
            "article_count) VALUES (?1, ?2, ?3, ?4, ?4, 1) ON CONFLICT (story) DO UPDATE SET "
            "article_count = article_count + 1, ") +
        kKeepFirst;
    const std::string storyline_upsert =
        std::string(
            "INSERT INTO storylines (storyline, first_article, first_published_at, last_published_at, "
            "story_count, article_count) VALUES (?1, ?2, ?3, ?3, 1, 1) ON CONFLICT (storyline) DO UPDATE "
            "SET story_count = story_count + ?4, article_count = article_count + 1, ") +
        kKeepFirst;
    const std::pair<std::optional<SqliteStatement>*, std::string> statements[] = {
        {&insert_article,
         "INSERT INTO articles (position, id, title, text, url, source, published, published_at, lang, "
         "extra, run) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
        {&upsert_storyline, storyline_upsert},
        {&upsert_story, story_upsert},
        {&insert_assignment,
         "INSERT INTO assignments (position, story, storyline, duplicate_of) VALUES (?1, ?2, ?3, ?4)"},
        // An external content index is not updated by SQLite itself: each article's row is written here.
        {&insert_search, "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)"},
    };
    for (const auto& [slot, sql] : statements) {
      auto statement = db.prepare(sql);
      if (!statement) return statement.error();
      slot->emplace(std::move(statement).value());
    }
    return {};
  }

  Status rollback_on_error(Error error) {
    if (in_batch) {
      (void)db.exec("ROLLBACK");
      in_batch = false;
    }
    return error;
  }
};

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

namespace {

// A writer killed mid-batch leaves its write-ahead log for the next connection to recover, and recovery
// writes, which a read-only connection may not do ("attempt to write a readonly database"). When the
// file is writable, a read-write connection that reads the schema recovers it and changes nothing else.
void recover_for_readers(const std::string& path) {
  if (::access(path.c_str(), W_OK) != 0) return;
  auto db = SqliteDatabase::open(path, /*read_only=*/false, /*create=*/false);
  if (!db) return;
  sqlite3_busy_timeout(db->handle(), kBusyTimeoutMs);
  (void)db->exec("SELECT count(*) FROM sqlite_master");
}

}  // namespace

Result<Store> Store::open(const std::string& path, StoreMode mode) {
  auto store = open_once(path, mode);
  if (!store && mode == StoreMode::kReadOnly && std::filesystem::exists(path)) {
    recover_for_readers(path);
    store = open_once(path, mode);
  }
  return store;
}

Result<Store> Store::open_once(const std::string& path, StoreMode mode) {
  const bool read_only = mode == StoreMode::kReadOnly;
  auto db = SqliteDatabase::open(path, read_only, !read_only);
  if (!db) return db.error();
  sqlite3_busy_timeout(db->handle(), kBusyTimeoutMs);
  auto impl = std::make_unique<Impl>(std::move(db).value());
  if (auto status = impl->check_format(read_only); !status) return status.error();
  if (!read_only) {
    // FULL: a committed batch survives a power failure too, at one fsync per batch.
    if (auto status = impl->db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL"); !status) {
      return status.error();
    }
    if (auto status = impl->prepare_writes(); !status) return status.error();
  }
  auto contains = impl->db.prepare("SELECT 1 FROM articles WHERE id = ?1");
  if (!contains) return contains.error();
  impl->contains_id.emplace(std::move(contains).value());
  auto id_at = impl->db.prepare("SELECT id FROM articles WHERE position = ?1");
  if (!id_at) return id_at.error();
  impl->id_at.emplace(std::move(id_at).value());
  auto end = impl->stored_end();
  if (!end) return end.error();
  impl->next_position = *end;
  return Store(std::move(impl));
}

const std::string& Store::path() const noexcept { return m_impl->db.path(); }

Result<std::uint64_t> Store::article_count() {
  auto end = m_impl->stored_end();
  if (!end) return end.error();
  return std::uint64_t{*end};
}

Result<bool> Store::contains(std::string_view id) {
  SqliteStatement& statement = *m_impl->contains_id;
  statement.bind(1, id);
  auto row = statement.step();
  statement.reset();
  return row;
}

namespace {

constexpr const char* kArticleColumns =
    "SELECT a.position, a.id, a.title, a.text, a.url, a.source, a.published, a.lang, a.extra, s.story, "
    "s.storyline, "
    "s.duplicate_of FROM articles a JOIN assignments s ON s.position = a.position";

StoredArticle read_article_row(const SqliteStatement& row) {
  StoredArticle stored;
  stored.position = static_cast<std::uint32_t>(row.column_int(0));
  Article& article = stored.article;
  article.id = row.column_text(1);
  article.title = row.column_text(2);
  article.text = row.column_text(3);
  article.url = row.column_text(4);
  article.source = row.column_text(5);
  article.published = row.column_text(6);
  // Parsed again from the text as given, exactly as the reader did, so replay sees the same time.
  if (!article.published.empty()) article.published_at = parse_iso8601(article.published);
  article.lang = row.column_text(7);
  article.extra = parse_extra(row.column_text(8));
  stored.assignment.story = static_cast<std::uint32_t>(row.column_int(9));
  stored.assignment.storyline = static_cast<std::uint32_t>(row.column_int(10));
  if (!row.is_null(11)) stored.assignment.duplicate_of = static_cast<std::uint32_t>(row.column_int(11));
  return stored;
}

}  // namespace

Status Store::for_each_article(const std::function<Status(const StoredArticle&)>& visit) {
  auto query = m_impl->db.prepare(std::string(kArticleColumns) + " ORDER BY a.position");
  if (!query) return query.error();
  std::uint32_t expected = 0;
  for (;;) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) break;
    const StoredArticle stored = read_article_row(*query);
    if (stored.position != expected) {
      return Error{ErrorCode::kUnsupportedFormat,
                   "stream position " + std::to_string(expected) +
                       " is missing (an article without an assignment, "
                       "or an edited store)",
                   m_impl->db.path()};
    }
    ++expected;
    if (auto status = visit(stored); !status) return status;
  }
  return {};
}

namespace {

Status visit_rows(SqliteStatement& query, const std::function<Status(const StoredArticle&)>& visit) {
  for (;;) {
    auto row = query.step();
    if (!row) return row.error();
    if (!*row) return {};
    if (auto status = visit(read_article_row(query)); !status) return status;
  }
}

}  // namespace

Status Store::for_each_story_article(std::uint32_t story,
                                     const std::function<Status(const StoredArticle&)>& visit) {
  auto query = m_impl->db.prepare(std::string(kArticleColumns) + " WHERE s.story = ?1 ORDER BY a.position");
  if (!query) return query.error();
  query->bind(1, std::int64_t{story});
  return visit_rows(*query, visit);
}

Status Store::for_each_storyline_article(std::uint32_t storyline,
                                         const std::function<Status(const StoredArticle&)>& visit) {
  auto query =
      m_impl->db.prepare(std::string(kArticleColumns) + " WHERE s.storyline = ?1 ORDER BY a.position");
  if (!query) return query.error();
  query->bind(1, std::int64_t{storyline});
  return visit_rows(*query, visit);
}

Result<std::string> Store::article_id(std::uint32_t position) {
  SqliteStatement& statement = *m_impl->id_at;
  statement.bind(1, std::int64_t{position});
  auto row = statement.step();
  std::string id = row && *row ? statement.column_text(0) : std::string();
  statement.reset();
  if (!row) return row.error();
  if (!*row)
    return Error{ErrorCode::kInvalidArgument, "no article at position " + std::to_string(position), path()};
  return id;
}

Result<std::optional<StoredArticle>> Store::find_article(std::string_view id) {
  auto query = m_impl->db.prepare(std::string(kArticleColumns) + " WHERE a.id = ?1");
  if (!query) return query.error();
  query->bind(1, id);
  auto row = query->step();
  if (!row) return row.error();
  if (!*row) return std::optional<StoredArticle>();
  return std::optional<StoredArticle>(read_article_row(*query));
}

namespace {

// As kArticleColumns, with the text left out (a hit list shows titles) and the score last. bm25() counts
// a title word twice a text word: a headline says what an article is about.
constexpr const char* kSearchSql =
    "SELECT a.position, a.id, a.title, '', a.url, a.source, a.published, a.lang, a.extra, s.story, "
    "s.storyline, s.duplicate_of, -bm25(articles_fts, 2.0, 1.0) FROM articles_fts "
    "JOIN articles a ON a.position = articles_fts.rowid JOIN assignments s ON s.position = a.position "
    "WHERE articles_fts MATCH ?1 ORDER BY bm25(articles_fts, 2.0, 1.0), a.position LIMIT ?2";
constexpr int kScoreColumn = 12;

// Control characters separate words too, so that none (NUL included) reaches the FTS5 parser inside a
// string.
bool separates_words(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= 0x20 || byte == 0x7F;
}

// The user's words as an FTS5 query: each becomes an FTS5 string ("...", a quote doubled), which the
// parser never reads as an operator, a column filter, a prefix `*` or a bracket; FTS5 then joins the
// strings with an implicit AND. A string in which the tokenizer finds no word (only punctuation) adds
// nothing, so a query of punctuation alone matches no article. Empty when the query has no words.
std::string fts_query(std::string_view query) {
  std::string out;
  std::size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && separates_words(query[i])) ++i;
    if (i == query.size()) break;
    if (!out.empty()) out += ' ';
    out += '"';
    for (; i < query.size() && !separates_words(query[i]); ++i) {
      if (query[i] == '"') out += '"';
      out += query[i];
    }
    out += '"';
  }
  return out;
}

}  // namespace

Result<std::vector<SearchHit>> Store::search(std::string_view query, std::size_t limit) {
  const std::string match = fts_query(query);
  if (match.empty()) {
    return Error{ErrorCode::kInvalidArgument, "the search query is empty: give one or more words to look for"};
  }
  if (!m_impl->has_search) {
    return Error{ErrorCode::kUnsupportedFormat,
                 "this store predates search (schema version 1) and has no full-text index yet; open it "
                 "once for writing to add one: 'storyline ingest --db PATH' (with any input, even an "
                 "empty file) or 'storyline serve --db PATH'",
                 path()};
  }
  std::vector<SearchHit> hits;
  if (limit == 0) return hits;
  auto statement = m_impl->db.prepare(kSearchSql);
  if (!statement) return statement.error();
  statement->bind(1, match);
  constexpr auto kMaxLimit = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
  statement->bind(2, static_cast<std::int64_t>(std::min(limit, kMaxLimit)));
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    hits.push_back(SearchHit{read_article_row(*statement), statement->column_double(kScoreColumn)});
  }
  return hits;
}

Result<std::int64_t> Store::start_run() {
  auto insert = m_impl->db.prepare("INSERT INTO ingest_runs (started_at) VALUES (?1)");
  if (!insert) return insert.error();
  insert->bind(1, now_utc());
  if (auto status = insert->run(); !status) return status.error();
  m_impl->run = sqlite3_last_insert_rowid(m_impl->db.handle());
  return *m_impl->run;
}

Status Store::record_run(std::int64_t run, const IngestRunCounts& counts, bool finished) {
  auto update = m_impl->db.prepare(
      "UPDATE ingest_runs SET articles_read = ?1, articles_added = ?2, already_present = ?3, records_skipped "
      "= ?4, "
      "finished_at = coalesce(?5, finished_at) WHERE run = ?6");
  if (!update) return update.error();
  update->bind(1, static_cast<std::int64_t>(counts.read));
  update->bind(2, static_cast<std::int64_t>(counts.added));
  update->bind(3, static_cast<std::int64_t>(counts.already_present));
  update->bind(4, static_cast<std::int64_t>(counts.skipped));
  if (finished) {
    update->bind(5, now_utc());
  } else {
    update->bind_null(5);
  }
  update->bind(6, run);
  return update->run();
}

Status Store::begin_batch() {
  if (m_impl->in_batch)
    return Error{ErrorCode::kInvalidArgument, "a batch is already open", m_impl->db.path()};
  if (!m_impl->insert_article)
    return Error{ErrorCode::kInvalidArgument, "the store is open read-only", m_impl->db.path()};
  // IMMEDIATE takes the write lock now, so that a second writer waits here rather than failing at commit.
  if (auto status = m_impl->db.exec("BEGIN IMMEDIATE"); !status) return status;
  m_impl->in_batch = true;
  // Positions must stay 0, 1, 2, ... in the order the clusterer saw the articles; a second ingest writing
  // to the same store in between would break that.
  auto end = m_impl->stored_end();
  if (!end) return m_impl->rollback_on_error(end.error());
  if (*end != m_impl->next_position) {
    return m_impl->rollback_on_error(
        Error{ErrorCode::kInvalidArgument,
              "another process added articles to the store during this ingest; run "
              "one ingest at a time per store",
              m_impl->db.path()});
  }
  return {};
}

Result<std::uint32_t> Store::add(const Article& article, const StoredAssignment& assignment,
                                 bool opened_story) {
  Impl& impl = *m_impl;
  if (!impl.in_batch) return Error{ErrorCode::kInvalidArgument, "add outside a batch", impl.db.path()};
  const std::uint32_t position = impl.next_position;
  const std::string published_at = article.published_at ? format_utc(*article.published_at) : std::string();

  SqliteStatement& insert = *impl.insert_article;
  insert.bind(1, std::int64_t{position});
  insert.bind(2, article.id);
  insert.bind_optional(3, article.title);
  insert.bind(4, article.text);
  insert.bind_optional(5, article.url);
  insert.bind_optional(6, article.source);
  insert.bind_optional(7, article.published);
  insert.bind_optional(8, published_at);
  insert.bind_optional(9, article.lang);
  insert.bind_optional(10, extra_json(article.extra));
  insert.bind_optional(11, impl.run);
  if (auto status = insert.run(); !status) {
    if (sqlite3_extended_errcode(impl.db.handle()) == SQLITE_CONSTRAINT_UNIQUE) {
      return Error{ErrorCode::kInvalidArgument, "article id '" + article.id + "' is already stored",
                   impl.db.path()};
    }
    return status.error();
  }

  SqliteStatement& search = *impl.insert_search;
  search.bind(1, std::int64_t{position});
  search.bind_optional(2, article.title);
  search.bind(3, article.text);
  if (auto status = search.run(); !status) return status.error();

  SqliteStatement& storyline = *impl.upsert_storyline;
  storyline.bind(1, std::int64_t{assignment.storyline});
  storyline.bind(2, std::int64_t{position});
  storyline.bind_optional(3, published_at);
  storyline.bind(4, std::int64_t{opened_story ? 1 : 0});
  if (auto status = storyline.run(); !status) return status.error();

  SqliteStatement& story = *impl.upsert_story;
  story.bind(1, std::int64_t{assignment.story});
  story.bind(2, std::int64_t{assignment.storyline});
  story.bind(3, std::int64_t{position});
  story.bind_optional(4, published_at);
  if (auto status = story.run(); !status) return status.error();

  SqliteStatement& assign = *impl.insert_assignment;
  assign.bind(1, std::int64_t{position});
  assign.bind(2, std::int64_t{assignment.story});
  assign.bind(3, std::int64_t{assignment.storyline});
  if (assignment.duplicate_of) {
    assign.bind(4, std::int64_t{*assignment.duplicate_of});
  } else {
    assign.bind_null(4);
  }
  if (auto status = assign.run(); !status) return status.error();
  ++impl.next_position;
  return position;
}

Status Store::commit_batch() {
  if (!m_impl->in_batch) return {};
  if (auto status = m_impl->db.exec("COMMIT"); !status) {
    // The position counter ran ahead of what is now rolled back.
    auto end = m_impl->stored_end();
    if (end) m_impl->next_position = *end;
    return m_impl->rollback_on_error(status.error());
  }
  m_impl->in_batch = false;
  return {};
}

void Store::rollback_batch() {
  if (!m_impl->in_batch) return;
  (void)m_impl->db.exec("ROLLBACK");
  m_impl->in_batch = false;
  if (auto end = m_impl->stored_end()) m_impl->next_position = *end;
}

bool Store::in_batch() const noexcept { return m_impl->in_batch; }

namespace {

constexpr const char* kStoryColumns =
    "SELECT s.story, s.storyline, s.article_count, s.first_published_at, s.last_published_at, a.id, a.title "
    "FROM stories s JOIN articles a ON a.position = s.first_article";
constexpr const char* kStorylineColumns =
    "SELECT l.storyline, l.story_count, l.article_count, l.first_published_at, l.last_published_at, a.id, "
    "a.title FROM storylines l JOIN articles a ON a.position = l.first_article";

StoryRecord read_story_row(const SqliteStatement& row) {
  return StoryRecord{static_cast<std::uint32_t>(row.column_int(0)), static_cast<std::uint32_t>(row.column_int(1)),
                     static_cast<std::uint64_t>(row.column_int(2)), row.column_text(3), row.column_text(4),
                     row.column_text(5), row.column_text(6)};
}

StorylineRecord read_storyline_row(const SqliteStatement& row) {
  return StorylineRecord{static_cast<std::uint32_t>(row.column_int(0)),
                         static_cast<std::uint64_t>(row.column_int(1)),
                         static_cast<std::uint64_t>(row.column_int(2)),
                         row.column_text(3),
                         row.column_text(4),
                         row.column_text(5),
                         row.column_text(6)};
}

template <typename Record>
Result<std::vector<Record>> read_all(Result<SqliteStatement> query, Record (*read)(const SqliteStatement&)) {
  if (!query) return query.error();
  std::vector<Record> records;
  for (;;) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) break;
    records.push_back(read(*query));
  }
  return records;
}

template <typename Record>
Result<std::optional<Record>> read_one(Result<SqliteStatement> query, std::uint32_t number,
                                       Record (*read)(const SqliteStatement&)) {
  if (!query) return query.error();
  query->bind(1, std::int64_t{number});
  auto row = query->step();
  if (!row) return row.error();
  if (!*row) return std::optional<Record>();
  return std::optional<Record>(read(*query));
}

}  // namespace

Result<std::vector<StoryRecord>> Store::stories() {
  return read_all(m_impl->db.prepare(std::string(kStoryColumns) + " ORDER BY s.story"), &read_story_row);
}

Result<std::vector<StorylineRecord>> Store::storylines() {
  return read_all(m_impl->db.prepare(std::string(kStorylineColumns) + " ORDER BY l.storyline"),
                  &read_storyline_row);
}

Result<std::optional<StoryRecord>> Store::find_story(std::uint32_t story) {
  return read_one(m_impl->db.prepare(std::string(kStoryColumns) + " WHERE s.story = ?1"), story,
                  &read_story_row);
}

Result<std::optional<StorylineRecord>> Store::find_storyline(std::uint32_t storyline) {
  return read_one(m_impl->db.prepare(std::string(kStorylineColumns) + " WHERE l.storyline = ?1"), storyline,
                  &read_storyline_row);
}

Result<std::vector<std::string>> Store::check_integrity() {
  std::vector<std::string> problems;
  auto integrity = m_impl->db.prepare("PRAGMA integrity_check");
  if (!integrity) return integrity.error();
  for (;;) {
    auto row = integrity->step();
    if (!row) return row.error();
    if (!*row) break;
    if (std::string line = integrity->column_text(0); line != "ok") problems.push_back(std::move(line));
  }
  auto foreign = m_impl->db.prepare("PRAGMA foreign_key_check");
  if (!foreign) return foreign.error();
  for (;;) {
    auto row = foreign->step();
    if (!row) return row.error();
    if (!*row) break;
    problems.push_back("foreign key violation in " + foreign->column_text(0) + " row " +
                       foreign->column_text(1) + " (to " + foreign->column_text(2) + ")");
  }
  // FTS5 checks its index against `articles` through a special INSERT, which a read-only connection
  // may not run; integrity_check above does not look inside the index.
  if (m_impl->has_search && m_impl->insert_article) {
    if (auto status = m_impl->db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
        !status) {
      problems.push_back("the search index does not match the articles: " + status.error().reason);
    }
  }
  return problems;
}

}  // namespace storyline
