#include "storyline/json/codec.hpp"

#include <cmath>
#include <optional>

namespace storyline::json {
namespace {

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json day_or_null(const std::optional<Day>& day) {
  return day ? Json(format_iso8601_date(*day)) : Json(nullptr);
}

double rounded(double value, double scale = 10000.0) { return std::round(value * scale) / scale; }

// The input's other fields, each stored as its own JSON text; one that no longer parses is passed on as
// the text it was, rather than lost.
Json extra_json(const std::vector<ExtraField>& extra) {
  Json out = Json::object();
  for (const ExtraField& field : extra) {
    Json value = Json::parse(field.json, nullptr, false);
    out[field.name] = value.is_discarded() ? Json(field.json) : std::move(value);
  }
  return out;
}

}  // namespace

Json story_json(const StoryRecord& story) {
  Json out;
  out["story"] = story.story;
  out["storyline"] = story.storyline;
  out["articles"] = story.articles;
  out["first_published"] = text_or_null(story.first_published);
  out["last_published"] = text_or_null(story.last_published);
  out["first_article"] = story.first_article_id;
  out["title"] = story.title;
  return out;
}

Json storyline_json(const StorylineRecord& storyline) {
  Json out;
  out["storyline"] = storyline.storyline;
  out["stories"] = storyline.stories;
  out["articles"] = storyline.articles;
  out["first_published"] = text_or_null(storyline.first_published);
  out["last_published"] = text_or_null(storyline.last_published);
  out["first_article"] = storyline.first_article_id;
  out["title"] = storyline.title;
  return out;
}

Json article_json(const StoredArticle& stored, std::string_view duplicate_of_id, bool with_text) {
  const Article& article = stored.article;
  Json out;
  out["id"] = article.id;
  out["title"] = text_or_null(article.title);
  out["published"] = text_or_null(article.published);
  out["url"] = text_or_null(article.url);
  out["source"] = text_or_null(article.source);
  out["lang"] = text_or_null(article.lang);
  out["position"] = stored.position;
  out["story"] = stored.assignment.story;
  out["storyline"] = stored.assignment.storyline;
  out["duplicate_of"] = duplicate_of_id.empty() ? Json(nullptr) : Json(duplicate_of_id);
  if (with_text) {
    out["text"] = article.text;
    out["extra"] = extra_json(article.extra);
  }
  return out;
}

Json timeline_json(const Timeline& timeline, std::size_t stories_total) {
  Json out;
  out["storyline"] = timeline.storyline;
  out["articles"] = timeline.articles;
  out["stories_total"] = stories_total;
  out["first"] = day_or_null(timeline.first_day);
  out["last"] = day_or_null(timeline.last_day);
  Json entities = Json::array();
  for (const DefiningEntity& entity : timeline.entities) {
    entities.push_back(
        {{"name", entity.name}, {"kind", entity_kind_name(entity.kind)}, {"articles", entity.articles}});
  }
  out["entities"] = std::move(entities);
  Json stories = Json::array();
  for (const TimelineStory& story : timeline.stories) {
    stories.push_back({{"story", story.story},
                       {"date", day_or_null(story.date)},
                       {"first", day_or_null(story.first_day)},
                       {"last", day_or_null(story.last_day)},
                       {"articles", story.articles},
                       {"label", story.label},
                       {"key_sentence", story.key_sentence},
                       {"sources", story.sources},
                       {"ids", story.article_ids}});
  }
  out["stories"] = std::move(stories);
  Json key_dates = Json::array();
  for (const KeyDate& key_date : timeline.key_dates) {
    key_dates.push_back(
        {{"date", format_iso8601_date(key_date.day)}, {"articles", key_date.articles}, {"story", key_date.story}});
  }
  out["key_dates"] = std::move(key_dates);
  return out;
}

Json comparison_json(const Comparison& comparison) {
  const ComparisonEvidence& evidence = comparison.evidence;
  Json out;
  out["verdict"] = relation_name(comparison.verdict);
  out["score"] = rounded(comparison.score);
  Json& json_evidence = out["evidence"];
  json_evidence["shared_entities"] = {{"people", evidence.shared_entities.people},
                                      {"places", evidence.shared_entities.places},
                                      {"organisations", evidence.shared_entities.organisations},
                                      {"other", evidence.shared_entities.other}};
  json_evidence["shared_terms"] = evidence.shared_terms;
  json_evidence["time_gap_days"] =
      evidence.time_gap_days ? Json(rounded(*evidence.time_gap_days, 100.0)) : Json(nullptr);
  json_evidence["jaccard"] = rounded(evidence.jaccard);
  json_evidence["cosine"] = rounded(evidence.cosine);
  json_evidence["languages"] = Json::array({evidence.language_a, evidence.language_b});
  Json& signals = out["signals"] = Json::object();
  for (std::size_t i = 0; i < kPairSignalCount; ++i) {
    signals[std::string(pair_signal_name(static_cast<PairSignal>(i)))] = rounded(comparison.signals[i]);
  }
  return out;
}

Json analysis_json(const Analysis& analysis) {
  Json out;
  out["id"] = analysis.id;
  out["lang"] = analysis.lang;
  out["lang_detected"] = analysis.lang_detected;
  out["published"] = day_or_null(analysis.published);
  out["words"] = analysis.words;
  Json& terms = out["terms"] = Json::array();
  for (const auto& term : analysis.terms) {
    terms.push_back({{"term", term.display}, {"stem", term.term}, {"weight", rounded(term.weight)}});
  }
  Json& entities = out["entities"] = Json::array();
  for (const auto& entity : analysis.entities) {
    entities.push_back(
        {{"name", entity.name}, {"kind", entity_kind_name(entity.kind)}, {"mentions", entity.mentions}});
  }
  Json& dates = out["dates"] = Json::array();
  for (const auto& date : analysis.dates) {
    dates.push_back({{"text", date.text},
                     {"date", format_iso8601_date(date.date)},
                     {"precision", date_precision_name(date.precision)},
                     {"relative", date.relative}});
  }
  return out;
}

Json copy_verdict_json(const CopyVerdict& verdict, std::string_view original_id) {
  Json out;
  out["id"] = verdict.id;
  const bool copy = verdict.duplicate_of.has_value();
  out["duplicate_of"] = copy ? Json(original_id) : Json(nullptr);
  out["similarity"] = copy ? Json(rounded(verdict.similarity)) : Json(nullptr);
  out["exact"] = verdict.exact;
  return out;
}

Json assignment_json(std::string_view id, std::uint32_t story, std::uint32_t storyline,
                     std::string_view duplicate_of_id) {
  Json out;
  out["id"] = id;
  out["story"] = story;
  out["storyline"] = storyline;
  out["duplicate_of"] = duplicate_of_id.empty() ? Json(nullptr) : Json(duplicate_of_id);
  return out;
}

Json ingested_json(std::string_view id, std::string_view status, std::uint32_t position,
                   const StoredAssignment& assignment, std::string_view duplicate_of_id) {
  Json out;
  out["id"] = id;
  out["status"] = status;
  out["position"] = position;
  out["story"] = assignment.story;
  out["storyline"] = assignment.storyline;
  out["duplicate_of"] = duplicate_of_id.empty() ? Json(nullptr) : Json(duplicate_of_id);
  return out;
}

Json search_hit_json(const SearchHit& hit, std::string_view duplicate_of_id) {
  Json out = article_json(hit.article, duplicate_of_id, false);
  out["score"] = hit.score;  // not rounded: bm25 of a word that most articles hold is near 1e-6
  return out;
}

Json related_json(const RelatedCoverage& related) {
  const auto listed = [](const std::vector<RelatedArticle>& articles) {
    Json list = Json::array();
    for (const RelatedArticle& article : articles) {
      list.push_back(article_json(article.article, article.duplicate_of_id, false));
    }
    return list;
  };
  Json out;
  out["id"] = related.article.article.id;
  out["story"] = related.article.assignment.story;
  out["storyline"] = related.article.assignment.storyline;
  out["same_story_total"] = related.same_story_total;
  out["same_storyline_total"] = related.same_storyline_total;
  out["same_story"] = listed(related.same_story);
  out["same_storyline"] = listed(related.same_storyline);
  return out;
}

Json error_json(std::string_view message) {
  Json out;
  out["error"] = message;
  return out;
}

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace storyline::json
