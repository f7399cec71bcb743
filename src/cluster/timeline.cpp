#include "storyline/cluster/timeline.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "cluster/timeline_text.hpp"
#include "storyline/text/analyze.hpp"
#include "storyline/text/stemmer.hpp"
#include "storyline/text/stopwords.hpp"
#include "storyline/text/tokenize.hpp"
#include "storyline/text/unicode.hpp"
#include "text/dateline.hpp"
#include "text/normalize.hpp"

namespace storyline {
namespace {

// The article vector the centroid is summed from: the heaviest terms, as many as the clusterer's vectors
// (ClusterOptions::vector_terms), so a story's centroid here weighs what the clusterer weighed.
constexpr std::size_t kArticleTerms = 50;
// A title candidate is compared by its article's heaviest terms; the tail barely moves a cosine.
constexpr std::size_t kCandidateTerms = 20;
// A long story's centroid is cut back to its heaviest terms once it is twice this size, so its memory
// does not grow with the story; the terms cut carry little of the cosine.
constexpr std::size_t kCentroidTerms = 256;
// A label taken from an untitled article's first sentence can run for a paragraph.
constexpr std::size_t kMaxLabelBytes = 200;
// Surface forms remembered per language (surface -> stem) before starting over, as the Analyzer does.
constexpr std::size_t kMaxSurfaces = std::size_t{1} << 16;
// A storyline's entity tally drops the entities named in a single article once it is this large, so a
// storyline running for years keeps the names that recur.
constexpr std::size_t kMaxEntityTally = 4096;

// The label and key-sentence candidates (timeline_text.hpp).
using detail::timeline_text::best_of;
using detail::timeline_text::Candidate;
using detail::timeline_text::Centroid;
using detail::timeline_text::collapse_spaces;
using detail::timeline_text::keep_best;
using detail::timeline_text::normalise;
using detail::timeline_text::Sentence;
using detail::timeline_text::shorten;
using detail::timeline_text::SparseVector;
using detail::timeline_text::split_sentences;

// The candidates of one day's articles of a story, kept as the story's own are.
struct DayCandidates {
  std::vector<Candidate> labels;
  std::vector<Candidate> sentences;
};

// A story reports a day it published on or the day after: an evening's event is in the next day's
// reports. `published_on(day)` says whether the story published on `day`. KeyDate::story and keep_top
// both go by this.
template <class PublishedOn>
bool reports_day(Day day, const PublishedOn& published_on) {
  return published_on(day) || published_on(day + std::chrono::days(1));
}

bool has_text(const std::vector<Candidate>& pool, std::string_view text) {
  return std::any_of(pool.begin(), pool.end(), [&](const Candidate& c) { return c.text == text; });
}

struct StoryState {
  std::uint32_t storyline = 0;
  std::size_t articles = 0;
  std::map<Day, std::uint32_t> days;     // dated articles per publication day
  std::map<Day, std::uint32_t> pointed;  // its articles per day they point at (see pointed_days)
  std::vector<std::string> sources;
  std::vector<std::string> ids;
  std::optional<Timestamp> latest;
  bool finished = false;
  // While live:
  Centroid centroid;
  std::vector<Candidate> labels;
  std::vector<Candidate> sentences;
  std::map<Day, DayCandidates> by_day;  // per publication day
  // Once finished:
  std::string label;
  std::string key_sentence;
  std::vector<StoryDay> own_days;  // story_days, kept
};

struct EntityTally {
  std::string name;
  std::array<std::uint32_t, 3> by_kind{};  // person, place, organisation: the cues may disagree
  std::uint32_t articles = 0;
  std::uint64_t first_seen = 0;
};

// The articles pointing at one day of a storyline, and which stories they belong to.
struct DayTally {
  std::uint32_t articles = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> stories;  // (story, articles), in order of appearance
};

struct StorylineState {
  std::size_t articles = 0;
  std::vector<std::uint32_t> stories;                     // in the order they opened
  std::unordered_map<std::string, EntityTally> entities;  // by entity key
  std::map<Day, DayTally> days;                           // the days its articles point at
};

std::size_t kind_index(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson:
      return 0;
    case EntityKind::kPlace:
      return 1;
    case EntityKind::kOrganisation:
      return 2;
    case EntityKind::kOther:
      break;
  }
  return 3;
}

// Dated stories by date, then undated ones; story numbers break ties.
bool in_date_order(const TimelineStory& a, const TimelineStory& b) {
  if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
  if (a.date != b.date) return *a.date < *b.date;
  return a.story < b.story;
}

constexpr std::array<EntityKind, 3> kDefiningKinds{EntityKind::kPerson, EntityKind::kPlace,
                                                   EntityKind::kOrganisation};

}  // namespace

