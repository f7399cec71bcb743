// The article: the unit everything in storyline is computed over.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storyline/common/timestamp.hpp"

namespace storyline {

// A field of an input record that storyline does not interpret. It is kept, never rejected, so that
// a user's own metadata (section, author, ...) travels with the article to the output.
struct ExtraField {
  std::string name;
  std::string json;  // the value exactly as it appeared in the input, as JSON text
};

struct Article {
  std::string id;     // required, unique within a run
  std::string text;   // required, UTF-8 body text
  std::string title;  // optional
  std::string url;    // optional
  std::string source; // optional: publisher or feed name
  std::string published;  // optional: the ISO-8601 date or date-time as given in the input
  std::optional<Timestamp> published_at;  // `published` parsed; set whenever `published` is
  std::string lang;   // optional ISO 639-1 code as given; empty means "detect it"
  std::vector<ExtraField> extra;  // unknown fields, in input order
};

}  // namespace storyline
