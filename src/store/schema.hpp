// The store's tables, version 2 (kStoreSchemaVersion). docs/store.md documents them for users; a change
// here is a format change and needs a version bump (and an upgrade in store.cpp for the previous one).
#pragma once

#include <cstdint>

namespace storyline::detail {

// Dates are UTC ISO-8601 text ("2020-11-09T06:00:00Z"): readable in sqlite3, ordered as text, and
// understood by SQLite's date functions. Story and storyline numbers are the clusterer's.
inline constexpr const char* kStoreSchemaSql = R"sql(
CREATE TABLE ingest_runs (
  run              INTEGER PRIMARY KEY,
  started_at       TEXT NOT NULL,
  finished_at      TEXT,
  articles_read    INTEGER NOT NULL DEFAULT 0,
  articles_added   INTEGER NOT NULL DEFAULT 0,
  already_present  INTEGER NOT NULL DEFAULT 0,
  records_skipped  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE articles (
  position      INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  title         TEXT,
  text          TEXT NOT NULL,
  url           TEXT,
  source        TEXT,
  published     TEXT,
  published_at  TEXT,
  lang          TEXT,
  extra         TEXT,
  run           INTEGER REFERENCES ingest_runs(run)
);
CREATE TABLE storylines (
  storyline           INTEGER PRIMARY KEY,
  first_article       INTEGER NOT NULL REFERENCES articles(position),
  first_published_at  TEXT,
  last_published_at   TEXT,
  story_count         INTEGER NOT NULL,
  article_count       INTEGER NOT NULL
);
CREATE TABLE stories (
  story               INTEGER PRIMARY KEY,
  storyline           INTEGER NOT NULL REFERENCES storylines(storyline),
  first_article       INTEGER NOT NULL REFERENCES articles(position),
  first_published_at  TEXT,
  last_published_at   TEXT,
  article_count       INTEGER NOT NULL
);
CREATE TABLE assignments (
  position      INTEGER PRIMARY KEY REFERENCES articles(position),
  story         INTEGER NOT NULL REFERENCES stories(story),
  storyline     INTEGER NOT NULL REFERENCES storylines(storyline),
  duplicate_of  INTEGER REFERENCES articles(position)
);
CREATE INDEX assignments_by_story ON assignments(story);
CREATE INDEX assignments_by_storyline ON assignments(storyline);
CREATE INDEX stories_by_storyline ON stories(storyline);
)sql";

// Version 2 added full-text search: an FTS5 index over each article's title and text. It is an external
// content table (content = 'articles'), so the text is stored once, in `articles`; the index holds only
// the terms, keyed by the article's stream position, and the store writes its row in the same
// transaction as the article's. Porter stemming over unicode61 (diacritics folded) lets "storms" find
// "storm" and "cafe" find "café", in English and in other Latin-script languages alike.
inline constexpr std::int64_t kSchemaVersionBeforeSearch = 1;
inline constexpr const char* kSearchSchemaSql = R"sql(
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text,
  content = 'articles', content_rowid = 'position',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
)sql";
// Fills the index from `articles`: upgrading a version 1 store.
inline constexpr const char* kRebuildSearchSql = "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')";

}  // namespace storyline::detail