struct TimelineBuilder::Impl {
  Impl(TimelineOptions timeline_options, Analyzer text_analyzer, Tokenizer word_tokenizer)
      : options(std::move(timeline_options)),
        analyzer(std::move(text_analyzer)),
        tokenizer(std::move(word_tokenizer)) {}

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  struct Language {
    std::optional<Stemmer> stemmer;
    // Surface form -> the id of its stem in the analyzer's document frequencies (kUnknownTerm for a stop
    // word), so each surface is folded and stemmed once.
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids;
  };

  TimelineOptions options;
  Analyzer analyzer;
  Tokenizer tokenizer;
  std::map<std::string, Language, std::less<>> languages;
  std::unordered_map<std::uint32_t, StoryState> stories;
  std::map<std::uint32_t, StorylineState> storylines;
  std::set<std::uint32_t> live;  // stories not yet finished, ordered so that finishing is deterministic
  std::optional<Timestamp> clock;
  std::optional<Day> swept;  // the stream day live stories were last checked for finishing
  std::uint64_t seen = 0;    // candidates and entities seen, for ties
  // Scratch, reused across articles.
  std::string text;
  std::string title;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> counts;  // a sentence's term ids and counts

  // The sentence's stems, as the Analyzer finds an article's terms (words of two bytes or more, case-
  // folded, stop words dropped, Snowball-stemmed), weighed by TF-IDF against the analyzer's statistics.
  SparseVector sentence_terms(const Sentence& sentence, const std::string& lang) {
    auto it = languages.find(lang);
    if (it == languages.end()) {
      auto created = Stemmer::create(lang);
      it = languages.try_emplace(lang).first;
      if (created) it->second.stemmer.emplace(std::move(created).value());
    }
    Language& language = it->second;
    if (language.ids.size() > kMaxSurfaces) language.ids.clear();
    const DocumentFrequencies& frequencies = analyzer.document_frequencies();
    counts.clear();
    for (std::size_t t = sentence.first; t < sentence.last; ++t) {
      const Token& token = tokens[t];
      if (token.kind != TokenKind::kWord || token.text.size() < 2) continue;
      std::uint32_t id = kUnknownTerm;
      if (const auto known = language.ids.find(token.text); known != language.ids.end()) {
        id = known->second;
      } else {
        const std::string folded = case_fold(token.text);
        if (!is_stopword(lang, folded)) {
          id = frequencies.find(language.stemmer ? language.stemmer->stem(folded) : std::string_view(folded));
          // A stem the analyzer never counted (NFKC or language differences) is looked up again next
          // time rather than remembered as a stop word.
          if (id == kUnknownTerm) continue;
        }
        language.ids.emplace(std::string(token.text), id);
      }
      if (id == kUnknownTerm) continue;
      const auto counted =
          std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == id; });
      if (counted == counts.end()) {
        counts.emplace_back(id, 1);
      } else {
        ++counted->second;
      }
    }
    // The smoothed IDF DocumentFrequencies::idf documents, from the id the loop already has.
    const double documents = static_cast<double>(frequencies.documents());
    SparseVector vector;
    vector.reserve(counts.size());
    for (const auto& [id, count] : counts) {
      const double idf =
          std::log((1.0 + documents) / (1.0 + static_cast<double>(frequencies.frequency(id)))) + 1.0;
      vector.emplace_back(id, (1.0 + std::log(static_cast<double>(count))) * idf);
    }
    normalise(vector);
    return vector;
  }

  static std::vector<StoryDay> story_days(const StoryState& story) {
    std::vector<StoryDay> days;
    days.reserve(story.by_day.size());
    for (const auto& [day, pools] : story.by_day)
      days.push_back({day, best_of(pools.labels, story.centroid), best_of(pools.sentences, story.centroid)});
    return days;
  }

  void finish(StoryState& story) {
    story.label = best_of(story.labels, story.centroid);
    story.key_sentence = best_of(story.sentences, story.centroid);
    story.own_days = story_days(story);
    story.finished = true;
    Centroid().swap(story.centroid);
    std::vector<Candidate>().swap(story.labels);
    std::vector<Candidate>().swap(story.sentences);
    std::map<Day, DayCandidates>().swap(story.by_day);
  }

  // Once a stream day, the stories quiet for finish_after_seconds are finished. Undated stories never
  // are: an undated stream keeps every story live.
  void sweep() {
    if (!clock) return;
    const Day today = std::chrono::floor<std::chrono::days>(*clock);
    if (swept && *swept >= today) return;
    swept = today;
    for (auto it = live.begin(); it != live.end();) {
      StoryState& story = stories.at(*it);
      if (story.latest && (*clock - *story.latest).count() > options.finish_after_seconds) {
        finish(story);
        it = live.erase(it);
      } else {
        ++it;
      }
    }
  }

  void add_entities(StorylineState& storyline, const Analysis& analysis) {
    for (const Entity& entity : analysis.entities) {
      const std::size_t kind = kind_index(entity.kind);
      if (kind >= 3) continue;
      auto [it, added] = storyline.entities.try_emplace(entity.key);
      EntityTally& tally = it->second;
      if (added) tally.first_seen = seen++;
      if (entity.name.size() > tally.name.size()) tally.name = entity.name;
      ++tally.by_kind[kind];
      ++tally.articles;
    }
    if (storyline.entities.size() > kMaxEntityTally) {
      std::erase_if(storyline.entities, [](const auto& entry) { return entry.second.articles <= 1; });
    }
  }

  bool in_window(Day day) const {
    return (!options.since || day >= *options.since) && (!options.until || day <= *options.until);
  }
  // An article is laid out when there is no window, or when it was published within it.
  bool in_window(const Analysis& analysis) const {
    if (!options.since && !options.until) return true;
    return analysis.published && in_window(*analysis.published);
  }

  // The distinct days an article points at: its own publication day and the days it names. Months and
  // years named are too coarse to date an event. Days after the publication day are left out: "talks
  // resume on Monday" announces a plan, which may slip or never happen, and the reports of the day itself
  // will count it if it does. (On timeline17 this raised the mean key-date F1 from 0.491 to 0.512; see
  // docs/stories.md.)
  std::vector<Day> pointed_days(const Analysis& analysis) const {
    std::vector<Day> days;
    if (analysis.published) days.push_back(*analysis.published);
    for (const DateMention& mention : analysis.dates) {
      const bool ahead = analysis.published && mention.date > *analysis.published;
      if (mention.precision == DatePrecision::kDay && !ahead && in_window(mention.date)) {
        days.push_back(mention.date);
      }
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
  }

  // Each day the article points at counts once, for its storyline and for its story.
  static void add_days(StorylineState& storyline, StoryState& story_state, std::uint32_t story,
                       const std::vector<Day>& days) {
    for (const Day day : days) {
      ++story_state.pointed[day];
      DayTally& tally = storyline.days[day];
      ++tally.articles;
      const auto it = std::find_if(tally.stories.begin(), tally.stories.end(),
                                   [&](const auto& entry) { return entry.first == story; });
      if (it == tally.stories.end()) {
        tally.stories.emplace_back(story, 1);
      } else {
        ++it->second;
      }
    }
  }

  void add_candidates(StoryState& story, const Article& article, const Analysis& analysis) {
    // The text as the analyser reads it (NFKC, Treebank escapes undone), so sentences quote it cleanly.
    text.clear();
    detail::append_normalized(article.text, text);
    tokenizer.tokenize(text, tokens);
    split_sentences(text, tokens, sentences);
    for (Sentence& sentence : sentences) {  // quoted from the story on, not from the wire's dateline
      const std::size_t start = detail::skip_dateline(text, tokens, sentence.first, sentence.last);
      if (start != sentence.first) {
        sentence.first = start;
        sentence.begin = tokens[start].offset;
      }
    }

    title.clear();
    detail::append_normalized(article.title, title);
    std::string label = collapse_spaces(title);
    const bool titled = !label.empty();
    if (!titled && !sentences.empty()) {
      label = collapse_spaces(
          std::string_view(text).substr(sentences[0].begin, sentences[0].end - sentences[0].begin));
    }
    label = shorten(std::move(label), kMaxLabelBytes);
    // The day's own pools, for the story's entry on that day (see keep_top).
    DayCandidates* today = analysis.published ? &story.by_day[*analysis.published] : nullptr;
    const bool known_label = has_text(story.labels, label);
    const bool known_today = today == nullptr || has_text(today->labels, label);
    if (!label.empty() && (!known_label || !known_today)) {
      // A label is ranked by its own words, not its article's: a central article can carry a title that
      // says nothing of the story (a site's headline, a page scraped with the wrong title).
      SparseVector terms;
      if (titled) {
        for (std::size_t i = 0; i < std::min(kCandidateTerms, analysis.title_terms.size()); ++i) {
          terms.emplace_back(analysis.title_terms[i].id, analysis.title_terms[i].weight);
        }
        normalise(terms);
      } else {
        terms = sentence_terms(sentences[0], analysis.lang);
      }
      Candidate candidate{std::move(label), std::move(terms), seen++};
      if (!known_today) {
        today->labels.push_back(candidate);
        keep_best(today->labels, story.centroid, options.label_candidates);
      }
      if (!known_label) {
        story.labels.push_back(std::move(candidate));
        keep_best(story.labels, story.centroid, options.label_candidates);
      }
    }

    for (const Sentence& sentence : sentences) {
      const std::size_t words = sentence.last - sentence.first;
      if (words < options.min_sentence_words || words > options.max_sentence_words) continue;
      std::string line =
          collapse_spaces(std::string_view(text).substr(sentence.begin, sentence.end - sentence.begin));
      const bool known = has_text(story.sentences, line);
      const bool known_that_day = today == nullptr || has_text(today->sentences, line);
      if (known && known_that_day) continue;
      SparseVector terms = sentence_terms(sentence, analysis.lang);
      if (terms.empty()) continue;
      Candidate candidate{std::move(line), std::move(terms), seen++};
      if (!known_that_day) today->sentences.push_back(candidate);
      if (!known) story.sentences.push_back(std::move(candidate));
    }
    keep_best(story.sentences, story.centroid, options.sentence_candidates);
    if (today != nullptr) keep_best(today->sentences, story.centroid, options.sentence_candidates);
  }

  Status add(const Article& article, const StoryAssignment& assignment) {
    auto analysed = analyzer.analyze(article);
    if (!analysed) return analysed.error();
    if (article.published_at && (!clock || *article.published_at > *clock)) clock = article.published_at;
    sweep();
    if (options.only_storyline && *options.only_storyline != assignment.storyline) return {};
    const Analysis& analysis = *analysed;
    if (!in_window(analysis)) return {};

    StorylineState& storyline = storylines[assignment.storyline];
    auto [found, opened] = stories.try_emplace(assignment.story);
    StoryState& story = found->second;
    if (opened) {
      story.storyline = assignment.storyline;
      storyline.stories.push_back(assignment.story);
      live.insert(assignment.story);
    }
    ++storyline.articles;
    add_entities(storyline, analysis);
    add_days(storyline, story, assignment.story, pointed_days(analysis));

    ++story.articles;
    story.ids.push_back(article.id);
    if (!article.source.empty() &&
        std::find(story.sources.begin(), story.sources.end(), article.source) == story.sources.end()) {
      story.sources.push_back(article.source);
    }
    if (analysis.published) {
      const Day day = *analysis.published;
      ++story.days[day];
      // A day of copies only is a day of the story too, with no text of its own (StoryDay).
      if (!story.finished) {
        story.by_day.try_emplace(day);
      } else {
        const auto at = std::lower_bound(story.own_days.begin(), story.own_days.end(), day,
                                         [](const StoryDay& d, Day x) { return d.day < x; });
        if (at == story.own_days.end() || at->day != day) story.own_days.insert(at, StoryDay{day, {}, {}});
      }
    }
    if (article.published_at && (!story.latest || *article.published_at > *story.latest)) {
      story.latest = article.published_at;
    }
    // A late copy of a finished story counts above, but its story's label and key sentence are fixed.
    if (story.finished) return {};
    for (std::size_t i = 0; i < std::min(kArticleTerms, analysis.terms.size()); ++i) {
      story.centroid[analysis.terms[i].id] += analysis.terms[i].weight;
    }
    if (story.centroid.size() > 2 * kCentroidTerms) {
      std::vector<std::pair<std::uint32_t, double>> terms(story.centroid.begin(), story.centroid.end());
      std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
      });
      terms.resize(kCentroidTerms);
      story.centroid = Centroid(terms.begin(), terms.end());
    }
    // A copy weighs in the centroid like any article, but its title and sentences are its original's.
    if (!assignment.duplicate_of) add_candidates(story, article, analysis);
    return {};
  }

  TimelineStory story_timeline(std::uint32_t number, const StoryState& story) const {
    TimelineStory out;
    out.story = number;
    if (!story.days.empty()) {
      out.first_day = story.days.begin()->first;
      out.last_day = story.days.rbegin()->first;
    }
    // Dated by the event rather than by the coverage: the reports of the days after an event name its day.
    // Among days pointed at as often, the one more articles were published on: a lone article's date is
    // its own, not the first of the earlier days it recalls.
    std::pair<std::uint32_t, std::uint32_t> most{0, 0};  // (articles pointing at it, published on it)
    for (const auto& [day, count] : story.pointed) {
      const auto published = story.days.find(day);
      const std::pair<std::uint32_t, std::uint32_t> rank{
          count, published == story.days.end() ? 0 : published->second};
      if (rank > most) {  // strictly more: a tie keeps the earlier day
        most = rank;
        out.date = day;
      }
    }
    out.label = story.finished ? story.label : best_of(story.labels, story.centroid);
    out.key_sentence = story.finished ? story.key_sentence : best_of(story.sentences, story.centroid);
    out.articles = story.articles;
    out.sources = story.sources;
    out.article_ids = story.ids;
    out.days = story.finished ? story.own_days : story_days(story);
    return out;
  }

  Timeline timeline(std::uint32_t number, const StorylineState& storyline) const {
    Timeline out;
    out.storyline = number;
    out.articles = storyline.articles;
    for (const std::uint32_t story : storyline.stories)
      out.stories.push_back(story_timeline(story, stories.at(story)));
    std::sort(out.stories.begin(), out.stories.end(), in_date_order);
    for (const TimelineStory& story : out.stories) {
      if (story.first_day && (!out.first_day || *story.first_day < *out.first_day))
        out.first_day = story.first_day;
      if (story.last_day && (!out.last_day || *story.last_day > *out.last_day)) out.last_day = story.last_day;
    }
    for (const auto& [day, tally] : storyline.days) {
      const auto reports = [&, day = day](std::uint32_t story_number) {
        const StoryState& story = stories.at(story_number);
        return reports_day(day, [&](Day d) { return story.days.contains(d); });
      };
      const auto most =
          std::min_element(tally.stories.begin(), tally.stories.end(), [&](const auto& a, const auto& b) {
            const bool reports_a = reports(a.first);
            const bool reports_b = reports(b.first);
            if (reports_a != reports_b) return reports_a;
            return a.second != b.second ? a.second > b.second : a.first < b.first;
          });
      out.key_dates.push_back({day, tally.articles, most->first});
    }
    std::stable_sort(out.key_dates.begin(), out.key_dates.end(),  // stable: among equals, the earlier day
                     [](const KeyDate& a, const KeyDate& b) { return a.articles > b.articles; });
    // An entity named once in a storyline of many articles is an aside, not what defines it.
    const std::uint32_t least = storyline.articles > 1 ? 2 : 1;
    for (std::size_t kind = 0; kind < kDefiningKinds.size(); ++kind) {
      std::vector<const EntityTally*> named;
      for (const auto& [key, tally] : storyline.entities) {
        const auto most = std::max_element(tally.by_kind.begin(), tally.by_kind.end());  // first on a tie
        if (static_cast<std::size_t>(most - tally.by_kind.begin()) == kind && tally.articles >= least) {
          named.push_back(&tally);
        }
      }
      std::sort(named.begin(), named.end(), [](const EntityTally* a, const EntityTally* b) {
        return a->articles != b->articles ? a->articles > b->articles : a->first_seen < b->first_seen;
      });
      if (named.size() > options.entities_per_kind) named.resize(options.entities_per_kind);
      for (const EntityTally* tally : named)
        out.entities.push_back({tally->name, kDefiningKinds[kind], tally->articles});
    }
    return out;
  }
};

