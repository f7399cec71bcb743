// Timelines: each storyline laid out as its stories in date order. Fed the articles of a stream with the
// story and storyline StoryClusterer gave them, TimelineBuilder dates each story, labels it with its most
// representative title, picks one key sentence (extractive), names the people, places and organisations
// that define each storyline, and ranks its key dates (the days most of its articles report or name).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storyline/cluster/clusterer.hpp"
#include "storyline/common/result.hpp"
#include "storyline/common/timestamp.hpp"
#include "storyline/ingest/article.hpp"
#include "storyline/text/entities.hpp"

namespace storyline {

struct TimelineOptions {
  // Key sentences have at least and at most this many words: shorter ones are bylines, datelines and
  // fragments; longer ones are lists, tables or text whose sentence ends were lost.
  std::size_t min_sentence_words = 8;
  std::size_t max_sentence_words = 45;
  // Candidates a live story keeps, the best against its centroid so far: titles (one per article) and
  // key sentences (any of its articles' sentences). The rest are dropped as articles arrive.
  std::size_t label_candidates = 4;
  std::size_t sentence_candidates = 8;
  std::size_t entities_per_kind = 3;  // defining people, places and organisations shown per storyline
  // Once the stream's clock is this far past a story's latest article, the story's label and key sentence
  // are fixed and its centroid and candidates freed. A later copy still counts (dates, sources, ids).
  // The default is twice the clusterer's retirement window, after which no article joins a story.
  std::int64_t finish_after_seconds = 14 * 24 * 3600;
  // Only this storyline is laid out (the other articles still feed the term statistics, so the result
  // is the same as that storyline's part of a full run). nullopt: all of them.
  std::optional<std::uint32_t> only_storyline;
  // Only the days from `since` to `until` (inclusive; nullopt: unbounded) are laid out: an article
  // published outside them, or undated while either is set, is left out of the timelines (it still feeds
  // the term statistics, as above), and a day named outside them is not a key date or a story's date. The
  // storylines themselves are those of the whole stream, so their numbers stay those 'cluster' prints.
  std::optional<Day> since;
  std::optional<Day> until;
};

// One day a story's articles were published on, and the label and key sentence chosen among that day's
// articles alone, the same way as the story's own (empty when the day had only copies).
struct StoryDay {
  Day day;
  std::string label;
  std::string key_sentence;
};

struct TimelineStory {
  std::uint32_t story = 0;
  // The day most of its articles point at (see KeyDate; ties: the day more of them were published on,
  // then the earliest), and the first and last day they were published. nullopt when they point at none.
  std::optional<Day> date;
  std::optional<Day> first_day;
  std::optional<Day> last_day;
  std::string label;         // the title (or, untitled, first sentence) whose own terms are most central
  std::string key_sentence;  // the sentence of its articles closest to its centroid; may be empty
  std::size_t articles = 0;
  std::vector<std::string> sources;      // distinct Article::source values, in order of first appearance
  std::vector<std::string> article_ids;  // in stream order
  // Per publication day, in date order (not printed: keep_top shows a story on one of its days by it).
  std::vector<StoryDay> days;
};

// A day the storyline's articles point at: published that day, or naming it as a day on or before their
// own ("on Tuesday", "March 3, 2011"; a day named ahead is a plan, not yet an event). The days most articles point at are the storyline's key dates: a story of a week
// holds several, and an event reported the day after still counts on its own day.
struct KeyDate {
  Day day;
  std::size_t articles = 0;  // articles of the storyline published on the day or naming it
  // The story that reports the day: of the stories whose articles point at it, those published on it or
  // the day after come first (a story of June recalling April 20 does not report April 20), then the one
  // more of those articles belong to, then the lower number.
  std::uint32_t story = 0;
};

struct DefiningEntity {
  std::string name;  // the fullest form seen
  EntityKind kind = EntityKind::kOther;
  std::size_t articles = 0;  // articles of the storyline that name it
};

struct Timeline {
  std::uint32_t storyline = 0;
  std::size_t articles = 0;
  std::optional<Day> first_day;
  std::optional<Day> last_day;
  // Named in the largest share of the storyline's articles, most first: people, then places, then
  // organisations, at most TimelineOptions::entities_per_kind of each.
  std::vector<DefiningEntity> entities;
  std::vector<TimelineStory> stories;  // by date (undated last), then by story number
  std::vector<KeyDate> key_dates;      // most articles first (ties: the earlier day)
};

// Not thread-safe: one builder per stream. Deterministic: the same articles and assignments in the same
// order give the same timelines.
//
// Memory: a live story holds its term centroid (at most a few hundred terms) and a bounded number of
// candidate titles and sentences; a finished story keeps only its result. What grows with the stream is
// what the output needs (per story its label, key sentence, dates, sources and article ids) and, per
// storyline, a tally of the entities it names.
class TimelineBuilder {
 public:
  // Errors: kInvalidArgument when min_sentence_words > max_sentence_words or a candidate count is 0;
  // kInternal when ICU data is missing.
  [[nodiscard]] static Result<TimelineBuilder> create(TimelineOptions options = {});

  TimelineBuilder(TimelineBuilder&&) noexcept;
  TimelineBuilder& operator=(TimelineBuilder&&) noexcept;
  ~TimelineBuilder();

  // Adds the next article of the stream (publication order, as StoryClusterer took it) with its
  // assignment. The builder analyses the article again with its own Analyzer: StoryClusterer does not
  // hand out its analysis, so this command pays for text analysis twice.
  // Errors: as Analyzer::analyze.
  [[nodiscard]] Status add(const Article& article, const StoryAssignment& assignment);

  // The timelines so far, largest storyline (by articles) first, ties by storyline number.
  [[nodiscard]] std::vector<Timeline> timelines() const;

 private:
  struct Impl;
  explicit TimelineBuilder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// Lays `timeline` out as its `count` key moments: its first `count` key dates, each shown by the story
// that reports it (KeyDate::story), dated that day and labelled by that day's own label and key sentence
// when the story published on it (else the story's). A story reported over several key dates (a week of
// coverage of one event) appears once per date, as the developments of one event; the stories that report
// no kept date are left out. When there are fewer key dates than `count` (undated articles), the largest
// remaining stories fill the places left. In date order; 0 keeps everything as it is. Thread-safe.
void keep_top(Timeline& timeline, std::size_t count);

}  // namespace storyline