TimelineBuilder::TimelineBuilder(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
TimelineBuilder::TimelineBuilder(TimelineBuilder&&) noexcept = default;
TimelineBuilder& TimelineBuilder::operator=(TimelineBuilder&&) noexcept = default;
TimelineBuilder::~TimelineBuilder() = default;

Result<TimelineBuilder> TimelineBuilder::create(TimelineOptions options) {
  if (options.min_sentence_words > options.max_sentence_words) {
    return Error{ErrorCode::kInvalidArgument, "min_sentence_words exceeds max_sentence_words"};
  }
  if (options.label_candidates == 0 || options.sentence_candidates == 0) {
    return Error{ErrorCode::kInvalidArgument, "label_candidates and sentence_candidates must be at least 1"};
  }
  if (options.since && options.until && *options.since > *options.until) {
    return Error{ErrorCode::kInvalidArgument, "since " + format_iso8601_date(*options.since) +
                                                  " is after until " + format_iso8601_date(*options.until)};
  }
  AnalyzeOptions analyze_options;
  analyze_options.top_terms = kArticleTerms;
  analyze_options.find_dates = true;  // for the key dates
  auto analyzer = Analyzer::create(analyze_options);
  if (!analyzer) return analyzer.error();
  auto tokenizer = Tokenizer::create();
  if (!tokenizer) return tokenizer.error();
  return TimelineBuilder(
      std::make_unique<Impl>(std::move(options), std::move(analyzer).value(), std::move(tokenizer).value()));
}

Status TimelineBuilder::add(const Article& article, const StoryAssignment& assignment) {
  return m_impl->add(article, assignment);
}

std::vector<Timeline> TimelineBuilder::timelines() const {
  std::vector<Timeline> out;
  out.reserve(m_impl->storylines.size());
  for (const auto& [number, storyline] : m_impl->storylines)
    out.push_back(m_impl->timeline(number, storyline));
  std::stable_sort(out.begin(), out.end(),
                   [](const Timeline& a, const Timeline& b) { return a.articles > b.articles; });
  return out;
}

void keep_top(Timeline& timeline, std::size_t count) {
  if (count == 0) return;
  std::unordered_map<std::uint32_t, std::size_t> by_number;  // story -> index into all
  std::vector<TimelineStory> all = std::move(timeline.stories);
  for (std::size_t i = 0; i < all.size(); ++i) by_number.emplace(all[i].story, i);

  // Key dates in rank order (most articles first, then date order); among dates pointed at as often, a
  // story not shown yet goes first, so that a short timeline names its events before their developments.
  std::vector<const KeyDate*> order;
  std::set<std::uint32_t> shown;
  for (std::size_t begin = 0; begin < timeline.key_dates.size();) {
    std::size_t end = begin;
    while (end < timeline.key_dates.size() &&
           timeline.key_dates[end].articles == timeline.key_dates[begin].articles)
      ++end;
    std::vector<const KeyDate*> later;
    for (std::size_t i = begin; i < end; ++i) {
      const KeyDate& key = timeline.key_dates[i];
      if (shown.insert(key.story).second) {
        order.push_back(&key);
      } else {
        later.push_back(&key);
      }
    }
    order.insert(order.end(), later.begin(), later.end());
    begin = end;
  }

  std::vector<TimelineStory> kept;
  std::set<std::uint32_t> kept_stories;
  for (const KeyDate* key : order) {
    if (kept.size() == count) break;
    const auto found = by_number.find(key->story);
    if (found == by_number.end()) continue;
    const TimelineStory& story = all[found->second];
    const auto on = [&](Day day) {
      return std::find_if(story.days.begin(), story.days.end(),
                          [&](const StoryDay& d) { return d.day == day; });
    };
    // A day no story reported (named only in hindsight: "the Magna Carta of 1215") is no entry: had one
    // reported it, KeyDate::story would be that one.
    if (!reports_day(key->day, [&](Day d) { return on(d) != story.days.end(); })) continue;
    TimelineStory entry = story;
    entry.date = key->day;
    if (const auto day = on(key->day); day != story.days.end()) {
      if (!day->label.empty()) entry.label = day->label;
      if (!day->key_sentence.empty()) entry.key_sentence = day->key_sentence;
    }
    // A second entry of a story that says nothing new (no report of its own that day) is left out.
    const bool repeats = std::any_of(kept.begin(), kept.end(), [&](const TimelineStory& k) {
      return k.story == entry.story && k.label == entry.label && k.key_sentence == entry.key_sentence;
    });
    if (repeats) continue;
    kept_stories.insert(entry.story);
    kept.push_back(std::move(entry));
  }
  // Undated articles point at no day: the largest stories left fill the places.
  std::vector<std::size_t> rest;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!kept_stories.contains(all[i].story)) rest.push_back(i);
  }
  std::stable_sort(rest.begin(), rest.end(),
                   [&](std::size_t a, std::size_t b) { return all[a].articles > all[b].articles; });
  for (std::size_t i = 0; kept.size() < count && i < rest.size(); ++i)
    kept.push_back(std::move(all[rest[i]]));
  std::sort(kept.begin(), kept.end(), in_date_order);
  timeline.stories = std::move(kept);
  if (timeline.key_dates.size() > count) timeline.key_dates.resize(count);
}

}  // namespace storyline
